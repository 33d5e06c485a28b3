package dev.aep.operator.reconciler.steps;

import dev.aep.operator.platform.PlatformAccount;

/**
 * What the Secrets of a flow resolved to. {@link #toString()} never shows a secret value.
 *
 * @param account Platform credentials from the credentials Secret
 * @param stripeAccessToken the Stripe key, or null when the flow uses an existing base connection
 * @param stripeSecretVersion resourceVersion of the Stripe Secret, or null
 * @param stripeSecretRef {@code namespace/name (key k)} of the Stripe Secret for messages, or null
 */
public record Credentials(
    PlatformAccount account,
    String stripeAccessToken,
    String stripeSecretVersion,
    String stripeSecretRef) {

  @Override
  public String toString() {
    return "Credentials[account="
        + account
        + ", stripeAccessToken=<redacted>, stripeSecretVersion="
        + stripeSecretVersion
        + ", stripeSecretRef="
        + stripeSecretRef
        + "]";
  }
}

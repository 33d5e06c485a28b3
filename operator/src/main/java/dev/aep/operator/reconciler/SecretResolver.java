package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.SecretKeyReference;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.reconciler.steps.Credentials;
import dev.aep.operator.reconciler.steps.StepFailure;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads the flow's Secrets, always from the flow's own namespace, and turns them into credentials.
 * A missing Secret or key is a {@code SecretNotFound} failure before any Platform call; no value
 * ever reaches a message.
 */
final class SecretResolver {
  static final List<String> REQUIRED_KEYS = List.of("clientId", "clientSecret", "orgId");

  private final BiFunction<String, String, Optional<Secret>> lookup;

  /** {@code lookup} finds a Secret by namespace and name. */
  SecretResolver(BiFunction<String, String, Optional<Secret>> lookup) {
    this.lookup = lookup;
  }

  /**
   * Resolves the Platform credentials and, when the flow manages its base connection and {@code
   * withStripe} is set, the Stripe key.
   */
  Credentials resolve(StripeIngestionFlow flow, boolean withStripe) {
    String namespace = flow.getMetadata().getNamespace();
    String platformName = flow.getSpec().getPlatform().getCredentialsSecretRef().getName();
    Secret platform = find(namespace, platformName, "spec.platform.credentialsSecretRef");
    for (String key : REQUIRED_KEYS) {
      if (value(platform, key).isEmpty()) {
        throw missingKey(
            namespace,
            platformName,
            key,
            "it needs clientId, clientSecret and orgId (optional scopes, apiKey)");
      }
    }
    PlatformAccount account =
        new PlatformAccount(
            value(platform, "clientId").get(),
            value(platform, "clientSecret").get(),
            value(platform, "orgId").get(),
            value(platform, "scopes").orElse(null),
            value(platform, "apiKey").orElse(null));
    SecretKeyReference stripeRef = flow.getSpec().getStripe().getAccessTokenSecretRef();
    if (!withStripe || stripeRef == null) {
      return new Credentials(account, null, null, null);
    }
    Secret stripe = find(namespace, stripeRef.getName(), "spec.stripe.accessTokenSecretRef");
    String key = stripeRef.effectiveKey();
    String token =
        value(stripe, key)
            .orElseThrow(
                () ->
                    missingKey(
                        namespace,
                        stripeRef.getName(),
                        key,
                        "spec.stripe.accessTokenSecretRef.key names the key holding the Stripe API key"));
    return new Credentials(
        account,
        token,
        stripe.getMetadata().getResourceVersion(),
        namespace + "/" + stripeRef.getName() + " (key " + key + ")");
  }

  private Secret find(String namespace, String name, String field) {
    return lookup
        .apply(namespace, name)
        .orElseThrow(
            () ->
                new StepFailure(
                    FlowConditions.REASON_SECRET_NOT_FOUND,
                    "Secret "
                        + name
                        + " ("
                        + field
                        + ") was not found in namespace "
                        + namespace
                        + ". Create it there: Secrets are only read from the flow's own namespace.",
                    StepFailure.Retry.SLOW));
  }

  private static StepFailure missingKey(String namespace, String name, String key, String hint) {
    return new StepFailure(
        FlowConditions.REASON_SECRET_NOT_FOUND,
        "Secret " + namespace + "/" + name + " has no non-empty key " + key + ": " + hint + ".",
        StepFailure.Retry.SLOW);
  }

  private static Optional<String> value(Secret secret, String key) {
    Map<String, String> data = secret.getData();
    if (data != null && data.get(key) != null) {
      String decoded =
          new String(Base64.getDecoder().decode(data.get(key).trim()), StandardCharsets.UTF_8)
              .trim();
      return decoded.isEmpty() ? Optional.empty() : Optional.of(decoded);
    }
    // stringData is what manifests use; API servers fold it into data, test servers may not.
    Map<String, String> stringData = secret.getStringData();
    if (stringData != null && stringData.get(key) != null && !stringData.get(key).isBlank()) {
      return Optional.of(stringData.get(key).trim());
    }
    return Optional.empty();
  }
}

package dev.aep.simulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Stripe account behind base connections. A rejected access token makes base connection create,
 * /auth/params updates and explore fail, and makes the flow's runs fail, as a revoked or mistyped
 * Stripe key would.
 */
public final class StripeSource {
  private final Set<String> rejected = ConcurrentHashMap.newKeySet();

  /** Stripe will refuse this access token from now on. */
  public StripeSource rejectToken(String accessToken) {
    rejected.add(accessToken);
    return this;
  }

  /** Stripe accepts this access token again. */
  public StripeSource acceptToken(String accessToken) {
    rejected.remove(accessToken);
    return this;
  }

  public boolean isRejected(String accessToken) {
    return accessToken != null && rejected.contains(accessToken);
  }

  void clear() {
    rejected.clear();
  }
}

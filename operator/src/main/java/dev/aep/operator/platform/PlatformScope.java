package dev.aep.operator.platform;

import java.util.Locale;
import java.util.Objects;

/**
 * One org + sandbox as seen through one set of credentials: what tokens and request limits are
 * keyed by.
 *
 * @param account credentials
 * @param sandbox sandbox name, stored lower case as the Platform expects in {@code x-sandbox-name}
 */
public record PlatformScope(PlatformAccount account, String sandbox) {

  public PlatformScope {
    Objects.requireNonNull(account, "account");
    if (sandbox == null || sandbox.isBlank()) {
      throw new IllegalArgumentException("sandbox must not be blank");
    }
    sandbox = sandbox.trim().toLowerCase(Locale.ROOT);
  }

  /** IMS org id of the account. */
  public String orgId() {
    return account.orgId();
  }

  @Override
  public String toString() {
    return orgId() + "/" + sandbox;
  }
}

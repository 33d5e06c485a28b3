package dev.aep.operator.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * An IMS bearer token with its lifetime; {@link #toString()} never shows the value.
 *
 * @param value the bearer token
 * @param issuedAt when the token was obtained (local clock)
 * @param expiresAt issuedAt plus {@code expires_in} seconds
 */
public record AccessToken(String value, Instant issuedAt, Instant expiresAt) {

  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AccessToken[value=<redacted>, issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
  }
}

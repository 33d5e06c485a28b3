package dev.aep.operator.platform;

import java.util.Objects;

/**
 * Adobe Developer Console OAuth server-to-server credentials for one IMS org.
 *
 * <p>Equality covers every field, so a rotated secret is a different account (and a different token
 * cache entry). {@link #toString()} never shows the client secret.
 *
 * @param clientId OAuth client id (also the default {@code x-api-key})
 * @param clientSecret OAuth client secret; never logged
 * @param orgId IMS org id, {@code ...@AdobeOrg}
 * @param scopes comma-separated IMS scopes; {@link #DEFAULT_SCOPES} when blank
 * @param apiKey value of {@code x-api-key}; defaults to {@code clientId} when blank
 */
public record PlatformAccount(
    String clientId, String clientSecret, String orgId, String scopes, String apiKey) {

  /** Scope string of a typical Experience Platform API project. */
  public static final String DEFAULT_SCOPES =
      "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session";

  public PlatformAccount {
    requireText(clientId, "clientId");
    requireText(clientSecret, "clientSecret");
    requireText(orgId, "orgId");
    clientId = clientId.trim();
    orgId = orgId.trim();
    scopes = isBlank(scopes) ? DEFAULT_SCOPES : scopes.trim();
    apiKey = isBlank(apiKey) ? clientId : apiKey.trim();
  }

  /** Account with default scopes and the client id as api key. */
  public static PlatformAccount of(String clientId, String clientSecret, String orgId) {
    return new PlatformAccount(clientId, clientSecret, orgId, null, null);
  }

  @Override
  public String toString() {
    return "PlatformAccount[clientId="
        + clientId
        + ", clientSecret=<redacted>, orgId="
        + orgId
        + ", scopes="
        + scopes
        + ", apiKey="
        + apiKey
        + "]";
  }

  private static void requireText(String value, String name) {
    if (isBlank(value)) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static boolean isBlank(String value) {
    return Objects.isNull(value) || value.isBlank();
  }
}

package dev.aep.operator.platform;

import java.util.Map;

/**
 * Body of {@code POST /connections}; {@link #toString()} hides the auth params.
 *
 * @param name connection name
 * @param description description, may be null
 * @param connectionSpec connection spec
 * @param authSpecName auth spec name
 * @param authParams credential params, e.g. {@code accessToken}
 */
public record BaseConnectionRequest(
    String name,
    String description,
    SpecRef connectionSpec,
    String authSpecName,
    Map<String, String> authParams) {

  /** Auth spec name of the Stripe source. */
  public static final String STRIPE_AUTH_SPEC = "OAuth2 Refresh Code";

  /** Auth param carrying the Stripe API key. */
  public static final String STRIPE_ACCESS_TOKEN_PARAM = "accessToken";

  public BaseConnectionRequest {
    authParams = Copies.map(authParams);
  }

  /** A Stripe base connection holding one access token. */
  public static BaseConnectionRequest stripe(String name, String description, String accessToken) {
    return new BaseConnectionRequest(
        name,
        description,
        SpecRef.STRIPE_SOURCE,
        STRIPE_AUTH_SPEC,
        Map.of(STRIPE_ACCESS_TOKEN_PARAM, accessToken));
  }

  @Override
  public String toString() {
    return "BaseConnectionRequest[name="
        + name
        + ", description="
        + description
        + ", connectionSpec="
        + connectionSpec
        + ", authSpecName="
        + authSpecName
        + ", authParams="
        + authParams.keySet()
        + " <values redacted>]";
  }
}

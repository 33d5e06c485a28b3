package dev.aep.operator.platform;

import java.util.Map;

/**
 * Body of {@code POST /sourceConnections}.
 *
 * @param name name
 * @param description description, may be null
 * @param baseConnectionId base connection id
 * @param connectionSpec connection spec
 * @param dataFormat {@code data.format}
 * @param params source params
 */
public record SourceConnectionRequest(
    String name,
    String description,
    String baseConnectionId,
    SpecRef connectionSpec,
    String dataFormat,
    Map<String, String> params) {

  public SourceConnectionRequest {
    params = Copies.map(params);
  }

  /** A Stripe source connection reading one resource path as JSON. */
  public static SourceConnectionRequest stripe(
      String name, String description, String baseConnectionId, String resourcePath) {
    return new SourceConnectionRequest(
        name,
        description,
        baseConnectionId,
        SpecRef.STRIPE_SOURCE,
        "json",
        Map.of("resourcePath", resourcePath));
  }
}

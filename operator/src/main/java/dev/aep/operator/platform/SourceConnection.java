package dev.aep.operator.platform;

import java.util.Map;

/**
 * A Flow Service source connection as read back.
 *
 * @param id connection id
 * @param etag exact etag including quotes
 * @param name name
 * @param description description, may be null
 * @param state state
 * @param baseConnectionId base connection it reads through
 * @param connectionSpec connection spec
 * @param dataFormat {@code data.format}, {@code json} for Stripe
 * @param params source params, {@code resourcePath} for Stripe
 */
public record SourceConnection(
    String id,
    String etag,
    String name,
    String description,
    String state,
    String baseConnectionId,
    SpecRef connectionSpec,
    String dataFormat,
    Map<String, String> params)
    implements FlowServiceObject {

  public SourceConnection {
    params = Copies.map(params);
  }

  /** {@code params.resourcePath}, or null. */
  public String resourcePath() {
    return params.get("resourcePath");
  }

  /** {@code /sourceConnections} of Flow Service. */
  public static final RemoteKind<SourceConnection, SourceConnectionRequest> KIND =
      new RemoteKind<>(
          "source connection",
          s -> s.flowService().sourceConnections(),
          SourceConnectionRequest::name);
}

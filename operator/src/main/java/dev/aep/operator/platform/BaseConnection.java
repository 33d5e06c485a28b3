package dev.aep.operator.platform;

/**
 * A Flow Service base connection (account) as read back; credentials are never part of it.
 *
 * @param id connection id
 * @param etag exact etag including quotes
 * @param name name
 * @param description description, may be null
 * @param state {@code enabled}, {@code disabled}, ...
 * @param connectionSpec connection spec
 * @param authSpecName auth spec name, {@code OAuth2 Refresh Code} for Stripe
 * @param createdAt epoch milliseconds, may be null
 * @param updatedAt epoch milliseconds, may be null
 */
public record BaseConnection(
    String id,
    String etag,
    String name,
    String description,
    String state,
    SpecRef connectionSpec,
    String authSpecName,
    Long createdAt,
    Long updatedAt)
    implements FlowServiceObject {
  /** {@code /connections} of Flow Service. */
  public static final RemoteKind<BaseConnection, BaseConnectionRequest> KIND =
      new RemoteKind<>(
          "base connection", s -> s.flowService().baseConnections(), BaseConnectionRequest::name);
}

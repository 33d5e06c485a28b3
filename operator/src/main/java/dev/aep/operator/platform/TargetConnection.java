package dev.aep.operator.platform;

import java.util.Map;

/**
 * A Flow Service target connection as read back.
 *
 * @param id connection id
 * @param etag exact etag including quotes
 * @param name name
 * @param description description, may be null
 * @param state state
 * @param connectionSpec connection spec
 * @param dataFormat {@code data.format}, {@code parquet_xdm} for the data lake
 * @param schemaId {@code data.schema.id}
 * @param schemaVersion {@code data.schema.version}, an XDM content type such as {@code
 *     application/vnd.adobe.xed-full+json;version=1.0}
 * @param params target params, {@code dataSetId} for the data lake
 */
public record TargetConnection(
    String id,
    String etag,
    String name,
    String description,
    String state,
    SpecRef connectionSpec,
    String dataFormat,
    String schemaId,
    String schemaVersion,
    Map<String, String> params)
    implements FlowServiceObject {

  public TargetConnection {
    params = Copies.map(params);
  }

  /** {@code params.dataSetId}, or null. */
  public String dataSetId() {
    return params.get("dataSetId");
  }

  /** {@code /targetConnections} of Flow Service. */
  public static final RemoteKind<TargetConnection, TargetConnectionRequest> KIND =
      new RemoteKind<>(
          "target connection",
          s -> s.flowService().targetConnections(),
          TargetConnectionRequest::name);
}

package dev.aep.operator.platform;

import java.util.Map;

/**
 * Body of {@code POST /targetConnections}.
 *
 * @param name name
 * @param description description, may be null
 * @param connectionSpec connection spec
 * @param dataFormat {@code data.format}
 * @param schemaId {@code data.schema.id}
 * @param schemaVersion {@code data.schema.version} (XDM content type with version)
 * @param params target params
 */
public record TargetConnectionRequest(
    String name,
    String description,
    SpecRef connectionSpec,
    String dataFormat,
    String schemaId,
    String schemaVersion,
    Map<String, String> params) {

  public TargetConnectionRequest {
    params = Copies.map(params);
  }

  /**
   * A data lake target writing parquet XDM into a dataset.
   *
   * @param schemaVersion the schema's version as the registry reports it ({@code "1.0"}); turned
   *     into {@link #xdmContentType(String)}
   */
  public static TargetConnectionRequest dataLake(
      String name, String description, String schemaId, String schemaVersion, String dataSetId) {
    return new TargetConnectionRequest(
        name,
        description,
        SpecRef.DATA_LAKE_TARGET,
        "parquet_xdm",
        schemaId,
        xdmContentType(schemaVersion),
        Map.of("dataSetId", dataSetId));
  }

  /** {@code application/vnd.adobe.xed-full+json;version=<schemaVersion>}. */
  public static String xdmContentType(String schemaVersion) {
    return "application/vnd.adobe.xed-full+json;version=" + schemaVersion;
  }
}

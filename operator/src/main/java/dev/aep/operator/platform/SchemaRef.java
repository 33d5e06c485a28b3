package dev.aep.operator.platform;

/**
 * Reference to an XDM schema in a dataset or mapping set.
 *
 * @param id schema {@code $id}
 * @param contentType XDM content type with version, e.g. {@code
 *     application/vnd.adobe.xed+json;version=1}
 */
public record SchemaRef(String id, String contentType) {

  /** Reference with the default dataset content type ({@code xed+json;version=1}). */
  public static SchemaRef forDataset(String schemaId) {
    return new SchemaRef(schemaId, "application/vnd.adobe.xed+json;version=1");
  }

  /** Reference with the mapping set content type ({@code xed-full+json;version=1}). */
  public static SchemaRef forMapping(String schemaId) {
    return new SchemaRef(schemaId, "application/vnd.adobe.xed-full+json;version=1");
  }
}

package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;

/**
 * A Catalog dataset.
 *
 * @param id dataset id (24 hex characters)
 * @param name name (not unique)
 * @param description description, may be null
 * @param schemaRef schema the dataset stores
 * @param tags tags, name to values
 * @param version Catalog version string, may be null
 * @param created epoch milliseconds, may be null
 * @param updated epoch milliseconds, may be null
 */
public record Dataset(
    String id,
    String name,
    String description,
    SchemaRef schemaRef,
    Map<String, List<String>> tags,
    String version,
    Long created,
    Long updated)
    implements RemoteObject {

  public Dataset {
    tags = Copies.map(tags);
  }

  /** Catalog datasets. */
  public static final RemoteKind<Dataset, DatasetRequest> KIND =
      new RemoteKind<>("dataset", s -> s.catalog().datasets(), DatasetRequest::name);
}

package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /dataSets}.
 *
 * @param name name
 * @param description description, may be null
 * @param schemaRef schema reference
 * @param tags tags, may be empty
 */
public record DatasetRequest(
    String name, String description, SchemaRef schemaRef, Map<String, List<String>> tags) {

  public DatasetRequest {
    tags = Copies.map(tags);
  }
}

package dev.aep.operator.platform;

import java.util.List;

/**
 * Body of {@code POST /mappingSets} and {@code PUT /mappingSets/{id}}.
 *
 * @param name name, may be null
 * @param outputSchema target schema
 * @param mappings mappings
 */
public record MappingSetRequest(String name, SchemaRef outputSchema, List<Mapping> mappings) {

  public MappingSetRequest {
    mappings = Copies.list(mappings);
  }
}

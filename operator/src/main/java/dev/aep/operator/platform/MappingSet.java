package dev.aep.operator.platform;

import java.util.List;

/**
 * A Data Prep mapping set at one version.
 *
 * @param id mapping set id (32 hex characters)
 * @param version version, 0 on create, incremented by every PUT
 * @param name name, may be null
 * @param outputSchema target schema
 * @param mappings mappings
 * @param createdDate epoch milliseconds, may be null
 * @param modifiedDate epoch milliseconds, may be null
 */
public record MappingSet(
    String id,
    int version,
    String name,
    SchemaRef outputSchema,
    List<Mapping> mappings,
    Long createdDate,
    Long modifiedDate)
    implements RemoteObject {

  public MappingSet {
    mappings = Copies.list(mappings);
  }

  /** Version {@code version} of {@code id} as its request described it. */
  public static MappingSet sent(String id, int version, MappingSetRequest request) {
    return new MappingSet(
        id, version, request.name(), request.outputSchema(), request.mappings(), null, null);
  }

  /** Data Prep mapping sets. */
  public static final RemoteKind<MappingSet, MappingSetRequest> KIND =
      new RemoteKind<>("mapping set", s -> s.dataPrep().mappingSets(), MappingSetRequest::name);
}

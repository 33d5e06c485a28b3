package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data Prep ({@code /data/foundation/conversion}) mapping sets for one org+sandbox. Mapping sets
 * cannot be deleted; a PUT creates a new version and old versions stay readable.
 */
public interface DataPrepClient extends ServiceClient {

  /**
   * {@code /mappingSets}: creates answer id and version 0 (no etag); lookups by name use Data
   * Prep's one exact {@code name=} filter; pages are offsets. Mapping sets are neither patched nor
   * deleted.
   */
  default RemoteCollection<MappingSet, MappingSetRequest> mappingSets() {
    return collection(MappingSet.KIND);
  }

  /** {@code POST /mappingSets} (answered 200); returns id and version 0. */
  MappingSetVersion createMappingSet(MappingSetRequest request);

  /** {@code GET /mappingSets/{id}} without a version: the service's default version. */
  default Optional<MappingSet> getMappingSet(String id) {
    return mappingSets().get(id);
  }

  /** {@code GET /mappingSets/{id}?version=N}. */
  Optional<MappingSet> getMappingSet(String id, int version);

  /** {@code PUT /mappingSets/{id}}: a full replacement that answers with the new version. */
  MappingSet updateMappingSet(String id, MappingSetRequest request);

  /**
   * {@code POST /mappingSets/validate}: the Platform's verdict per mapping; stores nothing
   * (platform-api.md 14).
   */
  List<MappingCheck> validateMappingSet(MappingSetRequest request);

  /**
   * {@code POST /mappingSets/preview}: applies the mappings to the sample records, one row per
   * record (platform-api.md 14).
   */
  List<PreviewRow> previewMappingSet(MappingSetRequest request, List<Map<String, Object>> samples);
}

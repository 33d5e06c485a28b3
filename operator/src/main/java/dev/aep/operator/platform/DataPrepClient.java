package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data Prep ({@code /data/foundation/conversion}) mapping sets for one org+sandbox. Mapping sets
 * cannot be deleted; a PUT creates a new version and old versions stay readable.
 */
public interface DataPrepClient {

  /** {@code POST /mappingSets} (answered 200); returns id and version 0. */
  MappingSetVersion createMappingSet(MappingSetRequest request);

  /** {@code GET /mappingSets/{id}} without a version: the service's default version. */
  Optional<MappingSet> getMappingSet(String id);

  /** {@code GET /mappingSets/{id}?version=N}. */
  Optional<MappingSet> getMappingSet(String id, int version);

  /** {@code PUT /mappingSets/{id}}: a full replacement that answers with the new version. */
  MappingSet updateMappingSet(String id, MappingSetRequest request);

  /** Mapping sets named exactly {@code name}, all pages. */
  List<MappingSet> findMappingSetsByName(String name);

  /**
   * One page of {@code GET /mappingSets} ({@code name} filter optional); the page token is the next
   * {@code start} offset.
   */
  Page<MappingSet> listMappingSetsPage(String name, String pageToken);

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

package dev.aep.operator.platform;

import java.util.List;
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
   * One page of {@code GET /mappingSets} ({@code name} filter optional); the page token is the
   * next {@code start} offset.
   */
  Page<MappingSet> listMappingSetsPage(String name, String pageToken);
}

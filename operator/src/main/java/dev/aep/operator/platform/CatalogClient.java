package dev.aep.operator.platform;

import java.util.Optional;

/**
 * Catalog ({@code /data/foundation/catalog}) datasets for one org+sandbox: {@code /dataSets} as a
 * {@link RemoteCollection} (creates answer {@code ["@/dataSets/<id>"]}, no etag; reads are keyed by
 * id; pages are offsets; datasets are not patched), plus the list by tag.
 */
public interface CatalogClient extends ServiceClient {

  /** {@code /dataSets}. A delete is answered 200, with an empty {@code []} when already gone. */
  default RemoteCollection<Dataset, DatasetRequest> datasets() {
    return collection(Dataset.KIND);
  }

  /**
   * One page of {@code GET /dataSets?tags=<tag>:<value>}: the datasets carrying that tag value
   * (platform-api.md 4 [DOC:CAT-FILTER]); the page token is the next {@code start} offset.
   */
  Page<Dataset> listDatasetsTaggedPage(String tag, String value, int limit, String pageToken);

  /** {@code POST /dataSets}; returns the id parsed from the {@code ["@/dataSets/<id>"]} answer. */
  default String createDataset(DatasetRequest request) {
    return datasets().create(request).id();
  }

  /** {@code GET /dataSets/{id}} (an object keyed by the id). */
  default Optional<Dataset> getDataset(String id) {
    return datasets().get(id);
  }

  /** {@code DELETE /dataSets/{id}}; false when the dataset was already gone. */
  default boolean deleteDataset(String id) {
    return datasets().delete(id);
  }
}

package dev.aep.operator.platform;

import java.util.List;
import java.util.Optional;

/** Catalog ({@code /data/foundation/catalog}) datasets for one org+sandbox. */
public interface CatalogClient {

  /** {@code POST /dataSets}; returns the id parsed from the {@code ["@/dataSets/<id>"]} answer. */
  String createDataset(DatasetRequest request);

  /** {@code GET /dataSets/{id}} (an object keyed by the id). */
  Optional<Dataset> getDataset(String id);

  /** Datasets named exactly {@code name} (names are not unique). */
  List<Dataset> findDatasetsByName(String name);

  /** {@code GET /dataSets?property=...}, all pages. */
  List<Dataset> listDatasets(ListQuery query);

  /** One page of {@code GET /dataSets}; the page token is the next {@code start} offset. */
  Page<Dataset> listDatasetsPage(ListQuery query, String pageToken);

  /**
   * One page of {@code GET /dataSets?tags=<tag>:<value>}: the datasets carrying that tag value
   * (platform-api.md 4 [DOC:CAT-FILTER]); the page token is the next {@code start} offset.
   */
  Page<Dataset> listDatasetsTaggedPage(String tag, String value, int limit, String pageToken);

  /**
   * {@code DELETE /dataSets/{id}} (answered 200); false when the dataset was already gone (404 or
   * an empty {@code []} answer).
   */
  boolean deleteDataset(String id);
}

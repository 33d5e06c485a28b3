package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.CatalogClient;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import java.util.List;
import java.util.Optional;

/** Catalog writes that keep the scope's dataset snapshot current. */
final class WriteThroughCatalog implements CatalogClient {
  private final CatalogClient delegate;
  private final ScopeSnapshots scope;

  WriteThroughCatalog(CatalogClient delegate, ScopeSnapshots scope) {
    this.delegate = delegate;
    this.scope = scope;
  }

  @Override
  public String createDataset(DatasetRequest request) {
    String id =
        WriteThroughFlowService.create(
            scope.datasets, request.name(), () -> delegate.createDataset(request));
    scope.datasets.remember(
        new Dataset(
            id,
            request.name(),
            request.description(),
            request.schemaRef(),
            request.tags(),
            null,
            null,
            null));
    return id;
  }

  @Override
  public Optional<Dataset> getDataset(String id) {
    return delegate.getDataset(id);
  }

  @Override
  public List<Dataset> findDatasetsByName(String name) {
    return delegate.findDatasetsByName(name);
  }

  @Override
  public List<Dataset> listDatasets(ListQuery query) {
    return delegate.listDatasets(query);
  }

  @Override
  public Page<Dataset> listDatasetsTaggedPage(
      String tag, String value, int limit, String pageToken) {
    return delegate.listDatasetsTaggedPage(tag, value, limit, pageToken);
  }

  @Override
  public Page<Dataset> listDatasetsPage(ListQuery query, String pageToken) {
    return delegate.listDatasetsPage(query, pageToken);
  }

  @Override
  public boolean deleteDataset(String id) {
    return WriteThroughFlowService.delete(scope.datasets, id, () -> delegate.deleteDataset(id));
  }
}

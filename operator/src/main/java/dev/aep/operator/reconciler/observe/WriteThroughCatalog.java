package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.CatalogClient;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.RemoteCollection;

/** Catalog writes that keep the scope's dataset snapshot current. */
final class WriteThroughCatalog implements CatalogClient {
  private final CatalogClient delegate;
  private final RemoteCollection<Dataset, DatasetRequest> datasets;

  WriteThroughCatalog(CatalogClient delegate, ScopeSnapshots scope) {
    this.delegate = delegate;
    this.datasets =
        new WriteThroughCollection<>(delegate.datasets(), scope.datasets, DatasetRequest::name);
  }

  @Override
  public RemoteCollection<Dataset, DatasetRequest> datasets() {
    return datasets;
  }

  @Override
  public Page<Dataset> listDatasetsTaggedPage(
      String tag, String value, int limit, String pageToken) {
    return delegate.listDatasetsTaggedPage(tag, value, limit, pageToken);
  }
}

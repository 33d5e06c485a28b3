package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.CatalogClient;
import dev.aep.operator.platform.DataPrepClient;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.PlatformScope;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.SchemaRegistryClient;

/**
 * A session whose writes also keep the org+sandbox's snapshots current: a create remembers the
 * object it made (so the pass goes on without reading it back), a patch, PUT or action marks the
 * object for one fresh read, a delete marks it gone, and a create that may have happened despite an
 * error makes the next lookup of its name ask the Platform. Reads pass straight through.
 */
final class WriteThroughSession implements PlatformSession {
  private final PlatformSession delegate;
  private final FlowServiceClient flowService;
  private final SchemaRegistryClient schemaRegistry;
  private final CatalogClient catalog;
  private final DataPrepClient dataPrep;

  WriteThroughSession(PlatformSession delegate, ScopeSnapshots scope) {
    this.delegate = delegate;
    this.flowService = new WriteThroughFlowService(delegate.flowService(), scope);
    this.schemaRegistry = new WriteThroughSchemaRegistry(delegate.schemaRegistry(), scope);
    this.catalog = new WriteThroughCatalog(delegate.catalog(), scope);
    this.dataPrep = new WriteThroughDataPrep(delegate.dataPrep(), scope);
  }

  @Override
  public PlatformScope scope() {
    return delegate.scope();
  }

  @Override
  public FlowServiceClient flowService() {
    return flowService;
  }

  @Override
  public SchemaRegistryClient schemaRegistry() {
    return schemaRegistry;
  }

  @Override
  public CatalogClient catalog() {
    return catalog;
  }

  @Override
  public DataPrepClient dataPrep() {
    return dataPrep;
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}

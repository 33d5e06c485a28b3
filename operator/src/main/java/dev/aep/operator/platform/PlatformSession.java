package dev.aep.operator.platform;

/** The four Platform service clients bound to one org+sandbox; tokens are handled inside. */
public interface PlatformSession {

  /** The org+sandbox every call of this session targets. */
  PlatformScope scope();

  /** Flow Service: base, source and target connections, flows, runs. */
  FlowServiceClient flowService();

  /** Schema Registry: tenant schemas, field groups, descriptors. */
  SchemaRegistryClient schemaRegistry();

  /** Catalog: datasets. */
  CatalogClient catalog();

  /** Data Prep: mapping sets. */
  DataPrepClient dataPrep();

  /** A session made of these clients (over HTTP, or decorating another session's). */
  static PlatformSession of(
      PlatformScope scope,
      FlowServiceClient flowService,
      SchemaRegistryClient schemaRegistry,
      CatalogClient catalog,
      DataPrepClient dataPrep) {
    return new Clients(scope, flowService, schemaRegistry, catalog, dataPrep);
  }

  /** The clients of one scope. */
  record Clients(
      PlatformScope scope,
      FlowServiceClient flowService,
      SchemaRegistryClient schemaRegistry,
      CatalogClient catalog,
      DataPrepClient dataPrep)
      implements PlatformSession {
    @Override
    public String toString() {
      return "PlatformSession[" + scope + "]";
    }
  }
}

package dev.aep.operator.platform;

/** The four Platform service clients bound to one org+sandbox; tokens are handled inside. */
public interface PlatformSession {

  /** The org+sandbox every call of this session targets. */
  PlatformScope scope();

  /** Flow Service: base, source and target connections, flows, runs. */
  FlowServiceClient flowService();

  /** Schema Registry: tenant schemas. */
  SchemaRegistryClient schemaRegistry();

  /** Catalog: datasets. */
  CatalogClient catalog();

  /** Data Prep: mapping sets. */
  DataPrepClient dataPrep();
}

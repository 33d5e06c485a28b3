package dev.aep.simulator.http;

/** Which Platform service a route belongs to: decides gateway checks and the error body shape. */
public enum Service {
  IMS("/ims"),
  FLOW_SERVICE("/data/foundation/flowservice"),
  SCHEMA_REGISTRY("/data/foundation/schemaregistry"),
  CATALOG("/data/foundation/catalog"),
  DATA_PREP("/data/foundation/conversion"),
  ADMIN("/simulator/admin");

  private final String basePath;

  Service(String basePath) {
    this.basePath = basePath;
  }

  public String basePath() {
    return basePath;
  }

  /** Platform services sit behind the Adobe gateway (token, api key, org and sandbox headers). */
  public boolean behindGateway() {
    return this != IMS && this != ADMIN;
  }
}

package dev.aep.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Error bodies in the shapes each service documents (platform-api.md 1.3, 2.2, 3). Where a shape
 * is undocumented (Catalog, Data Prep) the choice is marked [INF].
 */
public final class Problems {
  /** Generic Flow Service validation code for checks whose real code is not documented. [INF] */
  public static final String FLOW_VALIDATION = "1100-400";

  private Problems() {}

  /** Gateway body, e.g. {"error_code":"401013","message":"Oauth token is not valid"}. */
  public static ApiError gateway(int status, String code, String message) {
    ObjectNode body = Json.obj().put("error_code", code).put("message", message);
    return new ApiError(Response.json(status, body));
  }

  /** Flow Service problem body; code is "nnnn-sss" (the FLOW- prefix is added). */
  public static ApiError flow(String code, String title, String detail, String resourceType, String id) {
    int status = Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    ObjectNode report = Json.obj().put("detailed-message", detail);
    if (id != null) {
      report.put("id", id);
    }
    report.put("request-id", UUID.randomUUID().toString());
    if (resourceType != null) {
      report.put("type", resourceType);
    }
    ObjectNode body =
        Json.obj()
            .put("type", "https://ns.adobe.com/aep/errors/FLOW-" + code)
            .put("title", title)
            .put("status", status);
    body.set("report", report);
    body.put("errorMessage", detail).put("errorDetails", detail);
    return new ApiError(Response.json(status, body));
  }

  public static ApiError flowBadRequest(String detail) {
    return flow(FLOW_VALIDATION, "Bad Request", detail, null, null);
  }

  /** A Flow Service 400 with its own code, e.g. "1413-400". */
  public static ApiError flowBadRequest(String code, String detail, String resourceType, String id) {
    return flow(code, "Bad Request", detail, resourceType, id);
  }

  /** Schema Registry error: {type, title, status, report{registryRequestId, timestamp, detailed-message}, detail}. */
  public static ApiError xdm(String code, String title, String detail) {
    int status = Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    ObjectNode report =
        Json.obj()
            .put("registryRequestId", UUID.randomUUID().toString())
            .put("timestamp", Instant.now().toString())
            .put("detailed-message", detail);
    report.set("sub-errors", Json.arr());
    ObjectNode body =
        Json.obj()
            .put("type", "http://ns.adobe.com/aep/errors/XDM-" + code)
            .put("title", title)
            .put("status", status);
    body.set("report", report);
    body.put("detail", detail);
    return new ApiError(Response.json(status, body));
  }

  /**
   * Catalog and Data Prep errors. [INF] Their bodies are undocumented; this uses the same
   * problem-details shape as the other services, code prefixed CAT- or DP-.
   */
  public static ApiError simpleProblem(Service service, int status, String title, String detail) {
    String prefix = service == Service.CATALOG ? "CAT" : service == Service.DATA_PREP ? "DP" : "PLATFORM";
    ObjectNode body =
        Json.obj()
            .put("type", "http://ns.adobe.com/aep/errors/" + prefix + "-" + status)
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    return new ApiError(Response.json(status, body));
  }

  /** A problem for any service in its own shape; used by faults and gateway-level sandbox checks. */
  public static ApiError forService(Service service, int status, String flowCode, String title, String detail) {
    switch (service) {
      case FLOW_SERVICE:
        return flow(flowCode, title, detail, null, null);
      case SCHEMA_REGISTRY:
        return xdm(flowCode, title, detail);
      default:
        return simpleProblem(service, status, title, detail);
    }
  }

  /** The documented missing Content-Type body (platform-api.md 1.3). */
  public static ApiError contentType() {
    ObjectNode body =
        Json.obj()
            .put("type", "/placeholder/type/uri")
            .put("status", 400)
            .put("title", "BadRequestError")
            .put("detail", "A valid content-type must be specified");
    return new ApiError(Response.json(400, body));
  }
}

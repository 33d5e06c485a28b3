package dev.aep.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Error bodies in the shapes each service documents (platform-api.md 1.3, 2.2, 3). Where a shape is
 * undocumented (Catalog, Data Prep) the choice is marked [INF].
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
  public static ApiError flow(
      String code, String title, String detail, String resourceType, String id) {
    ObjectNode report = Json.obj().put("detailed-message", detail);
    if (id != null) {
      report.put("id", id);
    }
    report.put("request-id", UUID.randomUUID().toString());
    if (resourceType != null) {
      report.put("type", resourceType);
    }
    ObjectNode body = head("https://ns.adobe.com/aep/errors/FLOW-" + code, title, status(code));
    body.set("report", report);
    body.put("errorMessage", detail).put("errorDetails", detail);
    return new ApiError(Response.json(status(code), body));
  }

  public static ApiError flowBadRequest(String detail) {
    return flow(FLOW_VALIDATION, "Bad Request", detail, null, null);
  }

  /** A Flow Service 400 with its own code, e.g. "1413-400". */
  public static ApiError flowBadRequest(
      String code, String detail, String resourceType, String id) {
    return flow(code, "Bad Request", detail, resourceType, id);
  }

  /**
   * Schema Registry error: {type, title, status, report{registryRequestId, timestamp,
   * detailed-message}, detail}.
   */
  public static ApiError xdm(String code, String title, String detail) {
    ObjectNode report =
        Json.obj()
            .put("registryRequestId", UUID.randomUUID().toString())
            .put("timestamp", Instant.now().toString())
            .put("detailed-message", detail);
    report.set("sub-errors", Json.arr());
    ObjectNode body = head("http://ns.adobe.com/aep/errors/XDM-" + code, title, status(code));
    body.set("report", report);
    body.put("detail", detail);
    return new ApiError(Response.json(status(code), body));
  }

  /**
   * Catalog and Data Prep errors. [INF] Their bodies are undocumented; this uses the same
   * problem-details shape as the other services, code prefixed CAT- or DP-.
   */
  public static ApiError simpleProblem(Service service, int status, String title, String detail) {
    return new ApiError(Response.json(status, simpleBody(service, status, title, detail)));
  }

  /** The body of {@link #simpleProblem}, for a service that adds fields to it. */
  public static ObjectNode simpleBody(Service service, int status, String title, String detail) {
    String prefix =
        service == Service.CATALOG ? "CAT" : service == Service.DATA_PREP ? "DP" : "PLATFORM";
    return head("http://ns.adobe.com/aep/errors/" + prefix + "-" + status, title, status)
        .put("detail", detail);
  }

  /** [INF] An IMS error in the OAuth form {"error", "error_description"}. */
  public static ApiError oauth(int status, String error, String description) {
    return new ApiError(
        Response.json(
            status, Json.obj().put("error", error).put("error_description", description)));
  }

  private static ObjectNode head(String type, String title, int status) {
    return Json.obj().put("type", type).put("title", title).put("status", status);
  }

  /** The HTTP status of a code "nnnn-sss". */
  private static int status(String code) {
    return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
  }

  /**
   * A problem for any service in its own shape; used by faults and gateway-level sandbox checks.
   */
  public static ApiError forService(
      Service service, int status, String flowCode, String title, String detail) {
    return switch (service) {
      case FLOW_SERVICE -> flow(flowCode, title, detail, null, null);
      case SCHEMA_REGISTRY -> xdm(flowCode, title, detail);
      default -> simpleProblem(service, status, title, detail);
    };
  }

  /** The documented missing Content-Type body (platform-api.md 1.3). */
  public static ApiError contentType() {
    return new ApiError(
        Response.json(
            400,
            Json.obj()
                .put("type", "/placeholder/type/uri")
                .put("status", 400)
                .put("title", "BadRequestError")
                .put("detail", "A valid content-type must be specified")));
  }
}

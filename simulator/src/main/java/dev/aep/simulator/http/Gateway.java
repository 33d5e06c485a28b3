package dev.aep.simulator.http;

import dev.aep.simulator.Accounts;
import java.time.Instant;
import java.util.Locale;

/**
 * The Adobe I/O gateway in front of every Platform service: token, api key, org and sandbox
 * headers, checked on every call, answered with the gateway bodies of platform-api.md 1.3.
 */
public final class Gateway {
  private final Accounts accounts;

  public Gateway(Accounts accounts) {
    this.accounts = accounts;
  }

  /** The request for the caller it establishes, or throws the gateway's answer. */
  public Request check(Request req, Service service) {
    String auth = req.header("Authorization");
    if (auth == null || auth.isBlank()) {
      throw Problems.gateway(403, "403010", "Oauth token is missing.");
    }
    String apiKey = req.header("x-api-key");
    if (apiKey == null || apiKey.isBlank()) {
      throw Problems.gateway(403, "403000", "Api Key is required");
    }
    String tokenValue =
        auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    Accounts.Token token = tokenValue == null ? null : accounts.token(tokenValue).orElse(null);
    if (token == null || !Instant.now().isBefore(token.expiresAt())) {
      throw Problems.gateway(401, "401013", "Oauth token is not valid");
    }
    if (!apiKey.equals(token.clientId())) {
      throw Problems.gateway(403, "403003", "Api Key is invalid");
    }
    String org = req.header("x-gw-ims-org-id");
    if (org == null || org.isBlank()) {
      throw Problems.gateway(400, "400003", "Missing header");
    }
    if (!org.endsWith("@AdobeOrg")) {
      throw Problems.gateway(403, "403027", "User region is missing");
    }
    if (!org.equals(token.orgId())) {
      throw Problems.gateway(403, "403025", "Profile is not valid");
    }
    String sandbox = req.header("x-sandbox-name");
    if (sandbox == null || sandbox.isBlank()) {
      // Flow Service documents 2105-400; the other services' code is not documented. [INF]
      throw Problems.forService(
          service, 400, "2105-400", "Bad Request", "The header x-sandbox-name is missing");
    }
    if (!accounts.sandboxExists(sandbox)) {
      throw Problems.forService(
          service,
          404,
          "2100-404",
          "Sandbox not found",
          "Sandbox " + sandbox + " does not exist for org " + org);
    }
    checkContentType(req);
    return req.withCaller(new Caller(token.clientId(), token.orgId(), sandbox));
  }

  /** Writes with a body must say JSON (application/json or a +json / json-patch type). */
  private static void checkContentType(Request req) {
    String m = req.method();
    if (!(m.equals("POST") || m.equals("PUT") || m.equals("PATCH")) || !req.hasBody()) {
      return;
    }
    String ct = req.header("Content-Type");
    String base = ct == null ? "" : ct.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!(base.equals("application/json") || base.endsWith("+json"))) {
      throw Problems.contentType();
    }
  }
}

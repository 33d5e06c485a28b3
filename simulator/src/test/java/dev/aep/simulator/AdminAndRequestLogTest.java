package dev.aep.simulator;

import static dev.aep.simulator.SimClient.FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The /simulator/admin endpoints and the request log (counts by kind, writes versus reads, admin
 * calls excluded).
 */
class AdminAndRequestLogTest extends SimulatorTestBase {
  static final String ADMIN = "/simulator/admin";

  private SimClient admin() {
    return new SimClient(sim.baseUrl());
  }

  @Test
  void requestLogRecordsPlatformCallsByKindButNotAdminCalls() {
    Fixtures.Chain ch =
        Fixtures.chain(c, "a", Fixtures.schedule("once", null, sim.clock().now().getEpochSecond()));
    c.get(FLOW + "/flows/" + ch.flowId());
    c.post(FLOW + "/flows/" + ch.flowId() + "/action?op=disable", null);
    admin().get(ADMIN + "/inventory");
    RequestLog log = sim.requestLog();
    assertThat(log.count(Kind.FLOW, "POST")).isEqualTo(1);
    assertThat(log.count(Kind.FLOW, "GET")).isEqualTo(1);
    assertThat(log.count(Kind.ACTION)).isEqualTo(1);
    assertThat(log.count(Kind.FIELD_GROUP)).isEqualTo(1);
    assertThat(log.count(Kind.SCHEMA)).isEqualTo(1);
    assertThat(log.count(Kind.DATASET)).isEqualTo(1);
    assertThat(log.count(Kind.MAPPING_SET)).isEqualTo(1);
    assertThat(log.writes()).isEqualTo(9);
    assertThat(log.reads()).isEqualTo(1);
    assertThat(log.entries()).noneMatch(e -> e.path().startsWith(ADMIN));
    RequestLog.Entry first = log.entries().get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.sandbox()).isEqualTo("prod");
    RequestLog.Entry action = log.entries().get(9);
    assertThat(action.query()).isEqualTo("op=disable");
  }

  @Test
  void tokenCallsAndErrorsAreLoggedWithTheirStatus() {
    SimClient.authenticated(sim);
    c.get(FLOW + "/flows/nope");
    assertThat(sim.requestLog().count(Kind.TOKEN)).isEqualTo(1);
    assertThat(sim.requestLog().entries())
        .anyMatch(e -> e.kind() == Kind.FLOW && e.status() == 404);
  }

  @Test
  void adminInventoryAndRequestsOverHttp() {
    c.post(FLOW + "/connections", Fixtures.baseConnection("a", "sk_secret_value"));
    SimClient.Resp inv = admin().get(ADMIN + "/inventory");
    assertThat(inv.status()).isEqualTo(200);
    assertThat(inv.json().get("connection")).hasSize(1);
    assertThat(inv.json().get("flow")).isEmpty();
    assertThat(inv.body()).doesNotContain("sk_secret_value");
    JsonNode reqs = admin().get(ADMIN + "/requests").json();
    assertThat(reqs).hasSize(1);
    assertThat(reqs.get(0).path("kind").asText()).isEqualTo("connection");
    assertThat(reqs.get(0).path("status").asInt()).isEqualTo(201);
    assertThat(admin().delete(ADMIN + "/requests").status()).isEqualTo(204);
    assertThat(sim.requestLog().entries()).isEmpty();
  }

  @Test
  void adminFaultSwitches() {
    SimClient a = admin();
    SimClient.Resp set =
        a.post(ADMIN + "/faults", Map.of("rateLimit", Map.of("rate", 1.0, "retryAfterSeconds", 3)));
    assertThat(set.json().at("/rateLimit/rate").asDouble()).isEqualTo(1.0);
    SimClient.Resp limited = c.get(FLOW + "/flows");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("3");
    a.post(ADMIN + "/faults", Map.of("clear", true));
    assertThat(c.get(FLOW + "/flows").status()).isEqualTo(200);

    a.post(
        ADMIN + "/faults/fail-next",
        Map.of("count", 1, "method", "GET", "pathPattern", "/flows", "status", 502));
    assertThat(c.get(FLOW + "/flows").status()).isEqualTo(502);
    assertThat(c.get(FLOW + "/flows").status()).isEqualTo(200);

    a.post(ADMIN + "/faults", Map.of("tokenLifetimeSeconds", 5));
    assertThat(a.get(ADMIN + "/faults").json().path("tokenLifetimeSeconds").asLong()).isEqualTo(5);
    a.post(ADMIN + "/faults/expire-tokens", Map.of());
    assertThat(c.get(FLOW + "/flows").status()).isEqualTo(401);
  }

  @Test
  void adminObjectSwitchesBumpAndDelete() {
    SimClient.Resp created = c.post(FLOW + "/connections", Fixtures.baseConnection("a", "sk"));
    String id = created.text("id");
    SimClient.Resp bumped =
        admin().post(ADMIN + "/objects/connection/" + id + "/bump-etag", Map.of());
    assertThat(bumped.status()).isEqualTo(200);
    assertThat(bumped.text("etag")).isNotEqualTo(created.text("etag"));
    assertThat(admin().delete(ADMIN + "/objects/connection/" + id).status()).isEqualTo(204);
    assertThat(c.get(FLOW + "/connections/" + id).status()).isEqualTo(404);
    assertThat(admin().delete(ADMIN + "/objects/connection/" + id).status()).isEqualTo(404);
    assertThat(admin().delete(ADMIN + "/objects/banana/" + id).status()).isEqualTo(400);
  }

  @Test
  void adminClockStripeAccountsAndSandboxes() {
    SimClient a = admin();
    long before = sim.clock().now().getEpochSecond();
    SimClient.Resp clock = a.post(ADMIN + "/clock/advance", Map.of("seconds", 3600));
    assertThat(java.time.Instant.parse(clock.text("now")).getEpochSecond())
        .isGreaterThanOrEqualTo(before + 3600);
    assertThat(a.post(ADMIN + "/clock/speed", Map.of("factor", 2)).json().path("speed").asDouble())
        .isEqualTo(2.0);

    a.post(ADMIN + "/stripe/reject", Map.of("accessToken", "sk_bad"));
    assertThat(c.post(FLOW + "/connections", Fixtures.baseConnection("a", "sk_bad")).status())
        .isEqualTo(400);
    a.post(ADMIN + "/stripe/accept", Map.of("accessToken", "sk_bad"));
    assertThat(c.post(FLOW + "/connections", Fixtures.baseConnection("a", "sk_bad")).status())
        .isEqualTo(201);

    a.post(
        ADMIN + "/accounts",
        Map.of("clientId", "c2", "clientSecret", "s2", "orgId", "ORG2@AdobeOrg"));
    assertThat(new SimClient(sim.baseUrl()).token("c2", "s2")).isNotBlank();
    a.post(ADMIN + "/sandboxes", Map.of("name", "qa"));
    assertThat(c.header("x-sandbox-name", "qa").get(FLOW + "/flows").status()).isEqualTo(200);
    assertThat(a.post(ADMIN + "/sandboxes", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void adminResetForgetsObjects() {
    c.post(FLOW + "/connections", Fixtures.baseConnection("a", "sk"));
    assertThat(admin().post(ADMIN + "/reset", Map.of()).status()).isEqualTo(204);
    assertThat(sim.inventory().count(Kind.CONNECTION)).isZero();
    assertThat(c.get(FLOW + "/flows").status()).isEqualTo(200);
  }

  @Test
  void adminRoutesListsWhatIsServed() {
    JsonNode routes = admin().get(ADMIN + "/routes").json();
    List<String> platform = new java.util.ArrayList<>();
    routes.get("platform").forEach(n -> platform.add(n.asText()));
    assertThat(platform)
        .contains("PATCH /data/foundation/flowservice/flows/{id}", "POST /ims/token/v3");
    assertThat(routes.get("admin")).isNotEmpty();
  }
}

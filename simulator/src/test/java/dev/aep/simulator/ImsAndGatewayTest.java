package dev.aep.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IMS token issuance and the gateway checks (token, api key, org, sandbox, content type) on every
 * Platform call.
 */
class ImsAndGatewayTest {
  static PlatformSimulator sim;
  SimClient c;

  @BeforeAll
  static void start() {
    sim = PlatformSimulator.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void client() {
    sim.reset();
    c = SimClient.authenticated(sim);
  }

  @Test
  void servesOnLoopbackAtAFreePort() {
    assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
    assertThat(sim.port()).isPositive();
  }

  @Test
  void issuesBearerTokenWithExpiresInSeconds() {
    SimClient.Resp r =
        new SimClient(sim.baseUrl()).requestToken("sim-client", "sim-secret", "openid,AdobeID");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text("token_type")).isEqualTo("bearer");
    assertThat(r.json().get("expires_in").asLong()).isBetween(86000L, 86399L);
    assertThat(r.text("access_token")).isNotBlank();
  }

  @Test
  void rejectsUnknownClientWithOauthError() {
    SimClient.Resp r = new SimClient(sim.baseUrl()).requestToken("sim-client", "wrong", "openid");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.text("error")).isEqualTo("invalid_client");
    assertThat(r.text("error_description")).isNotBlank();
  }

  @Test
  void rejectsTokenRequestWithoutScopeOrWrongGrant() {
    SimClient ims = new SimClient(sim.baseUrl());
    assertThat(
            ims.form(
                    "/ims/token/v3",
                    Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "sim-client",
                        "client_secret",
                        "sim-secret"))
                .status())
        .isEqualTo(400);
    SimClient.Resp r =
        ims.form(
            "/ims/token/v3",
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "sim-client",
                "client_secret",
                "sim-secret",
                "scope",
                "openid"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text("error")).isEqualTo("unsupported_grant_type");
  }

  @Test
  void registeredAccountsGetTokensForTheirOrg() {
    sim.accounts().register("other", "other-secret", "OTHER@AdobeOrg");
    SimClient other = new SimClient(sim.baseUrl());
    String token = other.token("other", "other-secret");
    SimClient.Resp r =
        other
            .header("Authorization", "Bearer " + token)
            .header("x-api-key", "other")
            .header("x-gw-ims-org-id", "OTHER@AdobeOrg")
            .header("x-sandbox-name", "prod")
            .get(SimClient.FLOW + "/flows");
    assertThat(r.status()).isEqualTo(200);
    // its token is not valid for the default org
    assertThat(
            other
                .header("Authorization", "Bearer " + token)
                .header("x-api-key", "other")
                .header("x-gw-ims-org-id", Accounts.DEFAULT_ORG_ID)
                .header("x-sandbox-name", "prod")
                .get(SimClient.FLOW + "/flows")
                .json()
                .get("error_code")
                .asText())
        .isEqualTo("403025");
  }

  /** The gateway's answer: the status and its error_code (platform-api.md 1.3). */
  private static SimClient.Resp assertGateway(SimClient.Resp r, int status, String errorCode) {
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.text("error_code")).isEqualTo(errorCode);
    return r;
  }

  @Test
  void missingAuthorizationIsGateway403010() {
    SimClient.Resp r =
        assertGateway(
            c.header("Authorization", null).get(SimClient.FLOW + "/connections"), 403, "403010");
    assertThat(r.text("message")).isEqualTo("Oauth token is missing.");
  }

  @Test
  void unknownTokenIsGateway401013() {
    assertGateway(
        c.header("Authorization", "Bearer nope").get(SimClient.CATALOG + "/dataSets"),
        401,
        "401013");
  }

  @Test
  void missingOrWrongApiKeyIsRefused() {
    assertGateway(c.header("x-api-key", null).get(SimClient.FLOW + "/flows"), 403, "403000");
    assertGateway(
        c.header("x-api-key", "someone-else").get(SimClient.FLOW + "/flows"), 403, "403003");
  }

  @Test
  void missingOrgHeaderIsGateway400003() {
    assertGateway(c.header("x-gw-ims-org-id", null).get(SimClient.FLOW + "/flows"), 400, "400003");
  }

  @Test
  void missingSandboxIs2105AndUnknownSandboxIs2100() {
    SimClient.Resp missing = c.header("x-sandbox-name", null).get(SimClient.FLOW + "/flows");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.text("type")).endsWith("FLOW-2105-400");
    SimClient.Resp unknown = c.header("x-sandbox-name", "staging").get(SimClient.FLOW + "/flows");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text("type")).endsWith("FLOW-2100-404");
    sim.addSandbox("staging");
    assertThat(c.header("x-sandbox-name", "staging").get(SimClient.FLOW + "/flows").status())
        .isEqualTo(200);
  }

  @Test
  void objectsAreScopedToTheirSandbox() {
    SimClient.Resp created =
        c.post(SimClient.FLOW + "/connections", Fixtures.baseConnection("b", "sk_test_1"));
    assertThat(created.status()).isEqualTo(201);
    SimClient dev = c.header("x-sandbox-name", "dev");
    assertThat(dev.get(SimClient.FLOW + "/connections/" + created.text("id")).status())
        .isEqualTo(404);
    assertThat(c.get(SimClient.FLOW + "/connections/" + created.text("id")).status())
        .isEqualTo(200);
  }

  @Test
  void writeWithoutJsonContentTypeIsRefused() {
    SimClient.Resp r =
        c.send(
            "POST",
            SimClient.FLOW + "/connections",
            SimClient.json(Fixtures.baseConnection("b", "sk_test_1")),
            Map.of("Content-Type", "text/plain"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text("detail")).isEqualTo("A valid content-type must be specified");
  }

  @Test
  void expiredTokenIsRefusedOnTheNextCall() {
    sim.faults().tokenLifetime(Duration.ofSeconds(1));
    SimClient shortLived = SimClient.authenticated(sim);
    SimClient.Resp issued =
        new SimClient(sim.baseUrl()).requestToken("sim-client", "sim-secret", "openid");
    assertThat(issued.json().get("expires_in").asLong()).isEqualTo(1L);
    sim.faults().expireTokens();
    assertGateway(shortLived.get(SimClient.FLOW + "/flows"), 401, "401013");
    assertThat(SimClient.authenticated(sim).get(SimClient.FLOW + "/flows").status()).isEqualTo(200);
  }

  @Test
  void tokenExpiresAfterItsLifetimeWithoutHelp() throws InterruptedException {
    sim.faults().tokenLifetime(Duration.ofSeconds(1));
    SimClient shortLived = SimClient.authenticated(sim);
    assertThat(shortLived.get(SimClient.FLOW + "/flows").status()).isEqualTo(200);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> shortLived.get(SimClient.FLOW + "/flows").status() == 401);
  }

  @Test
  void unknownPathIs404AndUnservedMethodIs405() {
    assertThat(c.get("/data/foundation/flowservice/nothing").status()).isEqualTo(404);
    assertThat(
            c.delete(SimClient.CONVERSION + "/mappingSets/0123456789abcdef0123456789abcdef")
                .status())
        .isEqualTo(405);
  }
}

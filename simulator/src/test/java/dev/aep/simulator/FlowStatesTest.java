package dev.aep.simulator;

import static dev.aep.simulator.SimClient.FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flow state machine (platform-api.md 16): transitional windows, their refusals, and
 * missing-flow answers.
 */
class FlowStatesTest extends SimulatorTestBase {
  private static final String ADMIN = "/simulator/admin";
  private static final List<Map<String, Object>> INTERVAL_30 =
      List.of(Map.of("op", "replace", "path", "/scheduleParams/interval", "value", 30));

  private Fixtures.Chain chain() {
    return Fixtures.chain(
        c, "s", Fixtures.schedule("minute", 15, sim.clock().now().getEpochSecond() + 3600));
  }

  private String flow(Fixtures.Chain ch) {
    return FLOW + "/flows/" + ch.flowId();
  }

  private SimClient.Resp action(Fixtures.Chain ch, String op) {
    return c.post(flow(ch) + "/action?op=" + op, null);
  }

  @Test
  void patchedFlowIsUpdatingForTheWindowAndRefusesActionsAndPatchesWith1421() {
    sim.faults().flowTransition(Duration.ofSeconds(30));
    Fixtures.Chain ch = chain();
    SimClient.Resp patched = c.patch(flow(ch), INTERVAL_30, ch.flowEtag());
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(c.get(flow(ch)).item().path("state").asText()).isEqualTo("updating");

    SimClient.Resp refused = action(ch, "disable");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("type")).isEqualTo("https://ns.adobe.com/aep/errors/FLOW-1421-400");
    assertThat(refused.json().path("report").path("detailed-message").asText())
        .contains("updating");
    assertThat(c.patch(flow(ch), INTERVAL_30, patched.text("etag")).text("type"))
        .endsWith("FLOW-1421-400");

    sim.clock().advance(Duration.ofSeconds(30));
    assertThat(c.get(flow(ch)).item().path("state").asText()).isEqualTo("enabled");
    assertThat(action(ch, "disable").status()).isEqualTo(200);
  }

  @Test
  void disabledFlowIsDisablingRefusingPatchWith1420AndActionsWith1422() {
    sim.faults().flowTransition(Duration.ofSeconds(30));
    Fixtures.Chain ch = chain();
    SimClient.Resp off = action(ch, "disable");
    assertThat(off.status()).isEqualTo(200);
    assertThat(c.get(flow(ch)).item().path("state").asText()).isEqualTo("disabling");
    assertThat(c.patch(flow(ch), INTERVAL_30, off.text("etag")).text("type"))
        .endsWith("FLOW-1420-400");
    assertThat(action(ch, "enable").text("type")).endsWith("FLOW-1422-400");

    sim.clock().advance(Duration.ofSeconds(30));
    assertThat(c.get(flow(ch)).item().path("state").asText()).isEqualTo("disabled");
    assertThat(c.patch(flow(ch), INTERVAL_30, off.text("etag")).status()).isEqualTo(200);
  }

  @Test
  void deleteFinalizingFlowRefusesPatchWith1457AndDeleteWith1458ThenIsGone() {
    Fixtures.Chain ch = chain();
    sim.faults().deleteFinalizing(ch.flowId(), Duration.ofSeconds(20));
    assertThat(c.get(flow(ch)).item().path("state").asText()).isEqualTo("delete-finalizing");
    assertThat(c.patch(flow(ch), INTERVAL_30, ch.flowEtag()).text("type"))
        .endsWith("FLOW-1457-400");
    assertThat(c.delete(flow(ch)).text("type")).endsWith("FLOW-1458-400");
    assertThat(action(ch, "disable").text("type")).endsWith("FLOW-1422-400");

    sim.clock().advance(Duration.ofSeconds(20));
    assertThat(c.get(flow(ch)).status()).isEqualTo(404);
    assertThat(c.get(FLOW + "/flows").json().path("items")).isEmpty();
  }

  @Test
  void zeroWindowLetsAnActionFollowAPatchAtOnce() {
    sim.faults().flowTransition(Duration.ZERO);
    Fixtures.Chain ch = chain();
    assertThat(c.patch(flow(ch), INTERVAL_30, ch.flowEtag()).status()).isEqualTo(200);
    assertThat(c.get(flow(ch)).item().path("state").asText()).isEqualTo("enabled");
    assertThat(action(ch, "disable").status()).isEqualTo(200);
    assertThat(c.get(flow(ch)).item().path("state").asText()).isEqualTo("disabled");
  }

  @Test
  void adminSwitchesSetTheWindowTheMissingFlowCodeAndDeleteFinalizing() {
    SimClient admin = new SimClient(sim.baseUrl());
    SimClient.Resp set =
        admin.post(
            ADMIN + "/faults",
            Map.of("flowTransitionMillis", 45000, "missingFlowCode", "1101-404"));
    assertThat(set.json().path("flowTransitionMillis").asLong()).isEqualTo(45000);
    assertThat(sim.faults().flowTransition()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.get(FLOW + "/flows/3f1c0d1e-0000-4000-8000-000000000000").text("type"))
        .endsWith("FLOW-1101-404");
    assertThat(admin.post(ADMIN + "/faults", Map.of("missingFlowCode", "1999-404")).status())
        .isEqualTo(400);

    Fixtures.Chain ch = chain();
    assertThat(
            admin
                .post(
                    ADMIN + "/objects/flow/" + ch.flowId() + "/delete-finalizing",
                    Map.of("seconds", 5))
                .status())
        .isEqualTo(204);
    assertThat(c.delete(flow(ch)).text("type")).endsWith("FLOW-1458-400");
  }

  @Test
  void missingFlowCanBeAnsweredWithTheCatalogue400Code() {
    sim.faults().missingFlowCode("1439-400");
    SimClient.Resp missing = c.delete(FLOW + "/flows/3f1c0d1e-0000-4000-8000-000000000000");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.text("type")).endsWith("FLOW-1439-400");
    sim.faults().clear();
    assertThat(c.get(FLOW + "/flows/3f1c0d1e-0000-4000-8000-000000000000").text("type"))
        .endsWith("FLOW-1439-404");
  }

  @Test
  void mappingIsReplacedOnlyAtAnExistingTransformationIndex() {
    Fixtures.Chain ch = chain();
    Map<String, Object> mapping =
        Map.of(
            "name", "Mapping", "params", Map.of("mappingId", ch.mappingId(), "mappingVersion", 0));
    assertThat(
            c.patch(
                    flow(ch),
                    List.of(
                        Map.of("op", "replace", "path", "/transformations/1", "value", mapping)),
                    ch.flowEtag())
                .text("type"))
        .endsWith("FLOW-1455-400");
    assertThat(
            c.patch(
                    flow(ch),
                    List.of(
                        Map.of("op", "replace", "path", "/transformations/0", "value", mapping)),
                    ch.flowEtag())
                .status())
        .isEqualTo(200);
  }
}

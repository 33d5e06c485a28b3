package dev.aep.simulator;

import static dev.aep.simulator.SimClient.FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs appear on the simulator clock per schedule, with the documented run object and failure
 * switches.
 */
class RunsTest extends SimulatorTestBase {

  private long now() {
    return sim.clock().now().getEpochSecond();
  }

  private JsonNode runs(String flowId) {
    SimClient.Resp r =
        c.get(
            FLOW + "/runs?property=" + SimClient.enc("flowId==" + flowId) + "&orderby=-createdAt");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("items");
  }

  @Test
  void noRunBeforeStartTimeThenOnePerInterval() {
    long start = now() + 600;
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("minute", 15, start));
    assertThat(runs(ch.flowId())).isEmpty();
    sim.clock().advance(Duration.ofMinutes(11));
    assertThat(runs(ch.flowId())).hasSize(1);
    sim.clock().advance(Duration.ofMinutes(45));
    JsonNode runs = runs(ch.flowId());
    assertThat(runs).hasSize(4);
    List<Long> starts = new java.util.ArrayList<>();
    runs.forEach(r -> starts.add(r.at("/metrics/durationSummary/startedAtUTC").asLong()));
    assertThat(starts)
        .containsExactly(
            (start + 2700) * 1000, (start + 1800) * 1000, (start + 900) * 1000, start * 1000);
  }

  @Test
  void runObjectCarriesDocumentedMetrics() {
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("hour", 1, now() + 60));
    sim.clock().advance(Duration.ofMinutes(5));
    JsonNode run = runs(ch.flowId()).get(0);
    assertThat(run.path("flowId").asText()).isEqualTo(ch.flowId());
    assertThat(run.path("etag").asText()).startsWith("\"");
    assertThat(run.at("/metrics/statusSummary/status").asText()).isEqualTo("success");
    assertThat(run.at("/metrics/recordSummary/inputRecordCount").asLong()).isPositive();
    assertThat(
            run.at("/metrics/recordSummary/outputRecordCount").asLong()
                + run.at("/metrics/recordSummary/failedRecordCount").asLong())
        .isEqualTo(run.at("/metrics/recordSummary/inputRecordCount").asLong());
    assertThat(run.at("/metrics/durationSummary/completedAtUTC").asLong())
        .isGreaterThan(run.at("/metrics/durationSummary/startedAtUTC").asLong());
    assertThat(run.at("/metrics/statusSummary/errors").isArray()).isTrue();
    assertThat(run.path("activities")).isNotEmpty();
    SimClient.Resp byId = c.get(FLOW + "/runs/" + run.path("id").asText());
    assertThat(byId.item().path("id").asText()).isEqualTo(run.path("id").asText());

    JsonNode last = c.get(FLOW + "/flows/" + ch.flowId()).item().path("lastRunDetails");
    assertThat(last.path("id").asText()).isEqualTo(run.path("id").asText());
    assertThat(last.path("state").asText()).isEqualTo("success");
  }

  @Test
  void runIsInProgressUntilItsDurationHasPassed() {
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("hour", 1, now() - 10));
    JsonNode run = runs(ch.flowId()).get(0);
    assertThat(run.at("/metrics/statusSummary/status").asText()).isEqualTo("inProgress");
    assertThat(run.at("/metrics/durationSummary/completedAtUTC").isMissingNode()).isTrue();
    assertThat(c.get(FLOW + "/flows/" + ch.flowId()).item().has("lastRunDetails")).isFalse();
    sim.clock().advance(Duration.ofMinutes(2));
    assertThat(runs(ch.flowId()).get(0).at("/metrics/statusSummary/status").asText())
        .isEqualTo("success");
  }

  @Test
  void recordCountsAreDeterministicPerFlowAndRun() {
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("hour", 1, now() - 10));
    sim.clock().advance(Duration.ofMinutes(5));
    long first = runs(ch.flowId()).get(0).at("/metrics/recordSummary/inputRecordCount").asLong();
    assertThat(first).isEqualTo(RunIngest.recordCount(ch.flowId(), 1)).isBetween(20L, 120L);
  }

  @Test
  void failRunsSwitchMakesNewRunsFail() {
    sim.faults().failRuns(true);
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("hour", 1, now() - 10));
    sim.clock().advance(Duration.ofMinutes(5));
    JsonNode run = runs(ch.flowId()).get(0);
    assertThat(run.at("/metrics/statusSummary/status").asText()).isEqualTo("failed");
    assertThat(run.at("/metrics/statusSummary/errors/0/code").asText())
        .isEqualTo("CONNECTOR-1001-500");
    assertThat(c.get(FLOW + "/flows/" + ch.flowId()).item().at("/lastRunDetails/state").asText())
        .isEqualTo("failed");
  }

  @Test
  void rejectedStripeTokenMakesRunsFail() {
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("hour", 1, now() + 60));
    sim.stripe().rejectToken("sk_test_a");
    sim.clock().advance(Duration.ofMinutes(5));
    assertThat(runs(ch.flowId()).get(0).at("/metrics/statusSummary/status").asText())
        .isEqualTo("failed");
  }

  @Test
  void disabledFlowGetsNoRunsUntilEnabled() {
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("minute", 15, now() + 60));
    assertThat(c.post(FLOW + "/flows/" + ch.flowId() + "/action?op=disable", null).status())
        .isEqualTo(200);
    sim.clock().advance(Duration.ofHours(1));
    assertThat(runs(ch.flowId())).isEmpty();
    assertThat(c.post(FLOW + "/flows/" + ch.flowId() + "/action?op=enable", null).status())
        .isEqualTo(200);
    // first run of a flow whose start time has passed happens right away
    assertThat(runs(ch.flowId())).hasSize(1);
    sim.clock().advance(Duration.ofMinutes(15));
    assertThat(runs(ch.flowId())).hasSize(2);
  }

  @Test
  void onceFlowRunsExactlyOnce() {
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("once", null, now() + 60));
    sim.clock().advance(Duration.ofDays(2));
    assertThat(runs(ch.flowId())).hasSize(1);
  }

  @Test
  void runListSupportsLimitAndStatusFilter() {
    sim.faults().failRuns(true);
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("minute", 15, now() + 1));
    sim.clock().advance(Duration.ofMinutes(20));
    sim.faults().failRuns(false);
    sim.clock().advance(Duration.ofMinutes(30));
    assertThat(runs(ch.flowId())).hasSize(4);
    SimClient.Resp failed =
        c.get(
            FLOW
                + "/runs?property="
                + SimClient.enc("flowId==" + ch.flowId())
                + "&property="
                + SimClient.enc("metrics.statusSummary.status==failed"));
    assertThat(failed.json().get("items")).hasSize(2);
    SimClient.Resp latest =
        c.get(
            FLOW
                + "/runs?property="
                + SimClient.enc("flowId==" + ch.flowId())
                + "&orderby=-createdAt&limit=1");
    assertThat(latest.json().get("items")).hasSize(1);
    assertThat(latest.json().at("/items/0/metrics/statusSummary/status").asText())
        .isEqualTo("success");
  }

  @Test
  void clockSpeedMakesRunsAppearWithoutAdvancing() {
    Fixtures.Chain ch = Fixtures.chain(c, "a", Fixtures.schedule("minute", 15, now() + 2));
    sim.clock().speed(3600);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> runs(ch.flowId()).size() >= 2);
  }
}

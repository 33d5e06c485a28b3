package dev.aep.simulator;

import static dev.aep.simulator.SimClient.FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fault switches driven from code: 429 with Retry-After, 5xx, latency, failNext, etag bumps,
 * deletes behind the back.
 */
class FaultsTest extends SimulatorTestBase {

  private List<Integer> statuses(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(c.get(FLOW + "/flows").status());
    }
    return out;
  }

  @Test
  void rateLimitAnswers429WithRetryAfterAtTheGivenRate() {
    sim.faults().rateLimit(0.5, 7);
    List<Integer> statuses = statuses(200);
    long limited = statuses.stream().filter(s -> s == 429).count();
    assertThat(limited).isBetween(60L, 140L);
    assertThat(statuses).containsOnly(200, 429);
    sim.faults().rateLimit(1.0, 7);
    SimClient.Resp r = c.get(FLOW + "/flows");
    assertThat(r.header("Retry-After")).isEqualTo("7");
    assertThat(r.text("error_code")).isNotBlank();
  }

  @Test
  void randomFaultsAreReproducibleWithASeed() {
    sim.faults().seed(7).serverErrors(0.3);
    List<Integer> first = statuses(40);
    sim.faults().seed(7);
    assertThat(statuses(40)).isEqualTo(first).contains(503, 200);
  }

  @Test
  void rateLimitDoesNotApplyToIms() {
    sim.faults().rateLimit(1.0, 1).serverErrors(1.0);
    assertThat(SimClient.authenticated(sim)).isNotNull();
  }

  @Test
  void serverErrorsAnswer503InTheServiceShape() {
    sim.faults().serverErrors(1.0);
    SimClient.Resp r = c.get(FLOW + "/flows");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.text("type")).startsWith("https://ns.adobe.com/aep/errors/FLOW-");
  }

  @Test
  void failNextFailsOnlyMatchingCallsAndOnlyNTimes() {
    sim.faults().failNext(2, "POST", "/connections$", 500);
    assertThat(c.get(FLOW + "/connections").status()).isEqualTo(200);
    assertThat(c.post(FLOW + "/connections", Fixtures.baseConnection("a", "sk")).status())
        .isEqualTo(500);
    assertThat(c.post(FLOW + "/connections", Fixtures.baseConnection("a", "sk")).status())
        .isEqualTo(500);
    assertThat(c.post(FLOW + "/connections", Fixtures.baseConnection("a", "sk")).status())
        .isEqualTo(201);
    assertThat(sim.inventory().count(Kind.CONNECTION)).isEqualTo(1);
  }

  @Test
  void latencyDelaysAnswers() {
    sim.faults().latency(Duration.ofMillis(300));
    long t0 = System.nanoTime();
    c.get(FLOW + "/flows");
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void bumpEtagMakesTheClientsEtagStale() {
    SimClient.Resp created = c.post(FLOW + "/connections", Fixtures.baseConnection("a", "sk"));
    sim.faults().bumpEtag(Kind.CONNECTION, created.text("id"));
    String current =
        c.get(FLOW + "/connections/" + created.text("id")).item().path("etag").asText();
    assertThat(current).isNotEqualTo(created.text("etag"));
    List<Map<String, Object>> ops = List.of(Map.of("op", "replace", "path", "/name", "value", "n"));
    assertThat(
            c.patch(FLOW + "/connections/" + created.text("id"), ops, created.text("etag"))
                .status())
        .isEqualTo(412);
    assertThat(c.patch(FLOW + "/connections/" + created.text("id"), ops, current).status())
        .isEqualTo(200);
  }

  @Test
  void deleteBehindBackRemovesTheObject() {
    Fixtures.Chain ch =
        Fixtures.chain(c, "a", Fixtures.schedule("once", null, sim.clock().now().getEpochSecond()));
    sim.faults().deleteBehindBack(Kind.FLOW, ch.flowId());
    assertThat(c.get(FLOW + "/flows/" + ch.flowId()).status()).isEqualTo(404);
    sim.faults().deleteBehindBack(Kind.DATASET, ch.datasetId());
    assertThat(c.get(SimClient.CATALOG + "/dataSets/" + ch.datasetId()).status()).isEqualTo(404);
    assertThatThrownBy(() -> sim.faults().deleteBehindBack(Kind.FLOW, ch.flowId()))
        .isInstanceOf(java.util.NoSuchElementException.class);
  }
}

package dev.aep.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.RequestLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ten reconciles of one org+sandbox at once, all through one limiter, while the Platform answers a
 * quarter of the calls with 429 and a Retry-After. Many requests have passed the limiter when a 429
 * comes back; none of them may reach the Platform inside the window it announced. The simulator's
 * request log is the judge: arrival times and the 429s it answered, with the same audit as the
 * fault soak.
 */
class ConcurrentRetryAfterTest {

  private static final String SANDBOX = "throttled";
  private static final int FLOWS = 10;
  private static final int RETRY_AFTER_SECONDS = 1;

  @Test
  void noRequestOfTenConcurrentReconcilesArrivesInsideAnAnnouncedRetryAfterWindow() {
    long seed = ScenarioParameters.seed();
    try (ReliabilityStack stack = ReliabilityStack.start()) {
      PlatformSimulator sim = stack.simulator();
      // A generous rate cap, so that the 429s and not the limiter's spacing decide when requests
      // go out, and ten reconcile threads, so ten flows are worked on together.
      stack.startReplica(
          Map.of(
              OperatorConfig.PLATFORM_MAX_RPS,
              "50",
              OperatorConfig.RECONCILE_THREADS,
              String.valueOf(FLOWS)),
          ReliabilityStack.settings(Duration.ofMinutes(2), Duration.ofSeconds(5)));
      stack.isolatedNamespace(SANDBOX);
      sim.requestLog().clear();
      // Some latency keeps several requests in flight at once, the case the gate is for.
      sim.faults().seed(seed).rateLimit(0.25, RETRY_AFTER_SECONDS).latency(Duration.ofMillis(20));

      List<StripeIngestionFlow> created = new ArrayList<>();
      for (int i = 0; i < FLOWS; i++) {
        created.add(stack.create(stack.charges(SANDBOX, "flow-" + i)));
      }
      stack.awaitAllReady(created, Duration.ofMinutes(3));
      sim.faults().clear();

      List<RequestLog.Entry> log = sim.requestLog().entries();
      RetryAfterAudit.Result audit =
          RetryAfterAudit.audit(log, Duration.ofSeconds(RETRY_AFTER_SECONDS));
      new ScenarioReport("concurrent-retry-after", "Ten concurrent reconciles under 429s")
          .line("flows", FLOWS + " in one sandbox, 10 reconcile threads (seed " + seed + ")")
          .line(
              "Platform calls",
              log.stream().filter(e -> SANDBOX.equals(e.sandbox())).count()
                  + " ("
                  + audit.rateLimited()
                  + " answered 429, Retry-After "
                  + RETRY_AFTER_SECONDS
                  + " s)")
          .line("Retry-After windows", audit.summary())
          .publish();

      assertThat(audit.rateLimited()).as("429s answered").isGreaterThanOrEqualTo(FLOWS);
      assertThat(audit.violations()).isEmpty();
    }
  }
}

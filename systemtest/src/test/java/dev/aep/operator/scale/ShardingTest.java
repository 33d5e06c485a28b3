package dev.aep.operator.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.OperatorStackExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sharding: operator Deployments with WATCH_NAMESPACES and complementary WATCH_LABEL_SELECTORs
 * split the flows between them; each flow is reconciled by exactly one, and flows outside every
 * shard are never touched.
 */
class ShardingTest {
  @RegisterExtension
  static final OperatorStackExtension stack = OperatorStackExtension.withoutOperator();

  @Test
  void twoOperatorsWithComplementarySelectorsSplitTheFlowsOfTheirNamespaces() {
    // Each shard's flows write to their own sandbox, so the sessions an operator opens tell
    // which flows it reconciled.
    flow("team", "a-1", "shard-a", "a");
    flow("team", "a-2", "shard-a", "a");
    flow("team", "b-1", "shard-b", "b");
    flow("team", "unsharded", "unsharded", null);
    flow("elsewhere", "a-elsewhere", "elsewhere", "a");

    SessionCounter platformA = new SessionCounter();
    SessionCounter platformB = new SessionCounter();
    // The stack stops both operators after the test. The mock API server ignores set-based
    // requirements ("shard in (b)"); a real one does not.
    startShard("shard=a", platformA);
    startShard("shard=b", platformB);

    stack.awaitReady("team", "a-1");
    stack.awaitReady("team", "a-2");
    stack.awaitReady("team", "b-1");
    // Both operators went through several resyncs of their own flows since.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                platformA.sessions.getOrDefault("shard-a", 0) > 6
                    && platformB.sessions.getOrDefault("shard-b", 0) > 3);

    assertThat(platformA.sessions.keySet()).containsExactly("shard-a");
    assertThat(platformB.sessions.keySet()).containsExactly("shard-b");
    for (String[] untouched :
        new String[][] {{"team", "unsharded"}, {"elsewhere", "a-elsewhere"}}) {
      StripeIngestionFlow flow = stack.flow(untouched[0], untouched[1]).orElseThrow();
      assertThat(flow.getStatus()).as(untouched[1]).isNull();
      assertThat(flow.getMetadata().getFinalizers()).as(untouched[1]).isEmpty();
    }
    assertThat(FlowAssertions.readyForGeneration(stack.flow("team", "b-1").orElseThrow())).isTrue();
  }

  /** Starts an operator for the flows in namespace team matching {@code selector}. */
  private static void startShard(String selector, SessionCounter platform) {
    stack
        .replica(
            Map.of(
                "WATCH_NAMESPACES",
                "team",
                "WATCH_LABEL_SELECTOR",
                selector,
                "RECONCILE_THREADS",
                "2",
                "SHUTDOWN_TIMEOUT",
                "2s"),
            platform::wrap)
        .assembly()
        .start();
  }

  private static void flow(String ns, String name, String sandbox, String shard) {
    stack.isolatedNamespace(ns);
    stack.simulator().addSandbox(sandbox);
    StripeIngestionFlow flow = stack.charges(ns, name);
    flow.getSpec().getPlatform().setSandbox(sandbox);
    flow.getSpec().getSchedule().setStartTime("2099-01-01T00:00:00Z");
    if (shard != null) {
      flow.getMetadata().setLabels(new HashMap<>(Map.of("shard", shard)));
    }
    stack.create(flow);
  }

  /** Counts the sessions an operator's Platform client opens, by sandbox. */
  private static final class SessionCounter {
    private final Map<String, Integer> sessions = new ConcurrentHashMap<>();

    Platform wrap(Platform delegate) {
      return (account, sandbox) -> {
        sessions.merge(sandbox, 1, Integer::sum);
        return delegate.session(account, sandbox);
      };
    }
  }
}

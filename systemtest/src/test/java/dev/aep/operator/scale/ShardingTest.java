package dev.aep.operator.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.OperatorAssembly;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.testing.EmbeddedStack;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.Flows;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Sharding: operator Deployments with WATCH_NAMESPACES and complementary WATCH_LABEL_SELECTORs
 * split the flows between them; each flow is reconciled by exactly one, and flows outside every
 * shard are never touched.
 */
class ShardingTest {

  @Test
  void twoOperatorsWithComplementarySelectorsSplitTheFlowsOfTheirNamespaces() {
    try (EmbeddedStack stack = EmbeddedStack.start()) {
      // Each shard's flows write to their own sandbox, so the sessions an operator opens tell
      // which flows it reconciled.
      flow(stack, "team", "a-1", "shard-a", "a");
      flow(stack, "team", "a-2", "shard-a", "a");
      flow(stack, "team", "b-1", "shard-b", "b");
      flow(stack, "team", "unsharded", "unsharded", null);
      flow(stack, "elsewhere", "a-elsewhere", "elsewhere", "a");

      RecordingPlatform platformA = new RecordingPlatform(stack.platform());
      RecordingPlatform platformB = new RecordingPlatform(stack.platform());
      List<OperatorAssembly> operators = new ArrayList<>();
      try {
        operators.add(operator(stack, platformA, Map.of(
            "WATCH_NAMESPACES", "team", "WATCH_LABEL_SELECTOR", "shard=a")));
        // The mock API server ignores set-based requirements ("shard in (b)"); a real one does not.
        operators.add(operator(stack, platformB, Map.of(
            "WATCH_NAMESPACES", "team", "WATCH_LABEL_SELECTOR", "shard=b")));
        operators.forEach(OperatorAssembly::start);

        stack.awaitReady("team", "a-1");
        stack.awaitReady("team", "a-2");
        stack.awaitReady("team", "b-1");
        // Both operators went through several resyncs of their own flows since.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(
            () -> platformA.sessions.getOrDefault("shard-a", 0) > 6
                && platformB.sessions.getOrDefault("shard-b", 0) > 3);

        assertThat(platformA.sessions.keySet()).containsExactly("shard-a");
        assertThat(platformB.sessions.keySet()).containsExactly("shard-b");
        for (String[] untouched : new String[][] {
            {"team", "unsharded"}, {"elsewhere", "a-elsewhere"}}) {
          StripeIngestionFlow flow = stack.flow(untouched[0], untouched[1]).orElseThrow();
          assertThat(flow.getStatus()).as(untouched[1]).isNull();
          assertThat(flow.getMetadata().getFinalizers()).as(untouched[1]).isEmpty();
        }
        assertThat(FlowAssertions.readyForGeneration(stack.flow("team", "b-1").orElseThrow()))
            .isTrue();
      } finally {
        operators.forEach(OperatorAssembly::stop);
      }
    }
  }

  private static void flow(EmbeddedStack stack, String ns, String name, String sandbox,
      String shard) {
    stack.namespace(ns);
    stack.simulator().addSandbox(sandbox);
    stack.platformSecret(ns);
    stack.stripeSecret(ns, "sk_test_" + ns);
    StripeIngestionFlow flow = Flows.charges(stack, ns, name);
    flow.getSpec().getPlatform().setSandbox(sandbox);
    flow.getSpec().getSchedule().setStartTime("2099-01-01T00:00:00Z");
    if (shard != null) {
      flow.getMetadata().setLabels(new HashMap<>(Map.of("shard", shard)));
    }
    stack.create(flow);
  }

  private static OperatorAssembly operator(EmbeddedStack stack, Platform platform,
      Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("AEP_PLATFORM_URL", stack.simulator().baseUrl());
    env.put("AEP_IMS_URL", stack.simulator().baseUrl());
    env.put("AEP_ALLOW_HTTP", "true");
    env.put("HTTP_PORT", "0");
    env.put("RECONCILE_THREADS", "2");
    env.put("SHUTDOWN_TIMEOUT", "2s");
    env.putAll(extra);
    return OperatorAssembly.builder(OperatorConfig.fromEnvironment(env), stack.client(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
        .platform(platform)
        .reconcilerSettings(EmbeddedStack.testSettings())
        .httpAddress(InetAddress.getLoopbackAddress())
        .build();
  }

  /** Counts the sessions an operator opens, by sandbox. */
  private static final class RecordingPlatform implements Platform {
    private final Platform delegate;
    private final Map<String, Integer> sessions = new ConcurrentHashMap<>();

    RecordingPlatform(Platform delegate) {
      this.delegate = delegate;
    }

    @Override
    public PlatformSession session(PlatformAccount account, String sandbox) {
      sessions.merge(sandbox, 1, Integer::sum);
      return delegate.session(account, sandbox);
    }
  }
}

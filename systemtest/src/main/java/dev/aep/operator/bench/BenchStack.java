package dev.aep.operator.bench;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.platform.http.HttpPlatformOptions;
import dev.aep.operator.platform.http.PlatformEndpoints;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.SimulatedStack;
import dev.aep.simulator.PlatformSimulator;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the benchmark runs the operator against, all in the benchmark's JVM: a {@link
 * SimulatedStack} whose Kubernetes API does not store Events ({@link BenchDispatcher}) and whose
 * simulator has enough HTTP workers for the configured latency, with one namespace and sandbox
 * holding the samples' Secrets.
 */
final class BenchStack extends SimulatedStack {
  static final String NAMESPACE = "bench";
  static final String SANDBOX = NAMESPACE;

  // The mock web server logs every request at INFO; held here so the level sticks.
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private final BenchDispatcher dispatcher;

  BenchStack(BenchConfig config) {
    this(config, quietMockServer(new BenchDispatcher()));
  }

  private BenchStack(BenchConfig config, BenchDispatcher dispatcher) {
    super(
        dispatcher,
        () ->
            PlatformSimulator.start(InetAddress.getLoopbackAddress(), 0, config.simulatorThreads()),
        Map.of());
    this.dispatcher = dispatcher;
    isolatedNamespace(NAMESPACE);
  }

  private static BenchDispatcher quietMockServer(BenchDispatcher dispatcher) {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    return dispatcher;
  }

  /**
   * A Platform client to the simulator for loading data fast: no rate limit; the caller closes it.
   */
  HttpPlatform loaderPlatform() {
    return new HttpPlatform(
        PlatformEndpoints.single(simulator().baseUrl(), true),
        HttpPlatformOptions.defaults().withMaxRequestsPerSecond(100_000),
        new SimpleMeterRegistry());
  }

  BenchDispatcher dispatcher() {
    return dispatcher;
  }

  String kubernetesUrl() {
    return cluster().url();
  }

  /** Flow names flow-00001 ... */
  static List<String> names(int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      names.add(String.format("flow-%05d", i));
    }
    return names;
  }

  /**
   * Creates the charges sample as each named flow (own schema title and dataset name), starting at
   * {@code start} (in the future, so no runs happen while measuring).
   */
  void createFlows(List<String> names, Instant start) {
    createFlows(names, start, false);
  }

  /** As above; {@code finalized} adds the operator's finalizer as its first pass would. */
  void createFlows(List<String> names, Instant start, boolean finalized) {
    StripeIngestionFlow template = charges(NAMESPACE, "template");
    template.getSpec().getSchedule().setStartTime(start.toString());
    if (finalized) {
      template
          .getMetadata()
          .setFinalizers(
              List.of(ReconcilerUtils.getDefaultFinalizerName(StripeIngestionFlow.class)));
    }
    for (String name : names) {
      StripeIngestionFlow flow = client().getKubernetesSerialization().clone(template);
      flow.getMetadata().setName(name);
      flow.getSpec().getTarget().getSchema().getCreate().setTitle("Stripe charges " + name);
      flow.getSpec().getTarget().getDataset().getCreate().setName("Stripe charges " + name);
      create(flow);
    }
  }

  /** Every flow of the namespace now, by name. */
  Map<String, StripeIngestionFlow> flowsByName() {
    Map<String, StripeIngestionFlow> byName = new HashMap<>();
    for (StripeIngestionFlow f :
        client().resources(StripeIngestionFlow.class).inNamespace(NAMESPACE).list().getItems()) {
      byName.put(f.getMetadata().getName(), f);
    }
    return byName;
  }

  /** Polls until every named flow satisfies {@code done}; returns when that was first seen. */
  Instant awaitAll(
      Set<String> names, Predicate<StripeIngestionFlow> done, Duration timeout, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Duration poll = Duration.ofMillis(names.size() > 2000 ? 2000 : 500);
    long lastReport = 0;
    while (true) {
      Instant seen = Instant.now();
      Map<String, StripeIngestionFlow> flows = flowsByName();
      long ok = names.stream().map(flows::get).filter(f -> f != null && done.test(f)).count();
      if (ok == names.size()) {
        return seen;
      }
      if (seen.isAfter(deadline)) {
        throw new IllegalStateException(
            what + ": only " + ok + " of " + names.size() + " after " + timeout);
      }
      if (System.nanoTime() - lastReport > Duration.ofSeconds(15).toNanos()) {
        System.out.printf("  %s: %d/%d%n", what, ok, names.size());
        lastReport = System.nanoTime();
      }
      Thread.sleep(poll.toMillis());
    }
  }

  /** Ready for the flow's current generation. */
  static boolean ready(StripeIngestionFlow flow) {
    return FlowAssertions.readyForGeneration(flow);
  }

  /**
   * Loads the flows as a first pass of the operator leaves them (see {@link Preloader}): the state
   * a restarted operator finds.
   */
  Duration preload(List<String> names, Instant start) throws Exception {
    Instant began = Instant.now();
    Preloader.preload(this, names, start, 8);
    return Duration.between(began, Instant.now());
  }
}

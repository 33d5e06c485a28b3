package dev.aep.operator.bench;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What the benchmark runs the operator against, all in the benchmark's JVM: the Fabric8 mock
 * Kubernetes API (CRUD mode, http) with the committed CRD, and the Platform simulator with the
 * configured latency and enough HTTP workers.
 */
final class BenchStack implements AutoCloseable {
  static final String NAMESPACE = "bench";
  static final String SANDBOX = "bench";

  private final Path repo;
  private final BenchDispatcher dispatcher = new BenchDispatcher();
  private final KubernetesMockServer kubernetes;
  private final KubernetesClient client;
  private final PlatformSimulator simulator;

  // The mock web server logs every request at INFO; held here so the level sticks.
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  BenchStack(BenchConfig config) throws IOException {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    repo = Files.isDirectory(Path.of("crds")) ? Path.of(".") : Path.of("..");
    kubernetes = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        dispatcher, false);
    kubernetes.init(InetAddress.getByName("127.0.0.1"), 0);
    client = kubernetes.createClient();
    try (InputStream in = Files.newInputStream(
        repo.resolve("crds").resolve("stripeingestionflows.flows.aep.dev-v1.yml"))) {
      client.load(in).create();
    }
    simulator = PlatformSimulator.start(InetAddress.getLoopbackAddress(), 0,
        config.simulatorThreads());
    simulator.addSandbox(SANDBOX);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
        .endMetadata().build()).create();
    Secret credentials = load("aep-credentials-secret.yaml", Secret.class);
    credentials.getMetadata().setNamespace(NAMESPACE);
    client.resource(credentials).create();
    Secret stripe = load("stripe-secret.yaml", Secret.class);
    stripe.getMetadata().setNamespace(NAMESPACE);
    stripe.setStringData(Map.of("accessToken", "sk_test_bench"));
    client.resource(stripe).create();
  }

  KubernetesClient client() {
    return client;
  }

  PlatformSimulator simulator() {
    return simulator;
  }

  BenchDispatcher dispatcher() {
    return dispatcher;
  }

  String kubernetesUrl() {
    return "http://127.0.0.1:" + kubernetes.getPort();
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
   * Creates the charges sample as each named flow (own schema title and dataset name), starting
   * at {@code start} (in the future, so no runs happen while measuring).
   */
  void createFlows(List<String> names, Instant start) {
    createFlows(names, start, false);
  }

  /** As above; {@code finalized} adds the operator's finalizer as its first pass would. */
  void createFlows(List<String> names, Instant start, boolean finalized) {
    StripeIngestionFlow template = load("charges.yaml", StripeIngestionFlow.class);
    if (finalized) {
      template.getMetadata().setFinalizers(List.of(
          ReconcilerUtils.getDefaultFinalizerName(StripeIngestionFlow.class)));
    }
    for (String name : names) {
      StripeIngestionFlow flow = client.getKubernetesSerialization().clone(template);
      flow.getMetadata().setNamespace(NAMESPACE);
      flow.getMetadata().setName(name);
      flow.getSpec().getPlatform().setSandbox(SANDBOX);
      flow.getSpec().getTarget().getSchema().getCreate().setTitle("Stripe charges " + name);
      flow.getSpec().getTarget().getDataset().getCreate().setName("Stripe charges " + name);
      flow.getSpec().getSchedule().setStartTime(start.toString());
      client.resource(flow).create();
    }
  }

  /** Every flow of the namespace now, by name. */
  Map<String, StripeIngestionFlow> flows() {
    Map<String, StripeIngestionFlow> byName = new HashMap<>();
    for (StripeIngestionFlow f : client.resources(StripeIngestionFlow.class).inNamespace(NAMESPACE)
        .list().getItems()) {
      byName.put(f.getMetadata().getName(), f);
    }
    return byName;
  }

  /** Polls until every named flow satisfies {@code done}; returns when that was first seen. */
  Instant awaitAll(Set<String> names, Predicate<StripeIngestionFlow> done, Duration timeout,
      String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Duration poll = Duration.ofMillis(names.size() > 2000 ? 2000 : 500);
    long lastReport = 0;
    while (true) {
      Instant seen = Instant.now();
      Map<String, StripeIngestionFlow> flows = flows();
      long ok = names.stream().map(flows::get).filter(f -> f != null && done.test(f)).count();
      if (ok == names.size()) {
        return seen;
      }
      if (seen.isAfter(deadline)) {
        throw new IllegalStateException(what + ": only " + ok + " of " + names.size()
            + " after " + timeout);
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

  /** Edits a flow, retrying when someone wrote it in between. */
  StripeIngestionFlow edit(String name, UnaryOperator<StripeIngestionFlow> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.resources(StripeIngestionFlow.class).inNamespace(NAMESPACE).withName(name)
            .edit(change);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 20) {
          throw e;
        }
      }
    }
  }

  /**
   * Loads the flows as a first pass of the operator leaves them (see {@link Preloader}): the
   * state a restarted operator finds.
   */
  Duration preload(List<String> names, Instant start) throws Exception {
    Instant began = Instant.now();
    Preloader.preload(this, names, start, 8);
    return Duration.between(began, Instant.now());
  }

  private <T extends HasMetadata> T load(String sample, Class<T> type) {
    try (InputStream in = Files.newInputStream(repo.resolve("samples").resolve(sample))) {
      return client.getKubernetesSerialization().unmarshal(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    simulator.close();
    client.close();
    kubernetes.destroy();
  }
}

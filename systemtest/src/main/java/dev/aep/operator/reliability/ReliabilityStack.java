package dev.aep.operator.reliability;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.OperatorAssembly;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.platform.http.HttpPlatformOptions;
import dev.aep.operator.platform.http.PlatformEndpoints;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.simulator.Accounts;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * What the reliability scenarios run against: the Fabric8 Kubernetes mock server (CRUD, with
 * {@link KubernetesFaults} in front) holding the committed CRD, the Platform simulator, and any
 * number of operator replicas built by the production {@link OperatorAssembly} from an
 * environment map, each with its own Kubernetes client so a replica can be killed on its own.
 */
final class ReliabilityStack implements AutoCloseable {
  /** User-Agent of the operators' clients, so their requests can be told from the test's. */
  static final String OPERATOR_USER_AGENT = "stripe-aep-operator-under-test";
  /** Namespace of the leader-election Lease. */
  static final String OPERATOR_NAMESPACE = "stripe-aep-operator";

  private final KubernetesFaults kubernetesFaults = new KubernetesFaults();
  private final KubernetesMockServer kubernetes;
  private final KubernetesClient client;
  private final PlatformSimulator simulator;
  private final List<Replica> replicas = new ArrayList<>();

  /**
   * One operator process: its assembly, the Kubernetes client it owns, its metrics registry, the
   * relay its Platform traffic goes through, and its Platform client when the test built it.
   */
  record Replica(OperatorAssembly assembly, KubernetesClient client,
      PrometheusMeterRegistry registry, CuttableProxy network, HttpPlatform ownedPlatform) {

    /** A graceful stop (SIGTERM): in-flight reconciles get SHUTDOWN_TIMEOUT, then are interrupted. */
    void stop() {
      try {
        assembly.stop();
      } finally {
        client.close();
        network.close();
        if (ownedPlatform != null) {
          ownedPlatform.close();
        }
      }
    }

    /**
     * A crash: the process's connections die at once (Platform relay cut, Kubernetes client
     * closed, so nothing more reaches either server and the Lease is not released), then its
     * threads are stopped.
     */
    void crash() {
      network.cut();
      client.close();
      try {
        assembly.stop();
      } catch (RuntimeException e) {
        // A dead process does not stop cleanly either.
      }
      if (ownedPlatform != null) {
        ownedPlatform.close();
      }
    }
  }

  private ReliabilityStack() {
    kubernetes = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        kubernetesFaults, false);
    try {
      kubernetes.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client = kubernetes.createClient();
    try (InputStream in = Files.newInputStream(
        repoPath("crds").resolve("stripeingestionflows.flows.aep.dev-v1.yml"))) {
      client.load(in).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    namespace(OPERATOR_NAMESPACE, false);
    simulator = PlatformSimulator.start();
  }

  static ReliabilityStack start() {
    return new ReliabilityStack();
  }

  /** A path relative to the repository root (tests run in the systemtest module). */
  static Path repoPath(String relative) {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("crds")) ? here : here.getParent();
    return root.resolve(relative);
  }

  /** Reconciler settings for the scenarios: the given resync, short error backoff. */
  static ReconcilerSettings settings(Duration resync, Duration maxBackoff) {
    return ReconcilerSettings.defaults()
        .withResyncInterval(resync)
        .withRetryBackoff(Duration.ofMillis(200), maxBackoff);
  }

  KubernetesClient client() {
    return client;
  }

  PlatformSimulator simulator() {
    return simulator;
  }

  KubernetesFaults kubernetesFaults() {
    return kubernetesFaults;
  }

  /** The environment an operator pod gets, pointed at the simulator; {@code extra} wins. */
  Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put(OperatorConfig.AEP_PLATFORM_URL, simulator.baseUrl());
    env.put(OperatorConfig.AEP_IMS_URL, simulator.baseUrl());
    env.put(OperatorConfig.AEP_ALLOW_HTTP, "true");
    env.put(OperatorConfig.HTTP_PORT, "0");
    env.put(OperatorConfig.PLATFORM_MAX_RPS, "50");
    env.put(OperatorConfig.RECONCILE_THREADS, "4");
    env.put(OperatorConfig.SHUTDOWN_TIMEOUT, "2s");
    env.putAll(extra);
    return env;
  }

  /** Builds a replica from the production wiring (not started). */
  Replica replica(Map<String, String> extraEnv, ReconcilerSettings settings) {
    return replica(extraEnv, settings, null);
  }

  /**
   * Builds a replica whose Platform client (built exactly as the assembly builds it) is wrapped
   * by {@code decorate} before the reconciler gets it; null leaves it unwrapped.
   */
  Replica replica(Map<String, String> extraEnv, ReconcilerSettings settings,
      UnaryOperator<Platform> decorate) {
    CuttableProxy network = new CuttableProxy(simulator.port());
    Map<String, String> env = new HashMap<>();
    env.put(OperatorConfig.AEP_PLATFORM_URL, network.baseUrl());
    env.put(OperatorConfig.AEP_IMS_URL, network.baseUrl());
    env.putAll(extraEnv);
    OperatorConfig config = OperatorConfig.fromEnvironment(environment(env));
    Config base = kubernetes.createClient().getConfiguration();
    KubernetesClient operatorClient = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(base).withUserAgent(OPERATOR_USER_AGENT).build()).build();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorAssembly.Builder builder = OperatorAssembly.builder(config, operatorClient, registry)
        .reconcilerSettings(settings)
        .httpAddress(InetAddress.getLoopbackAddress())
        .leaseTimings(Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofMillis(500));
    HttpPlatform owned = null;
    if (decorate != null) {
      owned = new HttpPlatform(
          new PlatformEndpoints(config.platformUrl(), config.imsUrl(), config.allowHttp()),
          HttpPlatformOptions.defaults().withMaxRequestsPerSecond(config.platformMaxRps()),
          registry);
      builder.platform(decorate.apply(owned));
    }
    Replica replica = new Replica(builder.build(), operatorClient, registry, network, owned);
    synchronized (replicas) {
      replicas.add(replica);
    }
    return replica;
  }

  /** Builds and starts a replica. */
  Replica startReplica(Map<String, String> extraEnv, ReconcilerSettings settings) {
    Replica replica = replica(extraEnv, settings);
    replica.assembly().start();
    return replica;
  }

  /** Environment of a replica taking part in leader election under {@code identity}. */
  static Map<String, String> leaderElection(String identity) {
    return Map.of(
        OperatorConfig.LEADER_ELECTION, "true",
        OperatorConfig.LEADER_ELECTION_NAMESPACE, OPERATOR_NAMESPACE,
        OperatorConfig.LEADER_ELECTION_IDENTITY, identity);
  }

  /** Creates a namespace and a Platform sandbox of the same name. */
  void namespace(String name) {
    namespace(name, true);
  }

  private void namespace(String name, boolean sandbox) {
    if (client.namespaces().withName(name).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
          .endMetadata().build()).create();
    }
    if (sandbox) {
      simulator.addSandbox(name);
    }
  }

  /** A Secret from literal values (created or replaced). */
  Secret secret(String namespace, String name, Map<String, String> values) {
    Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .endMetadata().withStringData(values).build();
    return client.resource(secret).createOr(existing -> existing.update());
  }

  /** The simulator's default client as Secret {@code aep-credentials} in {@code namespace}. */
  Secret platformSecret(String namespace) {
    return secret(namespace, "aep-credentials", Map.of(
        "clientId", Accounts.DEFAULT_CLIENT_ID,
        "clientSecret", Accounts.DEFAULT_CLIENT_SECRET,
        "orgId", Accounts.DEFAULT_ORG_ID));
  }

  /** Secret {@code stripe} with key {@code accessToken}. */
  Secret stripeSecret(String namespace, String accessToken) {
    return secret(namespace, "stripe", Map.of("accessToken", accessToken));
  }

  /**
   * The charges sample as flow {@code name} in {@code namespace}, in the sandbox named like the
   * namespace, with schema title and dataset name unique to the flow.
   */
  StripeIngestionFlow charges(String namespace, String name) {
    StripeIngestionFlow flow;
    try (InputStream in = Files.newInputStream(repoPath("samples").resolve("charges.yaml"))) {
      flow = client.getKubernetesSerialization().unmarshal(in, StripeIngestionFlow.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    flow.getMetadata().setNamespace(namespace);
    flow.getMetadata().setName(name);
    flow.getSpec().getPlatform().setSandbox(namespace);
    flow.getSpec().getTarget().getSchema().getCreate()
        .setTitle("Stripe charges " + namespace + "/" + name);
    flow.getSpec().getTarget().getDataset().getCreate()
        .setName("Stripe charges " + namespace + "/" + name);
    return flow;
  }

  StripeIngestionFlow create(StripeIngestionFlow flow) {
    return client.resource(flow).create();
  }

  /** The flow as stored now, if it exists. */
  Optional<StripeIngestionFlow> flow(String namespace, String name) {
    return Optional.ofNullable(
        client.resources(StripeIngestionFlow.class).inNamespace(namespace).withName(name).get());
  }

  /** Every flow in every namespace. */
  List<StripeIngestionFlow> flows() {
    return client.resources(StripeIngestionFlow.class).inAnyNamespace().list().getItems();
  }

  /** Edits the flow's spec, retrying when someone wrote it in between (409). */
  StripeIngestionFlow edit(String namespace, String name, UnaryOperator<StripeIngestionFlow> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.resources(StripeIngestionFlow.class).inNamespace(namespace).withName(name)
            .edit(change);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 50) {
          throw e;
        }
      }
    }
  }

  /** Waits until the flow satisfies {@code condition}. */
  StripeIngestionFlow await(String namespace, String name, Duration timeout,
      Predicate<StripeIngestionFlow> condition) {
    return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
        .until(() -> flow(namespace, name).orElse(null), f -> f != null && condition.test(f));
  }

  /**
   * Waits until every given flow is Ready for its current generation; returns them as stored
   * then. The failure message lists the flows that are not.
   */
  List<StripeIngestionFlow> awaitAllReady(List<StripeIngestionFlow> flows, Duration timeout) {
    Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500))
        .alias("every flow Ready")
        .until(() -> notReady(flows), List::isEmpty);
    return flows.stream().map(f -> flow(f.getMetadata().getNamespace(), f.getMetadata().getName())
        .orElseThrow()).toList();
  }

  /** The flows (namespace/name and Ready condition) that are not Ready for their generation. */
  List<String> notReady(List<StripeIngestionFlow> flows) {
    List<String> waiting = new ArrayList<>();
    for (StripeIngestionFlow f : flows) {
      Optional<StripeIngestionFlow> now = flow(f.getMetadata().getNamespace(),
          f.getMetadata().getName());
      if (now.isEmpty() || !FlowAssertions.readyForGeneration(now.get())) {
        waiting.add(f.getMetadata().getNamespace() + "/" + f.getMetadata().getName() + " "
            + now.flatMap(n -> FlowAssertions.condition(n, "Ready"))
                .map(c -> c.getReason() + ": " + c.getMessage()).orElse("no status"));
      }
    }
    return waiting;
  }

  @Override
  public void close() {
    List<Replica> all;
    synchronized (replicas) {
      all = List.copyOf(replicas);
    }
    for (Replica r : all) {
      try {
        r.stop();
      } catch (RuntimeException e) {
        // Already crashed or stopped; closing the rest matters more.
      }
    }
    simulator.close();
    client.close();
    kubernetes.destroy();
  }
}

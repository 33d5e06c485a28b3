package dev.aep.operator.testing;

import dev.aep.operator.main.OperatorAssembly;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.platform.http.HttpPlatformOptions;
import dev.aep.operator.platform.http.PlatformEndpoints;
import dev.aep.operator.platform.http.RetryPolicy;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The parts every stack shares: the embedded Kubernetes API with the CRD ({@link MockCluster}), the
 * Platform simulator, a Platform client for the test's own calls, and operator replicas built by
 * the production {@link OperatorAssembly} from an environment map pointed at the simulator, each
 * with its own Kubernetes client and Platform relay so one can be stopped or killed on its own.
 * Subclasses add what is theirs (an in-process operator, Kubernetes faults, benchmark data).
 */
public abstract class SimulatedStack implements FlowStack, AutoCloseable {
  /** Namespace of the leader-election Lease. */
  public static final String OPERATOR_NAMESPACE = "stripe-aep-operator";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final MockCluster cluster;
  private final PlatformSimulator simulator;
  private final Map<String, String> operatorEnvironment;
  private final List<Replica> replicas = new ArrayList<>();
  private HttpPlatform platform;

  /**
   * Starts the Kubernetes API answering through {@code dispatcher} and the simulator; {@code
   * operatorEnvironment} is what every replica's environment sets beyond the Platform URLs.
   */
  protected SimulatedStack(
      RecordingDispatcher dispatcher,
      Supplier<PlatformSimulator> simulator,
      Map<String, String> operatorEnvironment) {
    this.cluster = MockCluster.start(dispatcher);
    try {
      this.simulator = simulator.get();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    this.operatorEnvironment = Map.copyOf(operatorEnvironment);
  }

  public MockCluster cluster() {
    return cluster;
  }

  @Override
  public KubernetesClient client() {
    return cluster.client();
  }

  @Override
  public PlatformSimulator simulator() {
    return simulator;
  }

  /**
   * The test's HTTP Platform client to the simulator (made on first use): a generous rate, short
   * timeouts and two quick tries per call.
   */
  @Override
  public synchronized Platform platform() {
    if (platform == null) {
      platform =
          new HttpPlatform(
              PlatformEndpoints.single(simulator.baseUrl(), true),
              HttpPlatformOptions.defaults()
                  .withMaxRequestsPerSecond(1000)
                  .withTimeouts(
                      Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
                  .withRetryPolicy(
                      RetryPolicy.defaults()
                          .withMaxAttempts(2)
                          .withDelays(Duration.ofMillis(20), Duration.ofMillis(100))),
              new SimpleMeterRegistry());
    }
    return platform;
  }

  /** Every request the Kubernetes API received so far. */
  public List<RecordingDispatcher.Request> kubernetesRequests() {
    return cluster.requests();
  }

  /** Every write the Kubernetes API received so far. */
  public List<RecordingDispatcher.Request> kubernetesWrites() {
    return cluster.dispatcher().writes();
  }

  /** How many writes the Kubernetes API received for objects in {@code namespace}. */
  public long kubernetesWrites(String namespace) {
    return kubernetesWrites().stream()
        .filter(w -> w.path().contains("/namespaces/" + namespace + "/"))
        .count();
  }

  // ------------------------------------------------------------------ replicas

  /** The environment an operator pod gets, pointed at the simulator; {@code extra} wins. */
  public Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put(OperatorConfig.AEP_PLATFORM_URL, simulator.baseUrl());
    env.put(OperatorConfig.AEP_IMS_URL, simulator.baseUrl());
    env.put(OperatorConfig.AEP_ALLOW_HTTP, "true");
    env.put(OperatorConfig.HTTP_PORT, "0");
    env.putAll(operatorEnvironment);
    env.putAll(extra);
    return env;
  }

  /** Builds a replica from the production wiring (not started). */
  public Replica replica(Map<String, String> extraEnv, ReconcilerSettings settings) {
    return replica(extraEnv, settings, null);
  }

  /**
   * Builds a replica (not started) whose Platform client (built exactly as the assembly builds it)
   * is wrapped by {@code decorate} before the reconciler gets it; null leaves it unwrapped.
   */
  public Replica replica(
      Map<String, String> extraEnv, ReconcilerSettings settings, UnaryOperator<Platform> decorate) {
    CuttableProxy network = new CuttableProxy(simulator.port());
    Map<String, String> env = new HashMap<>();
    env.put(OperatorConfig.AEP_PLATFORM_URL, network.baseUrl());
    env.put(OperatorConfig.AEP_IMS_URL, network.baseUrl());
    env.putAll(extraEnv);
    OperatorConfig config = OperatorConfig.fromEnvironment(environment(env));
    KubernetesClient operatorClient = cluster.newOperatorClient();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorAssembly.Builder builder =
        OperatorAssembly.builder(config, operatorClient, registry)
            .reconcilerSettings(settings)
            .httpAddress(InetAddress.getLoopbackAddress())
            .leaseTimings(Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofMillis(500));
    HttpPlatform owned = null;
    if (decorate != null) {
      owned =
          new HttpPlatform(
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
  public Replica startReplica(Map<String, String> extraEnv, ReconcilerSettings settings) {
    Replica replica = replica(extraEnv, settings);
    replica.assembly().start();
    return replica;
  }

  /** Environment of a replica taking part in leader election under {@code identity}. */
  public static Map<String, String> leaderElection(String identity) {
    return Map.of(
        OperatorConfig.LEADER_ELECTION, "true",
        OperatorConfig.LEADER_ELECTION_NAMESPACE, OPERATOR_NAMESPACE,
        OperatorConfig.LEADER_ELECTION_IDENTITY, identity);
  }

  /**
   * GET on an operator's health/metrics endpoint ({@code /healthz}, {@code /readyz}, {@code
   * /metrics}).
   */
  public HttpResponse<String> get(OperatorAssembly operator, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + operator.httpPort() + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops every replica still running, then the Platform client, the simulator and the API. */
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
    synchronized (this) {
      if (platform != null) {
        platform.close();
      }
    }
    simulator.close();
    cluster.close();
  }
}

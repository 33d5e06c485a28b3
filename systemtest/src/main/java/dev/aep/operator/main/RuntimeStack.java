package dev.aep.operator.main;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The runtime under test: an embedded Kubernetes API with the CRDs, the Platform simulator, and
 * operators built by the production {@link OperatorAssembly} from an environment map.
 */
final class RuntimeStack implements AutoCloseable {
  static final String NAMESPACE = "payments";

  private final MockCluster cluster = MockCluster.startWithCrds();
  private final PlatformSimulator simulator = PlatformSimulator.start();
  private final List<OperatorAssembly> assemblies = new ArrayList<>();
  private final List<KubernetesClient> operatorClients = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  /** Fast reconciler settings: drift checks every second, short backoff. */
  static ReconcilerSettings fastSettings() {
    return ReconcilerSettings.defaults()
        .withResyncInterval(Duration.ofSeconds(1))
        .withRetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  MockCluster cluster() {
    return cluster;
  }

  KubernetesClient client() {
    return cluster.client();
  }

  PlatformSimulator simulator() {
    return simulator;
  }

  /** The environment an operator pod would get, pointed at the simulator; {@code extra} wins. */
  Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("AEP_PLATFORM_URL", simulator.baseUrl());
    env.put("AEP_IMS_URL", simulator.baseUrl());
    env.put("AEP_ALLOW_HTTP", "true");
    env.put("HTTP_PORT", "0");
    env.put("RESYNC_INTERVAL", "1s");
    env.put("PLATFORM_MAX_RPS", "500");
    env.put("RECONCILE_THREADS", "4");
    env.put("SHUTDOWN_TIMEOUT", "5s");
    env.putAll(extra);
    return env;
  }

  /** Builds (not starts) an operator from an environment, with its own client and registry. */
  OperatorAssembly operator(Map<String, String> extraEnv) {
    OperatorConfig config = OperatorConfig.fromEnvironment(environment(extraEnv));
    KubernetesClient client = cluster.newOperatorClient();
    operatorClients.add(client);
    OperatorAssembly assembly =
        OperatorAssembly.builder(config, client, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .reconcilerSettings(fastSettings())
            .httpAddress(InetAddress.getLoopbackAddress())
            .leaseTimings(Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofMillis(500))
            .build();
    assemblies.add(assembly);
    return assembly;
  }

  /** Creates the sample Secrets and the named sample flows in {@link #NAMESPACE}. */
  List<StripeIngestionFlow> applySamples(String... flowFiles) {
    apply("aep-credentials-secret.yaml");
    apply("stripe-secret.yaml");
    List<StripeIngestionFlow> flows = new ArrayList<>();
    for (String file : flowFiles) {
      for (HasMetadata item : apply(file)) {
        flows.add((StripeIngestionFlow) item);
      }
    }
    return flows;
  }

  private List<HasMetadata> apply(String file) {
    Path path = MockCluster.repoPath("samples").resolve(file);
    try (InputStream in = Files.newInputStream(path)) {
      List<HasMetadata> created = new ArrayList<>();
      for (HasMetadata item : client().load(in).items()) {
        item.getMetadata().setNamespace(NAMESPACE);
        if (item instanceof GenericKubernetesResource generic
            && generic.getKind().equals(new StripeIngestionFlow().getKind())) {
          item = client().getKubernetesSerialization().convertValue(generic, StripeIngestionFlow.class);
        }
        created.add(client().resource(item).create());
      }
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The flow as stored now (null once deleted). */
  StripeIngestionFlow flow(String name) {
    return client().resources(StripeIngestionFlow.class).inNamespace(NAMESPACE).withName(name).get();
  }

  /** Waits until the flow is Ready for its current generation. */
  StripeIngestionFlow awaitReady(String name) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> flow(name), f -> f != null && FlowAssertions.readyForGeneration(f));
  }

  /** GET on an operator's health/metrics endpoint. */
  HttpResponse<String> get(OperatorAssembly operator, String path) {
    try {
      return http.send(
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

  @Override
  public void close() {
    assemblies.forEach(OperatorAssembly::stop);
    operatorClients.forEach(KubernetesClient::close);
    simulator.close();
    cluster.close();
  }
}

package dev.aep.operator.testing;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.platform.http.HttpPlatformOptions;
import dev.aep.operator.platform.http.PlatformEndpoints;
import dev.aep.operator.platform.http.RetryPolicy;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.reconciler.StripeIngestionFlowReconciler;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Everything a reconciler test runs against: the Fabric8 Kubernetes mock server in CRUD mode over
 * http with the committed CRD installed, the Platform simulator over http, the real HTTP Platform
 * client, and the real operator (JOSDK, status patches without server-side apply) which can be
 * stopped and started again against the same servers.
 */
public final class EmbeddedStack implements AutoCloseable {
  /** Where the committed CRD and samples live, relative to the systemtest module (where its tests run). */
  public static final Path REPO = Path.of("..");

  private final RecordingDispatcher dispatcher = new RecordingDispatcher();
  private final KubernetesMockServer kubernetes;
  private final KubernetesClient client;
  private final PlatformSimulator simulator;
  private final HttpPlatform platform;
  private final ReconcilerSettings settings;
  private Operator operator;

  private EmbeddedStack(ReconcilerSettings settings, String tenantId) {
    this.settings = settings;
    kubernetes = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        dispatcher, false);
    try {
      kubernetes.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client = kubernetes.createClient();
    installCrd();
    simulator = PlatformSimulator.startWithTenant(tenantId);
    platform = new HttpPlatform(PlatformEndpoints.single(simulator.baseUrl(), true),
        HttpPlatformOptions.defaults()
            .withMaxRequestsPerSecond(1000)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
            .withRetryPolicy(RetryPolicy.defaults().withMaxAttempts(2)
                .withDelays(Duration.ofMillis(20), Duration.ofMillis(100))),
        new SimpleMeterRegistry());
  }

  /**
   * A namespace with the samples' two Secrets and a sandbox of the same name, so that a test's
   * Platform traffic can be told apart from the others'; returns the name.
   */
  public String isolatedNamespace(String name) {
    namespace(name);
    simulator.addSandbox(name);
    platformSecret(name);
    stripeSecret(name, "sk_test_" + name);
    return name;
  }

  /** A stack with fast test settings: resync every second, short backoff. */
  public static EmbeddedStack start() {
    return start(testSettings());
  }

  /** A stack with the given reconciler settings (the operator is not started yet). */
  public static EmbeddedStack start(ReconcilerSettings settings) {
    return new EmbeddedStack(settings, PlatformSimulator.DEFAULT_TENANT);
  }

  /** A stack with fast test settings whose simulated org has the tenant id {@code tenantId}. */
  public static EmbeddedStack startWithTenant(String tenantId) {
    return new EmbeddedStack(testSettings(), tenantId);
  }

  /** Settings for tests: resync every second with 10% jitter, backoff 100 ms .. 1 s. */
  public static ReconcilerSettings testSettings() {
    return ReconcilerSettings.defaults()
        .withResyncInterval(Duration.ofSeconds(1))
        .withRetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  public KubernetesClient client() {
    return client;
  }

  public PlatformSimulator simulator() {
    return simulator;
  }

  public Platform platform() {
    return platform;
  }

  public ReconcilerSettings settings() {
    return settings;
  }

  /** Every write the Kubernetes API received so far. */
  public List<RecordingDispatcher.Write> kubernetesWrites() {
    return dispatcher.writes();
  }

  /** Starts the operator with the production reconciler. */
  public EmbeddedStack startOperator() {
    return startOperator(StripeIngestionFlowReconciler::new);
  }

  /** Starts the operator with a reconciler built by {@code factory} from platform and settings. */
  public synchronized EmbeddedStack startOperator(
      BiFunction<Platform, ReconcilerSettings, Reconciler<StripeIngestionFlow>> factory) {
    if (operator != null) {
      throw new IllegalStateException("operator already running");
    }
    Operator started = new Operator(o -> o
        .withKubernetesClient(client)
        .withCloseClientOnStop(false)
        .withUseSSAToPatchPrimaryResource(false)
        .withConcurrentReconciliationThreads(4)
        .withReconciliationTerminationTimeout(Duration.ofMillis(300)));
    started.register(factory.apply(platform, settings));
    started.start();
    operator = started;
    return this;
  }

  /** Stops the operator (like a process exit: in-flight reconciles are interrupted). */
  public synchronized void stopOperator() {
    if (operator != null) {
      Operator running = operator;
      operator = null;
      running.stop();
    }
  }

  /** Creates a namespace (idempotent). */
  public void namespace(String name) {
    if (client.namespaces().withName(name).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
          .endMetadata().build()).create();
    }
  }

  /** The default Platform credentials Secret of the simulator in {@code namespace}. */
  public Secret platformSecret(String namespace) {
    return applySample("aep-credentials-secret.yaml", namespace, Secret.class);
  }

  /** The Stripe Secret from the samples, with the given key value. */
  public Secret stripeSecret(String namespace, String accessToken) {
    Secret secret = loadSample("stripe-secret.yaml", Secret.class);
    secret.getMetadata().setNamespace(namespace);
    secret.setStringData(Map.of("accessToken", accessToken));
    return client.resource(secret).createOr(existing -> existing.update());
  }

  /** A Secret from literal values. */
  public Secret secret(String namespace, String name, Map<String, String> values) {
    Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .endMetadata().withStringData(values).build();
    return client.resource(secret).createOr(existing -> existing.update());
  }

  /** Loads a manifest from {@code samples/}. */
  public <T extends HasMetadata> T loadSample(String file, Class<T> type) {
    try (InputStream in = Files.newInputStream(REPO.resolve("samples").resolve(file))) {
      return client.getKubernetesSerialization().unmarshal(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a manifest from {@code samples/} in {@code namespace}. */
  public <T extends HasMetadata> T applySample(String file, String namespace, Class<T> type) {
    T resource = loadSample(file, type);
    resource.getMetadata().setNamespace(namespace);
    return client.resource(resource).createOr(existing -> existing.update());
  }

  /** Creates a flow. */
  public StripeIngestionFlow create(StripeIngestionFlow flow) {
    return client.resource(flow).create();
  }

  /** The flow as stored now, if it exists. */
  public Optional<StripeIngestionFlow> flow(String namespace, String name) {
    return Optional.ofNullable(
        client.resources(StripeIngestionFlow.class).inNamespace(namespace).withName(name).get());
  }

  /** Edits the flow (retrying when the operator wrote it in between: 409). */
  public StripeIngestionFlow edit(String namespace, String name,
      java.util.function.UnaryOperator<StripeIngestionFlow> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.resources(StripeIngestionFlow.class).inNamespace(namespace).withName(name)
            .edit(change);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 20) {
          throw e;
        }
      }
    }
  }

  /** Waits until the flow satisfies {@code condition}; returns it. */
  public StripeIngestionFlow await(String namespace, String name,
      Predicate<StripeIngestionFlow> condition) {
    return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> flow(namespace, name).orElse(null), f -> f != null && condition.test(f));
  }

  /** Waits until Ready=True for the flow's current generation. */
  public StripeIngestionFlow awaitReady(String namespace, String name) {
    return await(namespace, name, FlowAssertions::readyForGeneration);
  }

  /** Events about objects in a namespace, oldest first. */
  public List<Event> events(String namespace) {
    return client.events().v1().events().inNamespace(namespace).list().getItems().stream()
        .sorted(Comparator.comparing(e -> e.getMetadata().getName()))
        .toList();
  }

  private void installCrd() {
    Path crd = REPO.resolve("crds").resolve("stripeingestionflows.flows.aep.dev-v1.yml");
    try (InputStream in = Files.newInputStream(crd)) {
      client.load(in).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stopOperator();
    platform.close();
    simulator.close();
    client.close();
    kubernetes.destroy();
  }
}

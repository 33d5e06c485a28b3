package dev.aep.operator.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.RequestLog;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * What a test does with a Kubernetes API holding the CRD and a Platform simulator: namespaces with
 * a sandbox of the same name and the samples' Secrets, flows made from the samples, waiting for
 * flows, and reading what the Platform was asked. Every stack ({@link SimulatedStack}) is one, and
 * so is the JUnit extension that holds one; each needs only {@link #client()}, {@link #simulator()}
 * and {@link #platform()}.
 */
public interface FlowStack {
  /** How long {@link #await} and {@link #awaitReady} wait by default. */
  Duration TIMEOUT = Duration.ofSeconds(90);

  /** The test's own Kubernetes client. */
  KubernetesClient client();

  PlatformSimulator simulator();

  /** A Platform client to the simulator for the test's own ("out of band") calls. */
  Platform platform();

  // ------------------------------------------------------------------ namespaces and Secrets

  /**
   * A namespace (created if missing) and a Platform sandbox of the same name, so that a test's
   * Platform traffic can be told apart from the others'; returns the name.
   */
  default String namespace(String name) {
    if (client().namespaces().withName(name).get() == null) {
      client()
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
    simulator().addSandbox(name);
    return name;
  }

  /** {@link #namespace} with both Secrets the samples name (Stripe key {@code sk_test_<name>}). */
  default String isolatedNamespace(String name) {
    namespace(name);
    platformSecret(name);
    stripeSecret(name, "sk_test_" + name);
    return name;
  }

  /**
   * The samples' Platform credentials Secret (the simulator's default account) in {@code
   * namespace}.
   */
  default Secret platformSecret(String namespace) {
    return applySample("aep-credentials-secret.yaml", namespace, Secret.class);
  }

  /** The samples' Stripe Secret in {@code namespace}, with the given key (created or replaced). */
  default Secret stripeSecret(String namespace, String accessToken) {
    return secret(namespace, "stripe", Map.of("accessToken", accessToken));
  }

  /** A Secret from literal values (created or replaced). */
  default Secret secret(String namespace, String name, Map<String, String> values) {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .withStringData(values)
            .build();
    return client().resource(secret).createOr(existing -> existing.update());
  }

  // ------------------------------------------------------------------ samples

  /** Loads a manifest from {@code samples/}. */
  default <T extends HasMetadata> T loadSample(String file, Class<T> type) {
    try (InputStream in = Files.newInputStream(MockCluster.repoPath("samples").resolve(file))) {
      return client().getKubernetesSerialization().unmarshal(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates (or replaces) a manifest from {@code samples/} in {@code namespace}. */
  default <T extends HasMetadata> T applySample(String file, String namespace, Class<T> type) {
    T resource = loadSample(file, type);
    resource.getMetadata().setNamespace(namespace);
    return client().resource(resource).createOr(existing -> existing.update());
  }

  /**
   * As {@code kubectl apply} of the samples' two Secrets, as committed, and the named flow samples
   * in {@code namespace} (a namespace object is not needed); returns the flows.
   */
  default List<StripeIngestionFlow> applySamples(String namespace, String... flowFiles) {
    applySample("aep-credentials-secret.yaml", namespace, Secret.class);
    applySample("stripe-secret.yaml", namespace, Secret.class);
    List<StripeIngestionFlow> flows = new ArrayList<>();
    for (String file : flowFiles) {
      StripeIngestionFlow flow = loadSample(file, StripeIngestionFlow.class);
      flow.getMetadata().setNamespace(namespace);
      flows.add(create(flow));
    }
    return flows;
  }

  /**
   * The charges sample as a flow named {@code name} in {@code namespace}, in the sandbox named like
   * the namespace, with schema title and dataset name made unique, and its first run a day ahead on
   * the simulator's clock: the sample's fixed start time is in the past from 2026-12-01 on, and
   * tests that want runs advance the clock.
   */
  default StripeIngestionFlow charges(String namespace, String name) {
    StripeIngestionFlow flow =
        startingIn(sampleFlow("charges.yaml", namespace), Duration.ofDays(1), ChronoUnit.HOURS);
    flow.getMetadata().setName(name);
    flow.getSpec()
        .getTarget()
        .getSchema()
        .getCreate()
        .setTitle("Stripe charges " + namespace + "/" + name);
    flow.getSpec()
        .getTarget()
        .getDataset()
        .getCreate()
        .setName("Stripe charges " + namespace + "/" + name);
    return flow;
  }

  /**
   * A flow sample (not created) in {@code namespace} and in the Platform sandbox of the same name.
   */
  default StripeIngestionFlow sampleFlow(String file, String namespace) {
    StripeIngestionFlow flow = loadSample(file, StripeIngestionFlow.class);
    flow.getMetadata().setNamespace(namespace);
    flow.getSpec().getPlatform().setSandbox(namespace);
    return flow;
  }

  /**
   * Sets the flow's first run {@code delay} ahead of the simulator's clock, truncated to {@code
   * unit}; returns the flow.
   */
  default StripeIngestionFlow startingIn(
      StripeIngestionFlow flow, Duration delay, ChronoUnit unit) {
    flow.getSpec()
        .getSchedule()
        .setStartTime(simulator().clock().now().plus(delay).truncatedTo(unit).toString());
    return flow;
  }

  /** A Platform session of the samples' account in a sandbox, for changing things out of band. */
  default PlatformSession session(String sandbox) {
    return platform().session(Flows.account(), sandbox);
  }

  // ------------------------------------------------------------------ flows

  default StripeIngestionFlow create(StripeIngestionFlow flow) {
    return client().resource(flow).create();
  }

  /** The flow as stored now, if it exists. */
  default Optional<StripeIngestionFlow> flow(String namespace, String name) {
    return Optional.ofNullable(
        client().resources(StripeIngestionFlow.class).inNamespace(namespace).withName(name).get());
  }

  /** Every flow in every namespace. */
  default List<StripeIngestionFlow> flows() {
    return client().resources(StripeIngestionFlow.class).inAnyNamespace().list().getItems();
  }

  /** Edits the flow, retrying when someone (the operator) wrote it in between (409). */
  default StripeIngestionFlow edit(
      String namespace, String name, UnaryOperator<StripeIngestionFlow> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client()
            .resources(StripeIngestionFlow.class)
            .inNamespace(namespace)
            .withName(name)
            .edit(change);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 50) {
          throw e;
        }
      }
    }
  }

  /** {@link #edit} with a change made in place: {@code change(ns, name, f -> f.getSpec()...)}. */
  default StripeIngestionFlow change(
      String namespace, String name, Consumer<StripeIngestionFlow> change) {
    return edit(
        namespace,
        name,
        f -> {
          change.accept(f);
          return f;
        });
  }

  /** Waits up to {@link #TIMEOUT} until the flow satisfies {@code condition}; returns it. */
  default StripeIngestionFlow await(
      String namespace, String name, Predicate<StripeIngestionFlow> condition) {
    return await(namespace, name, TIMEOUT, condition);
  }

  /** Waits until the flow satisfies {@code condition}; returns it. */
  default StripeIngestionFlow await(
      String namespace, String name, Duration timeout, Predicate<StripeIngestionFlow> condition) {
    return Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> flow(namespace, name).orElse(null), f -> f != null && condition.test(f));
  }

  /** Waits, flow by flow, until each satisfies {@code condition}; returns them as stored then. */
  default List<StripeIngestionFlow> awaitEach(
      List<StripeIngestionFlow> flows, Duration timeout, Predicate<StripeIngestionFlow> condition) {
    return flows.stream()
        .map(
            f ->
                await(
                    f.getMetadata().getNamespace(), f.getMetadata().getName(), timeout, condition))
        .toList();
  }

  /** Waits until the flow is Ready for its current generation and satisfies {@code condition}. */
  default StripeIngestionFlow awaitReadyAnd(
      String namespace, String name, Predicate<StripeIngestionFlow> condition) {
    return await(namespace, name, f -> FlowAssertions.readyForGeneration(f) && condition.test(f));
  }

  /** Waits until Ready=True for the flow's current generation. */
  default StripeIngestionFlow awaitReady(String namespace, String name) {
    return await(namespace, name, FlowAssertions::readyForGeneration);
  }

  /** Waits until the condition of {@code type} has {@code reason}. */
  default StripeIngestionFlow awaitReason(
      String namespace, String name, String type, String reason) {
    return await(namespace, name, f -> FlowAssertions.hasReason(f, type, reason));
  }

  /** Creates the flow and waits until it is Ready for its generation. */
  default StripeIngestionFlow createAndAwaitReady(StripeIngestionFlow flow) {
    create(flow);
    return awaitReady(flow.getMetadata().getNamespace(), flow.getMetadata().getName());
  }

  /**
   * Waits until every given flow is Ready for its current generation; returns them as stored then.
   * The failure message lists the flows that are not.
   */
  default List<StripeIngestionFlow> awaitAllReady(
      List<StripeIngestionFlow> flows, Duration timeout) {
    Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .alias("every flow Ready")
        .until(() -> notReady(flows), List::isEmpty);
    return flows.stream()
        .map(f -> flow(f.getMetadata().getNamespace(), f.getMetadata().getName()).orElseThrow())
        .toList();
  }

  /** The flows (namespace/name and Ready condition) that are not Ready for their generation. */
  default List<String> notReady(List<StripeIngestionFlow> flows) {
    Map<String, StripeIngestionFlow> stored = new HashMap<>();
    for (StripeIngestionFlow f : flows()) {
      stored.put(f.getMetadata().getNamespace() + "/" + f.getMetadata().getName(), f);
    }
    List<String> waiting = new ArrayList<>();
    for (StripeIngestionFlow f : flows) {
      String key = f.getMetadata().getNamespace() + "/" + f.getMetadata().getName();
      Optional<StripeIngestionFlow> now = Optional.ofNullable(stored.get(key));
      if (now.isEmpty() || !FlowAssertions.readyForGeneration(now.get())) {
        waiting.add(
            key
                + " "
                + now.flatMap(n -> FlowAssertions.condition(n, FlowConditions.READY))
                    .map(c -> c.getReason() + ": " + c.getMessage())
                    .orElse("no status"));
      }
    }
    return waiting;
  }

  /** Events (events.k8s.io/v1) about objects in a namespace, by name. */
  default List<Event> events(String namespace) {
    return client().events().v1().events().inNamespace(namespace).list().getItems().stream()
        .sorted(Comparator.comparing(e -> e.getMetadata().getName()))
        .toList();
  }

  // ------------------------------------------------------------------ what the Platform saw

  /** Requests the simulator answered for one sandbox. */
  default List<RequestLog.Entry> requests(String sandbox) {
    return simulator().requestLog().entries().stream()
        .filter(e -> sandbox.equals(e.sandbox()))
        .toList();
  }

  /** Writes (POST, PUT, PATCH, DELETE) the simulator answered for one sandbox. */
  default long platformWrites(String sandbox) {
    return requests(sandbox).stream().filter(RequestLog.Entry::write).count();
  }

  /** Requests of one method whose path matches a regex, in one sandbox. */
  default long count(String sandbox, String method, String pathRegex) {
    return requests(sandbox).stream()
        .filter(e -> method.equals(e.method()) && e.path().matches(pathRegex))
        .count();
  }

  /** Objects of a kind in the simulator whose description or name mentions {@code marker}. */
  default List<ObjectNode> objects(Kind kind, String marker) {
    return simulator().inventory().list(kind).stream()
        .filter(
            o ->
                o.path("description").asText("").contains(marker)
                    || o.path("name").asText("").contains(marker))
        .toList();
  }

  /** The simulator's object of a kind with this id (it must exist). */
  default ObjectNode remote(Kind kind, String id) {
    return simulator().inventory().get(kind, id).orElseThrow();
  }
}

package dev.aep.operator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aep.operator.api.v1alpha1.ManagementPolicy;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.RunStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.main.ExportCommand;
import dev.aep.operator.main.OperatorAssembly;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.platform.http.HttpPlatformOptions;
import dev.aep.operator.platform.http.PlatformEndpoints;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.Flows;
import dev.aep.operator.testing.HandMadeFlow;
import dev.aep.operator.testing.MockCluster;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.RequestLog;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The demo's steps against one embedded Kubernetes API, one operator and one Platform. */
final class Demo implements AutoCloseable {
  static final String NAMESPACE = "payments";
  private static final String CHANGED_FLOW = "stripe-charges";
  private static final String DELETED_FLOW = "stripe-subscriptions";
  private static final String EXISTING_TARGET_FLOW = "stripe-charges-existing-target";
  private static final String PLACEHOLDER = "REPLACE_WITH";

  private final PrintStream out;
  private final Instant started = Instant.now();
  private final boolean external;
  private final MockCluster cluster;
  private final KubernetesClient operatorClient;
  private final PlatformSimulator simulator;
  private final HttpPlatform http;
  private final RecordingPlatform platform;
  private final OperatorAssembly operator;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<String> flowNames = new ArrayList<>();
  private final String platformSecretName = "aep-credentials";
  private final String stripeSecretName = "stripe";

  Demo(Map<String, String> env, PrintStream out) {
    this.out = out;
    this.external = present(env, "AEP_PLATFORM_URL") && present(env, "AEP_IMS_URL");
    out.println("StripeIngestionFlow operator demo");
    out.println("=================================");
    cluster = MockCluster.start();
    out.printf("Kubernetes API  embedded Fabric8 mock server (CRUD mode) at %s%n", cluster.url());
    out.println("                CRD stripeingestionflows.flows.aep.dev installed from crds/");
    Map<String, String> operatorEnv = new HashMap<>();
    if (external) {
      simulator = null;
      operatorEnv.put("AEP_PLATFORM_URL", env.get("AEP_PLATFORM_URL"));
      operatorEnv.put("AEP_IMS_URL", env.get("AEP_IMS_URL"));
      operatorEnv.put("AEP_ALLOW_HTTP", env.getOrDefault("AEP_ALLOW_HTTP", "false"));
      operatorEnv.put("PLATFORM_MAX_RPS", env.getOrDefault("PLATFORM_MAX_RPS", "10"));
    } else {
      simulator = PlatformSimulator.start();
      operatorEnv.put("AEP_PLATFORM_URL", simulator.baseUrl());
      operatorEnv.put("AEP_IMS_URL", simulator.baseUrl());
      operatorEnv.put("AEP_ALLOW_HTTP", "true");
      operatorEnv.put("PLATFORM_MAX_RPS", "100");
    }
    operatorEnv.put("HTTP_PORT", "0");
    operatorEnv.put("RESYNC_INTERVAL", "2s");
    operatorEnv.put("RECONCILE_THREADS", "8");
    operatorEnv.put("LEADER_ELECTION", "false");
    operatorEnv.put("SHUTDOWN_TIMEOUT", "5s");
    OperatorConfig config = OperatorConfig.fromEnvironment(operatorEnv);
    out.printf(
        "Platform        %s%n",
        external
            ? config.platformUrl()
                + " (IMS "
                + config.imsUrl()
                + ") from AEP_PLATFORM_URL/AEP_IMS_URL"
            : "Platform simulator at "
                + simulator.baseUrl()
                + " (serves the Platform APIs and IMS)");
    http =
        new HttpPlatform(
            new PlatformEndpoints(config.platformUrl(), config.imsUrl(), config.allowHttp()),
            HttpPlatformOptions.defaults().withMaxRequestsPerSecond(config.platformMaxRps()),
            registry);
    platform = new RecordingPlatform(http);
    operatorClient = cluster.newOperatorClient();
    operator =
        OperatorAssembly.builder(config, operatorClient, registry)
            .platform(platform)
            .reconcilerSettings(
                ReconcilerSettings.defaults()
                    .withResyncInterval(Duration.ofSeconds(2))
                    .withRetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(2)))
            .httpAddress(InetAddress.getLoopbackAddress())
            .build();
    operator.start();
    out.printf(
        "Operator        running in this JVM (OperatorAssembly, the same wiring as operator.jar);%n"
            + "                drift check every 2s; http://127.0.0.1:%d/metrics /healthz /readyz%n",
        operator.httpPort());
  }

  /** Runs every step; returns the exit status. */
  int run() {
    applySamples();
    changeScheduleAndMapping();
    rotateStripeToken();
    if (external) {
      section(
          "4. Delete a dataflow behind the operator's back: skipped (needs the simulator's admin API)");
    } else {
      recreateDeletedDataflow();
    }
    if (external) {
      section(
          "5. Bring a dataflow built by hand under GitOps: skipped (it would build one in your sandbox)");
    } else {
      adoptHandMadeDataflow();
    }
    deleteFlow();
    summary();
    out.printf("%nDemo finished in %.1fs: every step converged.%n", seconds(started));
    return 0;
  }

  // ---------------------------------------------------------------- step 1

  private void applySamples() {
    section(
        "1. Apply everything in samples/ (Secrets and all flows), wait until every flow is Ready");
    Path samples = MockCluster.repoPath("samples");
    List<String> applied = new ArrayList<>();
    for (String file : kustomizationResources(samples)) {
      for (HasMetadata item : load(samples.resolve(file))) {
        item.getMetadata().setNamespace(NAMESPACE);
        if (item instanceof StripeIngestionFlow flow) {
          fillExistingTarget(flow);
          flowNames.add(flow.getMetadata().getName());
        }
        cluster.client().resource(item).create();
        applied.add(item.getKind().toLowerCase(Locale.ROOT) + "/" + item.getMetadata().getName());
      }
    }
    out.printf("kubectl apply -k samples/ -n %s:%n", NAMESPACE);
    applied.forEach(a -> out.println("  " + a + " created"));
    Instant t = Instant.now();
    awaitFlows(
        "step 1", Duration.ofSeconds(90), flowNames, FlowAssertions::readyForGeneration, "Ready");
    out.printf("all %d flows Ready after %.1fs%n", flowNames.size(), seconds(t));
    if (!external) {
      letRunsHappen();
    }
    out.println();
    printTable();
    if (!external) {
      out.println();
      printLandedData();
    }
    out.println();
    out.printf("status of %s:%n", CHANGED_FLOW);
    out.println(indent(statusYaml(flow(CHANGED_FLOW)), "  "));
  }

  /** The existing-target sample needs a schema and a dataset that exist: make them first. */
  private void fillExistingTarget(StripeIngestionFlow flow) {
    var target = flow.getSpec().getTarget();
    boolean schemaPlaceholder =
        target.getSchema() != null
            && target.getSchema().getId() != null
            && target.getSchema().getId().contains(PLACEHOLDER);
    boolean datasetPlaceholder =
        target.getDataset() != null
            && target.getDataset().getId() != null
            && target.getDataset().getId().contains(PLACEHOLDER);
    if (!schemaPlaceholder && !datasetPlaceholder) {
      return;
    }
    try {
      createExistingTarget(flow);
    } catch (PlatformException e) {
      throw new DemoFailure(
          "step 1 could not create the existing schema and dataset that "
              + flow.getMetadata().getName()
              + " refers to: "
              + e.getMessage());
    }
  }

  private void createExistingTarget(StripeIngestionFlow flow) {
    var target = flow.getSpec().getTarget();
    PlatformSession session = session(flow.getSpec().getPlatform().getSandbox());
    String title = "Stripe charges (existing, made by the demo " + started.getEpochSecond() + ")";
    Schema schema = Flows.existingChargesSchema(session, title);
    String datasetId =
        session
            .catalog()
            .createDataset(
                new DatasetRequest(
                    title, "Existing dataset", SchemaRef.forDataset(schema.id()), Map.of()));
    target.getSchema().setId(schema.id());
    target.getDataset().setId(datasetId);
    out.printf(
        "(%s refers to an existing schema and dataset: created them first: schema %s, dataset %s)%n",
        flow.getMetadata().getName(), schema.id(), datasetId);
  }

  /** Moves the simulator's clock past the flows' start times and speeds it up, so runs complete. */
  private void letRunsHappen() {
    Instant latestStart = Instant.EPOCH;
    for (String name : flowNames) {
      String start = flow(name).getSpec().getSchedule().getStartTime();
      if (start != null) {
        Instant s = Instant.parse(start);
        latestStart = s.isAfter(latestStart) ? s : latestStart;
      }
    }
    Instant now = simulator.clock().now();
    Instant target = latestStart.plus(Duration.ofMinutes(20));
    if (target.isAfter(now)) {
      simulator.clock().advance(Duration.between(now, target));
    }
    simulator.clock().speed(60);
    out.printf(
        "simulator clock moved to %s and sped up 60x, so the scheduled runs happen now%n",
        simulator.clock().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    Instant t = Instant.now();
    awaitFlows(
        "step 1 (first runs)",
        Duration.ofSeconds(60),
        flowNames,
        withStatus(s -> s.getLastRun() != null && terminal(s.getLastRun().getStatus())),
        "a finished last run");
    out.printf("every flow has a finished run after %.1fs%n", seconds(t));
  }

  /** A flow that has a status, and whose status passes {@code test}. */
  private static Predicate<StripeIngestionFlow> withStatus(
      Predicate<StripeIngestionFlowStatus> test) {
    return f -> f.getStatus() != null && test.test(f.getStatus());
  }

  private static boolean terminal(String runStatus) {
    return runStatus != null
        && List.of("success", "failed", "partialsuccess", "partial_success", "completed")
            .contains(runStatus.toLowerCase(Locale.ROOT));
  }

  // ---------------------------------------------------------------- step 2

  private void changeScheduleAndMapping() {
    section(
        "2. Change the schedule (every 30 min, was 15) and mapping (+receipt_email) of "
            + CHANGED_FLOW);
    long mark = platform.mark();
    StripeIngestionFlow before = flow(CHANGED_FLOW);
    long oldGeneration = before.getMetadata().getGeneration();
    StripeIngestionFlow edited =
        flows()
            .withName(CHANGED_FLOW)
            .edit(
                f -> {
                  f.getSpec().getSchedule().setInterval(30);
                  List<MappingSpec> mapping = new ArrayList<>(f.getSpec().getMapping());
                  mapping.add(new MappingSpec("data.receipt_email", "_tenant.stripe.receiptEmail"));
                  f.getSpec().setMapping(mapping);
                  return f;
                });
    long generation = edited.getMetadata().getGeneration();
    out.printf("kubectl edit: metadata.generation %d -> %d%n", oldGeneration, generation);
    Instant t = Instant.now();
    awaitFlows(
        "step 2",
        Duration.ofSeconds(45),
        List.of(CHANGED_FLOW),
        f ->
            FlowAssertions.readyForGeneration(f)
                && Objects.equals(
                    f.getStatus().getObservedGeneration(), f.getMetadata().getGeneration()),
        "observedGeneration " + generation + " and Ready");
    out.printf(
        "status.observedGeneration caught up to %d after %.1fs; what the operator sent:%n",
        generation, seconds(t));
    printChanges(platform.since(mark));
  }

  // ---------------------------------------------------------------- step 3

  private void rotateStripeToken() {
    section(
        "3. Rotate the Stripe access token (Secret " + NAMESPACE + "/" + stripeSecretName + ")");
    long mark = platform.mark();
    String token = "sk_test_rotated_" + Instant.now().toEpochMilli();
    Secret rotated =
        cluster
            .client()
            .secrets()
            .inNamespace(NAMESPACE)
            .withName(stripeSecretName)
            .edit(
                s -> {
                  Map<String, String> data =
                      new LinkedHashMap<>(s.getData() == null ? Map.of() : s.getData());
                  data.put(
                      "accessToken",
                      Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
                  s.setData(data);
                  s.setStringData(null);
                  return s;
                });
    String version = rotated.getMetadata().getResourceVersion();
    List<String> users =
        flowNames.stream()
            .filter(n -> !n.equals(DELETED_FLOW) || flow(n) != null)
            .filter(n -> usesStripeSecret(flow(n)))
            .toList();
    out.printf("Secret updated (resourceVersion %s); %d flows use it%n", version, users.size());
    Instant t = Instant.now();
    awaitFlows(
        "step 3",
        Duration.ofSeconds(45),
        users,
        withStatus(
                s ->
                    s.getBaseConnection() != null
                        && version.equals(s.getBaseConnection().getCredentialsVersion()))
            .and(FlowAssertions::readyForGeneration),
        "status.baseConnection.credentialsVersion " + version);
    out.printf(
        "every base connection carries the new key after %.1fs; what the operator sent:%n",
        seconds(t));
    printChanges(platform.since(mark));
  }

  private boolean usesStripeSecret(StripeIngestionFlow f) {
    return f.getSpec().getStripe().getAccessTokenSecretRef() != null
        && stripeSecretName.equals(f.getSpec().getStripe().getAccessTokenSecretRef().getName());
  }

  // ---------------------------------------------------------------- step 4

  private void recreateDeletedDataflow() {
    section(
        "4. Delete the dataflow of "
            + CHANGED_FLOW
            + " behind the operator's back (simulator admin)");
    String oldId = flow(CHANGED_FLOW).getStatus().getFlow().getId();
    long mark = platform.mark();
    simulator.faults().deleteBehindBack(Kind.FLOW, oldId);
    out.printf(
        "simulator: flow %s deleted out of band (as a click in the Platform UI would)%n", oldId);
    Instant t = Instant.now();
    StripeIngestionFlow recreated =
        awaitFlows(
                "step 4",
                Duration.ofSeconds(45),
                List.of(CHANGED_FLOW),
                withStatus(
                        s ->
                            s.getFlow() != null
                                && s.getFlow().getId() != null
                                && !oldId.equals(s.getFlow().getId()))
                    .and(FlowAssertions::readyForGeneration),
                "a new dataflow id and Ready")
            .get(0);
    out.printf(
        "drift check noticed after %.1fs and recreated it as %s; what the operator sent:%n",
        seconds(t), recreated.getStatus().getFlow().getId());
    printChanges(platform.since(mark));
  }

  // ---------------------------------------------------------------- step 5

  private void adoptHandMadeDataflow() {
    section(
        "5. Bring a dataflow built by hand under GitOps: export it, look first (ObserveOnly), then Full");
    String sandbox = flow(CHANGED_FLOW).getSpec().getPlatform().getSandbox();
    HandMadeFlow made =
        HandMadeFlow.build(
            session(sandbox),
            "Finance",
            simulator
                .clock()
                .now()
                .plus(Duration.ofDays(1))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS));
    out.printf(
        "built through the API as Adobe's tutorial does: dataflow %s \"Stripe Connector Flow\" with its"
            + " connections, schema, dataset and mapping set%n",
        made.flowId());
    ByteArrayOutputStream exported = new ByteArrayOutputStream();
    ByteArrayOutputStream notes = new ByteArrayOutputStream();
    int exit =
        ExportCommand.export(
            http,
            account(),
            new ExportCommand.Arguments(sandbox, List.of(made.flowId()), false, platformSecretName),
            new PrintStream(exported, true, StandardCharsets.UTF_8),
            new PrintStream(notes, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new DemoFailure(
          "step 5: export failed: " + notes.toString(StandardCharsets.UTF_8).trim());
    }
    String yaml = exported.toString(StandardCharsets.UTF_8);
    out.println(
        "java -jar operator.jar export --sandbox " + sandbox + " --flow-id " + made.flowId() + ":");
    yaml.lines().forEach(line -> out.println("  " + line));
    StripeIngestionFlow manifest =
        cluster.client().getKubernetesSerialization().unmarshal(yaml, StripeIngestionFlow.class);
    String name = manifest.getMetadata().getName();
    manifest.getMetadata().setNamespace(NAMESPACE);
    manifest.getSpec().setManagementPolicy(ManagementPolicy.OBSERVE_ONLY);
    manifest.getSpec().getSchedule().setInterval(4);
    long mark = platform.mark();
    cluster.client().resource(manifest).create();
    out.printf(
        "kubectl apply (with managementPolicy: ObserveOnly, and schedule.interval 4 instead of 2)%n");
    StripeIngestionFlow observed =
        awaitFlows(
                "step 5",
                Duration.ofSeconds(45),
                List.of(name),
                withStatus(s -> Integer.valueOf(1).equals(s.getPendingChanges()))
                    .and(f -> FlowAssertions.hasReason(f, "Synced", "DriftObserved")),
                "a plan of one change")
            .get(0);
    out.printf(
        "%s adopted: status.flow.id %s, Synced=False DriftObserved, %d pending change(s):%n",
        name, observed.getStatus().getFlow().getId(), observed.getStatus().getPendingChanges());
    observed
        .getStatus()
        .getPlan()
        .forEach(
            c ->
                out.printf(
                    "  plan: %s %s %s %s (%s)%n",
                    c.getOperation(), c.getObject(), c.getId(), c.getPaths(), c.getReason()));
    out.println("what the operator sent while observing:");
    printChanges(platform.since(mark));
    long full = platform.mark();
    StripeIngestionFlow edited =
        flows()
            .withName(name)
            .edit(
                f -> {
                  f.getSpec().setManagementPolicy(ManagementPolicy.FULL);
                  return f;
                });
    awaitFlows(
        "step 5",
        Duration.ofSeconds(45),
        List.of(name),
        f ->
            FlowAssertions.readyForGeneration(f)
                && Objects.equals(
                    f.getMetadata().getGeneration(), edited.getMetadata().getGeneration())
                && Integer.valueOf(0).equals(f.getStatus().getPendingChanges()),
        "Ready with an empty plan");
    out.println("managementPolicy: Full; exactly the planned write:");
    printChanges(platform.since(full));
  }

  private void deleteFlow() {
    section("6. Delete " + DELETED_FLOW + " (deletionPolicy Delete)");
    StripeIngestionFlow doomed = flow(DELETED_FLOW);
    StripeIngestionFlowStatus s = doomed.getStatus();
    long mark = platform.mark();
    cluster.client().resource(doomed).delete();
    out.println("kubectl delete sif " + DELETED_FLOW);
    Instant t = Instant.now();
    Instant deadline = t.plus(Duration.ofSeconds(45));
    while (flow(DELETED_FLOW) != null) {
      if (Instant.now().isAfter(deadline)) {
        throw new DemoFailure(
            "step 6 did not converge within 45s: "
                + NAMESPACE
                + "/"
                + DELETED_FLOW
                + " is stuck in deletion; "
                + conditions(flow(DELETED_FLOW)));
      }
      sleep();
    }
    out.printf(
        "finalizer removed and the resource gone after %.1fs; remote objects removed in this order:%n",
        seconds(t));
    printChanges(platform.since(mark));
    out.printf(
        "kept (spec.target.deleteManagedOnDelete is false, they hold customer data): dataset %s, schema %s%n",
        s.getDataset() == null ? "-" : s.getDataset().getId(),
        s.getSchema() == null ? "-" : s.getSchema().getId());
    flowNames.remove(DELETED_FLOW);
  }

  // ---------------------------------------------------------------- step 6

  private void summary() {
    section("7. What is on the Platform now, and how many calls it took");
    printTable();
    out.println();
    if (!external) {
      out.println("simulator inventory:");
      for (Kind kind : Kind.values()) {
        if (kind.isObject()) {
          List<ObjectNode> objects = simulator.inventory().list(kind);
          out.printf(
              "  %-18s %3d%s%n",
              kind.value(), objects.size(), kind == Kind.RUN ? "" : "  " + names(objects));
        }
      }
      out.println();
      out.println("Platform calls by kind (as the simulator answered them):");
      Map<Kind, Map<String, Long>> byKind = new TreeMap<>();
      for (RequestLog.Entry e : simulator.requestLog().entries()) {
        byKind.computeIfAbsent(e.kind(), k -> new TreeMap<>()).merge(e.method(), 1L, Long::sum);
      }
      long total = 0;
      for (var entry : byKind.entrySet()) {
        long sum = entry.getValue().values().stream().mapToLong(Long::longValue).sum();
        total += sum;
        out.printf(
            "  %-18s %5d  %s%n",
            entry.getKey().value(),
            sum,
            entry.getValue().entrySet().stream()
                .map(m -> m.getKey() + " " + m.getValue())
                .collect(Collectors.joining(", ")));
      }
      out.printf("  %-18s %5d%n", "total", total);
    } else {
      out.println("Platform calls by operation (from the client's aep_platform_requests metric):");
      Map<String, Long> byOperation = new TreeMap<>();
      for (Timer timer : registry.find("aep.platform.requests").timers()) {
        String key =
            timer.getId().getTag("service")
                + " "
                + timer.getId().getTag("method")
                + " "
                + timer.getId().getTag("operation");
        byOperation.merge(key, timer.count(), Long::sum);
      }
      byOperation.forEach((k, v) -> out.printf("  %-50s %5d%n", k, v));
    }
  }

  private static String names(List<ObjectNode> objects) {
    List<String> names = new ArrayList<>();
    for (ObjectNode o : objects) {
      String name =
          o.hasNonNull("name")
              ? o.get("name").asText()
              : o.hasNonNull("title") ? o.get("title").asText() : null;
      if (name != null) {
        names.add(name);
      }
    }
    String joined = String.join(", ", names);
    return joined.length() > 100 ? joined.substring(0, 97) + "..." : joined;
  }

  // ---------------------------------------------------------------- helpers

  private void section(String title) {
    out.println();
    out.println("--- " + title + " " + "-".repeat(Math.max(3, 100 - title.length())));
  }

  private void printChanges(List<RecordingPlatform.Change> changes) {
    if (changes.isEmpty()) {
      out.println("  (no change sent to the Platform)");
    }
    int n = 1;
    for (RecordingPlatform.Change c : changes) {
      out.printf("  %2d. %s%n", n++, c);
      for (String line : c.lines()) {
        out.println("        " + line);
      }
    }
  }

  private void printTable() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "RESOURCE", "READY", "FLOW ID", "SCHEDULE", "LAST RUN"});
    List<StripeIngestionFlow> all = new ArrayList<>(flows().list().getItems());
    all.sort(java.util.Comparator.comparing(f -> f.getMetadata().getName()));
    for (StripeIngestionFlow f : all) {
      var spec = f.getSpec();
      var schedule = spec.getSchedule();
      String scheduleText =
          schedule == null
              ? "-"
              : schedule.getFrequency().value()
                  + (schedule.getInterval() == null ? "" : "/" + schedule.getInterval());
      StripeIngestionFlowStatus s = f.getStatus();
      String ready = FlowAssertions.condition(f, "Ready").map(Condition::getStatus).orElse("-");
      String flowId =
          s == null || s.getFlow() == null || s.getFlow().getId() == null
              ? "-"
              : s.getFlow().getId();
      rows.add(
          new String[] {
            f.getMetadata().getName(),
            spec.getResourcePath().value(),
            ready,
            flowId,
            scheduleText,
            lastRun(s)
          });
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(
            i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 3) + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /**
   * What landed, per flow: records written and failed by the last run, and which mapped
   * destinations hold a value in the rows the simulator's dataset received (names only, never the
   * values: they are customer data).
   */
  private void printLandedData() {
    out.println("what landed in each dataset (the simulator's written rows), per flow:");
    List<StripeIngestionFlow> all = new ArrayList<>(flows().list().getItems());
    all.sort(java.util.Comparator.comparing(f -> f.getMetadata().getName()));
    for (StripeIngestionFlow f : all) {
      StripeIngestionFlowStatus s = f.getStatus();
      RunStatus run = s == null ? null : s.getLastRun();
      if (run == null || s.getDataset() == null || s.getMapping() == null) {
        continue;
      }
      List<ObjectNode> rows = simulator.datasetRows(s.getDataset().getId());
      List<String> destinations = new ArrayList<>();
      f.getSpec()
          .getMapping()
          .forEach(
              m ->
                  destinations.add(
                      m.getDestination()
                          .replaceFirst("^_tenant(?=\\.|$)", s.getMapping().getTenantNamespace())));
      s.getMapping()
          .getDefaultsAdded()
          .forEach(d -> destinations.add(d.substring(0, d.indexOf(" <- "))));
      List<String> filled =
          destinations.stream()
              .filter(
                  d ->
                      rows.stream()
                          .anyMatch(
                              r -> {
                                JsonNode v = r.at("/" + d.replace('.', '/'));
                                return !v.isMissingNode() && !v.isNull();
                              }))
              .toList();
      out.printf(
          "  %-31s %s written, %s failed; %d of %d destinations filled: %s%n",
          f.getMetadata().getName(),
          run.getRecordsWritten(),
          run.getRecordsFailed(),
          filled.size(),
          destinations.size(),
          String.join(", ", filled));
    }
  }

  private static String lastRun(StripeIngestionFlowStatus s) {
    RunStatus run = s == null ? null : s.getLastRun();
    if (run == null || run.getStatus() == null) {
      return "-";
    }
    boolean finished = terminal(run.getStatus());
    return run.getStatus()
        + (finished && run.getRecordsWritten() != null
            ? " (" + run.getRecordsWritten() + " written, " + run.getRecordsFailed() + " failed)"
            : "");
  }

  private String statusYaml(StripeIngestionFlow f) {
    JsonNode status =
        cluster.client().getKubernetesSerialization().convertValue(f.getStatus(), JsonNode.class);
    // The explored field list is long: print it as one flow-style line instead of a block list,
    // still the real values.
    String placeholder = "explored-fields-placeholder";
    String fieldsLine = null;
    if (status instanceof ObjectNode o && o.path("source").path("fields").isArray()) {
      List<String> fields = new ArrayList<>();
      o.path("source").path("fields").forEach(n -> fields.add(n.asText()));
      fieldsLine = "[" + String.join(", ", fields) + "]";
      ((ObjectNode) o.get("source")).put("fields", placeholder);
    }
    try {
      String yaml =
          new YAMLMapper()
              .disable(
                  com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature
                      .WRITE_DOC_START_MARKER)
              .writeValueAsString(status)
              .stripTrailing();
      return fieldsLine == null ? yaml : yaml.replace("\"" + placeholder + "\"", fieldsLine);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String indent(String text, String prefix) {
    return text.lines().map(l -> prefix + l).collect(Collectors.joining(System.lineSeparator()));
  }

  /** Polls until every named flow satisfies {@code done}; a DemoFailure names the stuck ones. */
  private List<StripeIngestionFlow> awaitFlows(
      String step,
      Duration timeout,
      List<String> names,
      Predicate<StripeIngestionFlow> done,
      String goal) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<StripeIngestionFlow> current = names.stream().map(this::flow).toList();
      List<String> stuck = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        StripeIngestionFlow f = current.get(i);
        if (f == null || !done.test(f)) {
          stuck.add(
              NAMESPACE + "/" + names.get(i) + ": " + (f == null ? "missing" : conditions(f)));
        }
      }
      if (stuck.isEmpty()) {
        return current;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new DemoFailure(
            step
                + " did not converge within "
                + timeout.toSeconds()
                + "s waiting for "
                + goal
                + ". Stuck:"
                + System.lineSeparator()
                + "  "
                + String.join(System.lineSeparator() + "  ", stuck));
      }
      sleep();
    }
  }

  private static String conditions(StripeIngestionFlow f) {
    if (f == null) {
      return "gone";
    }
    if (f.getStatus() == null
        || f.getStatus().getConditions() == null
        || f.getStatus().getConditions().isEmpty()) {
      return "no conditions yet";
    }
    List<String> parts = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (Condition c : f.getStatus().getConditions()) {
      String text = c.getType() + "=" + c.getStatus() + " " + c.getReason();
      // Ready and Synced often carry the same message: say it once.
      if (c.getMessage() != null
          && !c.getMessage().isBlank()
          && !messages.contains(c.getMessage())) {
        messages.add(c.getMessage());
        text += ": " + c.getMessage();
      }
      parts.add(text);
    }
    return String.join("; ", parts);
  }

  private PlatformSession session(String sandbox) {
    return http.session(account(), sandbox);
  }

  /** The Platform credentials of the samples' credentials Secret. */
  private PlatformAccount account() {
    Secret secret =
        cluster.client().secrets().inNamespace(NAMESPACE).withName(platformSecretName).get();
    Map<String, String> values = new HashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      values.putAll(secret.getStringData());
    }
    return PlatformAccount.of(
        values.get("clientId"), values.get("clientSecret"), values.get("orgId"));
  }

  private StripeIngestionFlow flow(String name) {
    return flows().withName(name).get();
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          StripeIngestionFlow,
          io.fabric8.kubernetes.api.model.KubernetesResourceList<StripeIngestionFlow>,
          io.fabric8.kubernetes.client.dsl.Resource<StripeIngestionFlow>>
      flows() {
    return cluster.client().resources(StripeIngestionFlow.class).inNamespace(NAMESPACE);
  }

  private List<HasMetadata> load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<HasMetadata> items = new ArrayList<>();
      for (HasMetadata item : cluster.client().load(in).items()) {
        if (item instanceof GenericKubernetesResource generic
            && generic.getKind().equals("StripeIngestionFlow")) {
          item =
              cluster
                  .client()
                  .getKubernetesSerialization()
                  .convertValue(generic, StripeIngestionFlow.class);
        }
        items.add(item);
      }
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files samples/kustomization.yaml lists, in its order (what `kubectl apply -k samples/`
   * applies).
   */
  private static List<String> kustomizationResources(Path samples) {
    try {
      JsonNode k = new YAMLMapper().readTree(samples.resolve("kustomization.yaml").toFile());
      List<String> files = new ArrayList<>();
      k.path("resources").forEach(r -> files.add(r.asText()));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean present(Map<String, String> env, String name) {
    return env.get(name) != null && !env.get(name).isBlank();
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailure("interrupted");
    }
  }

  @Override
  public void close() {
    operator.stop();
    http.close();
    operatorClient.close();
    if (simulator != null) {
      simulator.close();
    }
    cluster.close();
  }
}

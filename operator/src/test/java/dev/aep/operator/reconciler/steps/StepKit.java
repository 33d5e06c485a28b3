package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SourceSchema;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.testing.FieldTable;
import dev.aep.operator.testing.RepoRoot;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the focused step tests share: the sample flow {@code samples/charges.yaml}, a {@link
 * FlowContext} over it without a Platform session, and an in-memory {@link RemoteObserver} that
 * counts its reads.
 */
final class StepKit {
  static final String UID = "0d7c4f0e-3c1b-4b8e-a1f2-5d9e8c7b6a54";
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final Credentials CREDENTIALS =
      new Credentials(
          PlatformAccount.of("c", "s", "ORG@AdobeOrg"),
          "sk_test_kit",
          "7",
          "ns/stripe (key accessToken)");

  /** The explored charges record, as far as the sample's mapping reads it. */
  static final SourceSchema CHARGES = charges();

  private StepKit() {}

  /** The sample, in namespace {@code ns} with {@link #UID}. */
  static StripeIngestionFlow sample() {
    StripeIngestionFlow flow =
        new KubernetesSerialization()
            .unmarshal(RepoRoot.read("samples/charges.yaml"), StripeIngestionFlow.class);
    flow.getMetadata().setNamespace("ns");
    flow.getMetadata().setUid(UID);
    return flow;
  }

  /**
   * A context for one pass over {@code flow} with {@code status}, reading through {@code observer}.
   */
  static FlowContext context(
      StripeIngestionFlow flow, StripeIngestionFlowStatus status, RemoteObserver observer) {
    return new FlowContext(
        flow,
        status,
        null,
        observer,
        CREDENTIALS,
        Clock.fixed(NOW, ZoneOffset.UTC),
        new PlatformFacts(),
        new FlowContext.Scratch());
  }

  /**
   * The sample's mapping plan for tenant {@code acme}, set on the context as the mapping step
   * would.
   */
  static MappingPlan plan(FlowContext ctx) {
    MappingPlan plan =
        MappingPlan.of(
            ctx.spec().getMapping(),
            List.of(),
            "acme",
            ctx.spec().getTarget().getSchema().getCreate().getClassId(),
            CHARGES,
            "charges");
    ctx.plan(plan);
    return plan;
  }

  private static SourceSchema charges() {
    return new SourceSchema(
        FieldTable.of(
            "data:object data.id:string data.amount:integer data.created:integer"
                + " data.currency:string data.status:string data.customer:string"
                + " data.description:string data.payment_method_details:object"
                + " data.payment_method_details.card:object"
                + " data.payment_method_details.card.brand:string"),
        List.of());
  }

  /** Remote objects held in lists; every read is counted in {@link #reads}. */
  static final class FakeObserver implements RemoteObserver {
    final List<BaseConnection> baseConnections = new ArrayList<>();
    final List<SourceConnection> sourceConnections = new ArrayList<>();
    final List<TargetConnection> targetConnections = new ArrayList<>();
    final List<Flow> flows = new ArrayList<>();
    final List<Schema> schemas = new ArrayList<>();
    final List<FieldGroup> fieldGroups = new ArrayList<>();
    final List<Dataset> datasets = new ArrayList<>();
    final List<MappingSet> mappingSets = new ArrayList<>();
    final List<FlowRun> runs = new ArrayList<>();
    final List<String> reads = new ArrayList<>();

    private final Map<RemoteKind<?, ?>, List<?>> objects =
        Map.of(
            BaseConnection.KIND, baseConnections,
            SourceConnection.KIND, sourceConnections,
            TargetConnection.KIND, targetConnections,
            Flow.KIND, flows,
            Schema.KIND, schemas,
            FieldGroup.KIND, fieldGroups,
            Dataset.KIND, datasets,
            MappingSet.KIND, mappingSets);

    @SuppressWarnings("unchecked") // objects pairs each kind with a list of its own type
    private <T extends RemoteObject> Stream<T> of(RemoteKind<T, ?> kind) {
      return ((List<T>) objects.get(kind)).stream();
    }

    /** "base connection" as "baseConnection". */
    private static String what(RemoteKind<?, ?> kind) {
      String[] words = kind.words().split(" ");
      return words.length == 1
          ? words[0]
          : words[0] + Character.toUpperCase(words[1].charAt(0)) + words[1].substring(1);
    }

    @Override
    public <T extends RemoteObject> Optional<T> get(RemoteKind<T, ?> kind, String id) {
      reads.add(what(kind) + " " + id);
      return of(kind).filter(t -> t.id().equals(id)).findFirst();
    }

    @Override
    public <T extends RemoteObject> List<T> named(RemoteKind<T, ?> kind, String name) {
      reads.add(what(kind) + " named " + name);
      return of(kind).filter(t -> name.equals(t.name())).toList();
    }

    @Override
    public Optional<MappingSet> mappingSet(String id, Long version) {
      reads.add("mappingSet " + id + " version " + version);
      return mappingSets.stream()
          .filter(m -> m.id().equals(id) && (version == null || m.version() == version))
          .findFirst();
    }

    @Override
    public List<FlowRun> latestRuns(String flowId, int limit) {
      reads.add("runs " + flowId);
      return runs.stream().filter(r -> r.flowId().equals(flowId)).limit(limit).toList();
    }
  }
}

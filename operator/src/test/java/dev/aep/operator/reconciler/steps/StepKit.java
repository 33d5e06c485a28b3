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
import java.util.Optional;
import java.util.function.Function;

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

    private <T> Optional<T> byId(String what, List<T> from, Function<T, String> id, String wanted) {
      reads.add(what + " " + wanted);
      return from.stream().filter(t -> id.apply(t).equals(wanted)).findFirst();
    }

    private <T> List<T> named(String what, List<T> from, Function<T, String> name, String wanted) {
      reads.add(what + " named " + wanted);
      return from.stream().filter(t -> wanted.equals(name.apply(t))).toList();
    }

    @Override
    public Optional<BaseConnection> baseConnection(String id) {
      return byId("baseConnection", baseConnections, BaseConnection::id, id);
    }

    @Override
    public List<BaseConnection> baseConnectionsNamed(String name) {
      return named("baseConnection", baseConnections, BaseConnection::name, name);
    }

    @Override
    public Optional<SourceConnection> sourceConnection(String id) {
      return byId("sourceConnection", sourceConnections, SourceConnection::id, id);
    }

    @Override
    public List<SourceConnection> sourceConnectionsNamed(String name) {
      return named("sourceConnection", sourceConnections, SourceConnection::name, name);
    }

    @Override
    public Optional<TargetConnection> targetConnection(String id) {
      return byId("targetConnection", targetConnections, TargetConnection::id, id);
    }

    @Override
    public List<TargetConnection> targetConnectionsNamed(String name) {
      return named("targetConnection", targetConnections, TargetConnection::name, name);
    }

    @Override
    public Optional<Flow> flow(String id) {
      return byId("flow", flows, Flow::id, id);
    }

    @Override
    public List<Flow> flowsNamed(String name) {
      return named("flow", flows, Flow::name, name);
    }

    @Override
    public Optional<Schema> schema(String id) {
      return byId("schema", schemas, Schema::id, id);
    }

    @Override
    public Optional<Schema> schemaTitled(String title) {
      return named("schema", schemas, Schema::title, title).stream().findFirst();
    }

    @Override
    public Optional<FieldGroup> fieldGroupTitled(String title) {
      return named("fieldGroup", fieldGroups, FieldGroup::title, title).stream().findFirst();
    }

    @Override
    public Optional<Dataset> dataset(String id) {
      return byId("dataset", datasets, Dataset::id, id);
    }

    @Override
    public List<Dataset> datasetsNamed(String name) {
      return named("dataset", datasets, Dataset::name, name);
    }

    @Override
    public Optional<MappingSet> mappingSet(String id, Long version) {
      reads.add("mappingSet " + id + " version " + version);
      return mappingSets.stream()
          .filter(m -> m.id().equals(id) && (version == null || m.version() == version))
          .findFirst();
    }

    @Override
    public List<MappingSet> mappingSetsNamed(String name) {
      return named("mappingSet", mappingSets, MappingSet::name, name);
    }

    @Override
    public List<FlowRun> latestRuns(String flowId, int limit) {
      reads.add("runs " + flowId);
      return runs.stream().filter(r -> r.flowId().equals(flowId)).limit(limit).toList();
    }
  }
}

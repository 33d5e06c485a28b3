package dev.aep.operator.main;

import dev.aep.operator.api.v1alpha1.AdoptSpec;
import dev.aep.operator.api.v1alpha1.DatasetTarget;
import dev.aep.operator.api.v1alpha1.FlowState;
import dev.aep.operator.api.v1alpha1.Frequency;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.PlatformSpec;
import dev.aep.operator.api.v1alpha1.ResourcePath;
import dev.aep.operator.api.v1alpha1.ScheduleSpec;
import dev.aep.operator.api.v1alpha1.SchemaTarget;
import dev.aep.operator.api.v1alpha1.SecretReference;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowSpec;
import dev.aep.operator.api.v1alpha1.StripeSpec;
import dev.aep.operator.api.v1alpha1.TargetSpec;
import dev.aep.operator.api.v1alpha1.WireValue;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.Transformation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a StripeIngestionFlow manifest that adopts an existing Stripe dataflow: the ids it keeps
 * (dataflow, base connection, schema, dataset), its resource path, its mapping set version as
 * spec.mapping (the tenant namespace written as {@code _tenant}) and its schedule and state, so
 * that applying it changes nothing on the Platform. Credentials appear only as a Secret reference.
 */
final class FlowExporter {
  private final PlatformSession session;
  private final String credentialsSecret;

  /**
   * @param session the sandbox to read
   * @param credentialsSecret the name of the Secret the manifests reference for Platform
   *     credentials
   */
  FlowExporter(PlatformSession session, String credentialsSecret) {
    this.session = session;
    this.credentialsSecret = credentialsSecret;
  }

  /** Every Stripe dataflow of the sandbox, oldest first. */
  List<StripeIngestionFlow> exportAllStripe() {
    List<StripeIngestionFlow> manifests = new ArrayList<>();
    for (Flow flow :
        session
            .flowService()
            .flows()
            .list(ListQuery.where("flowSpec.id==" + SpecRef.STRIPE_FLOW.id()))) {
      manifests.add(manifest(flow));
    }
    return manifests;
  }

  /**
   * The dataflow with this id; IllegalArgumentException when it does not exist or is not Stripe's.
   */
  StripeIngestionFlow export(String flowId) {
    Flow flow =
        session
            .flowService()
            .flows()
            .get(flowId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "dataflow "
                            + flowId
                            + " does not exist in sandbox "
                            + session.scope().sandbox()));
    if (flow.flowSpec() != null && !SpecRef.STRIPE_FLOW.id().equals(flow.flowSpec().id())) {
      throw new IllegalArgumentException("dataflow " + flowId + " is not a Stripe dataflow");
    }
    return manifest(flow);
  }

  /** The first connection of the dataflow on one side; it must exist. */
  private static <T> T linked(
      RemoteCollection<T, ?> connections, List<String> ids, String side, Flow flow) {
    return connections
        .get(ids.get(0))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the " + side + " connection of dataflow " + flow.id() + " does not exist"));
  }

  private StripeIngestionFlow manifest(Flow flow) {
    SourceConnection source =
        linked(
            session.flowService().sourceConnections(), flow.sourceConnectionIds(), "source", flow);
    TargetConnection target =
        linked(
            session.flowService().targetConnections(), flow.targetConnectionIds(), "target", flow);
    StripeIngestionFlowSpec spec = new StripeIngestionFlowSpec();
    spec.setAdopt(new AdoptSpec(flow.id()));
    spec.setPlatform(
        new PlatformSpec(session.scope().sandbox(), new SecretReference(credentialsSecret)));
    StripeSpec stripe = new StripeSpec();
    stripe.setBaseConnectionId(source.baseConnectionId());
    spec.setStripe(stripe);
    spec.setResourcePath(WireValue.parse(ResourcePath.class, source.resourcePath()));
    TargetSpec targetSpec = new TargetSpec();
    SchemaTarget schema = new SchemaTarget();
    schema.setId(target.schemaId());
    targetSpec.setSchema(schema);
    DatasetTarget dataset = new DatasetTarget();
    dataset.setId(target.dataSetId());
    targetSpec.setDataset(dataset);
    spec.setTarget(targetSpec);
    spec.setMapping(mappings(flow));
    spec.setSchedule(schedule(flow.scheduleParams()));
    spec.setState(flow.isEnabled() ? FlowState.ENABLED : FlowState.DISABLED);
    spec.setManagementPolicy(null);
    StripeIngestionFlow manifest = new StripeIngestionFlow();
    manifest.setMetadata(new ObjectMetaBuilder().withName(name(flow)).build());
    manifest.setSpec(spec);
    return manifest;
  }

  /** The mapping set version the dataflow uses, with the tenant namespace as {@code _tenant}. */
  private List<MappingSpec> mappings(Flow flow) {
    Transformation transformation =
        flow.mapping()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "dataflow " + flow.id() + " has no Mapping transformation"));
    int version = transformation.mappingVersion() == null ? 0 : transformation.mappingVersion();
    MappingSet set =
        session
            .dataPrep()
            .getMappingSet(transformation.mappingId(), version)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "mapping set "
                            + transformation.mappingId()
                            + " version "
                            + version
                            + " of dataflow "
                            + flow.id()
                            + " does not exist"));
    String tenant = "_" + session.schemaRegistry().tenantId();
    List<MappingSpec> specs = new ArrayList<>();
    for (Mapping m : set.mappings()) {
      String destination =
          m.destination().startsWith(tenant + ".")
              ? "_tenant" + m.destination().substring(tenant.length())
              : m.destination();
      boolean expression =
          m.sourceType() != null
              && m.sourceType().toUpperCase(Locale.ROOT).equals(Mapping.EXPRESSION);
      specs.add(
          expression
              ? MappingSpec.expression(m.source(), destination, null)
              : new MappingSpec(m.source(), destination));
    }
    return specs;
  }

  private static ScheduleSpec schedule(ScheduleParams params) {
    Frequency frequency = WireValue.parse(Frequency.class, params.frequency());
    String start =
        params.startTime() == null ? null : Instant.ofEpochSecond(params.startTime()).toString();
    return new ScheduleSpec(
        frequency,
        frequency == Frequency.ONCE ? null : params.interval(),
        start,
        params.backfill());
  }

  /** A DNS-1123 name from the dataflow's name, made unique by the start of its id. */
  static String name(Flow flow) {
    String slug =
        flow.name() == null
            ? ""
            : flow.name()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    String suffix = flow.id().replaceAll("[^a-zA-Z0-9]", "").toLowerCase(Locale.ROOT);
    suffix = suffix.substring(0, Math.min(8, suffix.length()));
    String base = slug.isEmpty() ? "stripe" : slug;
    base = base.length() > 54 ? base.substring(0, 54).replaceAll("-+$", "") : base;
    return base + "-" + suffix;
  }
}

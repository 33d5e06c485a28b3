package dev.aep.operator.testing;

import dev.aep.operator.api.v1alpha1.AdoptSpec;
import dev.aep.operator.api.v1alpha1.DatasetTarget;
import dev.aep.operator.api.v1alpha1.Frequency;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.SchemaTarget;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.SourceConnectionRequest;
import dev.aep.operator.platform.TargetConnectionRequest;
import dev.aep.operator.platform.Transformation;
import dev.aep.operator.reconciler.steps.MappingPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Stripe charges dataflow built through the Platform API the way Adobe's tutorial builds it, with
 * names and descriptions the operator did not choose: what a team has before GitOps.
 *
 * @param startTime the schedule's start, epoch seconds
 */
public record HandMadeFlow(
    String baseId,
    String sourceId,
    Schema schema,
    String datasetId,
    String targetId,
    MappingSetVersion mapping,
    String flowId,
    long startTime) {

  /** Builds the chain, every two hours from {@code start}, named as {@code title} says. */
  public static HandMadeFlow build(PlatformSession session, String title, Instant start) {
    var fs = session.flowService();
    String tenant = "_" + session.schemaRegistry().tenantId();
    EntityRef base =
        fs.baseConnections()
            .create(
                BaseConnectionRequest.stripe(
                    "Stripe account (" + title + ")", "made in the UI", "sk_test_by_hand"));
    EntityRef source =
        fs.sourceConnections()
            .create(
                SourceConnectionRequest.stripe(
                    "Stripe charges source", "made in the UI", base.id(), "charges"));
    Schema schema = Flows.existingChargesSchema(session, title + " charges");
    String datasetId =
        session
            .catalog()
            .createDataset(
                new DatasetRequest(
                    title + " charges",
                    "made in the UI",
                    SchemaRef.forDataset(schema.id()),
                    Map.of()));
    EntityRef target =
        fs.targetConnections()
            .create(
                TargetConnectionRequest.dataLake(
                    "Stripe charges target",
                    "made in the UI",
                    schema.id(),
                    schema.version(),
                    datasetId));
    MappingSetVersion mapping =
        session
            .dataPrep()
            .createMappingSet(
                new MappingSetRequest(
                    "Stripe charges mapping",
                    SchemaRef.forMapping(schema.id()),
                    List.of(
                        Mapping.attribute("data.id", tenant + ".stripe.chargeId"),
                        Mapping.attribute("data.amount", tenant + ".stripe.amount"),
                        Mapping.attribute("data.currency", tenant + ".stripe.currency"),
                        // The timestamp a user writes by hand is the one the operator would add for
                        // the class.
                        Mapping.attribute("data.id", "_id"),
                        Mapping.expression(MappingPlan.TIMESTAMP_FROM_CREATED, "timestamp"))));
    EntityRef flow =
        fs.flows()
            .create(
                FlowRequest.stripe(
                    "Stripe Connector Flow",
                    "made in the UI",
                    source.id(),
                    target.id(),
                    Transformation.mapping(mapping.id(), mapping.version()),
                    new ScheduleParams("hour", 2, start.getEpochSecond(), null)));
    return new HandMadeFlow(
        base.id(),
        source.id(),
        schema,
        datasetId,
        target.id(),
        mapping,
        flow.id(),
        start.getEpochSecond());
  }

  /** The manifest `export` writes for this flow, from the charges sample's platform and Secrets. */
  public StripeIngestionFlow manifest(FlowStack stack, String namespace, String name) {
    StripeIngestionFlow flow = stack.charges(namespace, name);
    flow.getSpec().setAdopt(new AdoptSpec(flowId));
    flow.getSpec().getStripe().setAccessTokenSecretRef(null);
    flow.getSpec().getStripe().setBaseConnectionId(baseId);
    SchemaTarget schemaTarget = new SchemaTarget();
    schemaTarget.setId(schema.id());
    flow.getSpec().getTarget().setSchema(schemaTarget);
    DatasetTarget dataset = new DatasetTarget();
    dataset.setId(datasetId);
    flow.getSpec().getTarget().setDataset(dataset);
    flow.getSpec()
        .setMapping(
            new ArrayList<>(
                List.of(
                    new MappingSpec("data.id", "_tenant.stripe.chargeId"),
                    new MappingSpec("data.amount", "_tenant.stripe.amount"),
                    new MappingSpec("data.currency", "_tenant.stripe.currency"),
                    new MappingSpec("data.id", "_id"),
                    MappingSpec.expression(
                        MappingPlan.TIMESTAMP_FROM_CREATED, "timestamp", null))));
    flow.getSpec().getSchedule().setFrequency(Frequency.HOUR);
    flow.getSpec().getSchedule().setInterval(2);
    flow.getSpec().getSchedule().setStartTime(Instant.ofEpochSecond(startTime).toString());
    flow.getSpec().getSchedule().setBackfill(null);
    return flow;
  }
}

package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.MappingStatus;
import dev.aep.operator.api.v1alpha1.SchemaCreateSpec;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SourceSchema;
import java.util.List;
import java.util.Optional;

/**
 * Turns spec.mapping into the {@link MappingPlan} the later steps build from: reads the org's
 * tenant id (cached), checks every source against the explored record and adds the class's required
 * fields. Runs after explore and before the first object that depends on the mapping, so a wrong
 * source fails before the field group, schema or mapping set is written. Nothing remote is created:
 * the plan is recomputed on every pass from cached facts.
 */
public final class MappingCheckStep extends ObservingStep<MappingPlan> {
  public MappingCheckStep() {
    super("mapping", "mapping check", plan -> "mapping");
  }

  @Override
  public Optional<MappingPlan> observe(FlowContext ctx) {
    String tenantId = ctx.facts().tenantId(ctx.session());
    String path = ctx.spec().getResourcePath().value();
    SourceSchema source = ctx.source();
    SchemaCreateSpec create = ctx.spec().getTarget().getSchema().getCreate();
    String classId =
        create != null
            ? create.getClassId()
            : existingClass(ctx, ctx.spec().getTarget().getSchema().getId());
    return Optional.of(
        MappingPlan.of(
            ctx.spec().getMapping(),
            create == null ? List.of() : create.identitiesOrEmpty(),
            tenantId,
            classId,
            source,
            path));
  }

  /** The class of an existing schema; list summaries may omit it, so read the schema then. */
  private static String existingClass(FlowContext ctx, String schemaId) {
    Optional<Schema> seen = ctx.observer().get(Schema.KIND, schemaId);
    if (seen.isPresent() && seen.get().classId() != null) {
      return seen.get().classId();
    }
    return seen.isEmpty()
        ? null
        : ctx.session().schemaRegistry().getSchema(schemaId).map(Schema::classId).orElse(null);
  }

  @Override
  public void record(FlowContext ctx, MappingPlan plan) {
    ctx.plan(plan);
    MappingStatus status = ctx.mappingStatus();
    status.setTenantNamespace(plan.tenantNamespace());
    status.setDefaultsAdded(plan.defaultsAdded());
  }
}

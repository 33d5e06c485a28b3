package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.api.v1alpha1.SchemaCreateSpec;
import dev.aep.operator.api.v1alpha1.SchemaStatus;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaField;
import dev.aep.operator.platform.SchemaRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target XDM schema: created from {@code target.schema.create} (titles are unique in a sandbox,
 * so an existing schema with that title is adopted only when it carries this flow's uid) or an
 * existing one verified by {@code target.schema.id}. Schemas hold the shape of customer data:
 * cleanup keeps them unless {@code target.deleteManagedOnDelete} is set.
 */
public final class SchemaStep extends Step<Schema> {

  private final TitledCopy<Schema> titled =
      new TitledCopy<>(
          "schema",
          (ctx, title) -> ctx.observer().titled(Schema.KIND, title),
          (ctx, id) -> ctx.observer().get(Schema.KIND, id),
          Schema::id,
          Schema::description,
          "Schema titles are unique: choose another target.schema.create.title, or use the existing"
              + " schema with target.schema.id.");

  public SchemaStep() {
    super(StepTraits.object("schema", "schema", StepTraits.Cleanup.WITH_DATA), Schema::id);
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return FlowSteps.createsSchema(ctx);
  }

  @Override
  public String missingMessage(FlowContext ctx) {
    return FlowSteps.missing(
        ctx,
        "Schema",
        ctx.spec().getTarget().getSchema().getId(),
        "spec.target.schema.id",
        "Use the $id of an existing tenant schema or let the operator create one with"
            + " target.schema.create.");
  }

  @Override
  public Optional<Schema> observe(FlowContext ctx) {
    if (!managed(ctx)) {
      return ctx.observer().get(Schema.KIND, ctx.spec().getTarget().getSchema().getId());
    }
    String recorded = RemoteObjectStatus.managedIdOf(ctx.status().getSchema());
    Optional<Schema> found =
        recorded == null ? Optional.empty() : ctx.observer().get(Schema.KIND, recorded);
    return found.or(() -> titled.find(ctx, title(ctx)));
  }

  /** Both forms: an id must exist, and a title to create must not be taken by someone else. */
  @Override
  public boolean observedFirst(FlowContext ctx) {
    return true;
  }

  /**
   * allOf: the class, the field group made for the mapping (if any), then the user's field groups.
   */
  @Override
  public Schema create(FlowContext ctx) {
    SchemaCreateSpec spec = ctx.spec().getTarget().getSchema().getCreate();
    List<String> fieldGroups = new ArrayList<>();
    if (ctx.status().getFieldGroup() != null) {
      fieldGroups.add(ctx.status().getFieldGroup().getId());
    }
    if (spec.getFieldGroupIds() != null) {
      fieldGroups.addAll(spec.getFieldGroupIds());
    }
    return ctx.session()
        .schemaRegistry()
        .createSchema(
            new SchemaRequest(
                spec.getTitle(),
                ctx.remoteDescription(spec.getDescription()),
                spec.getClassId(),
                fieldGroups));
  }

  /**
   * Schema Registry has no If-Match and the schema is immutable for the flow (CEL rule): nothing is
   * patched back. An existing schema must have a field for every destination of the mapping, or
   * every row would lose those values: checked against its resolved fields.
   */
  @Override
  public Diff diff(FlowContext ctx, Schema remote) {
    if (managed(ctx)) {
      return Diff.none();
    }
    Map<String, SchemaField> fields =
        ctx.session().schemaRegistry().schemaFields(remote.id()).orElse(Map.of());
    List<String> missing =
        ctx.plan().destinations().stream().filter(d -> !fields.containsKey(d)).toList();
    if (missing.isEmpty()) {
      return Diff.none();
    }
    return Diff.rejected(
        "Schema "
            + remote.id()
            + " (spec.target.schema.id) has no field for "
            + String.join(", ", missing)
            + " of spec.mapping. Map only fields the schema has, add a field group with "
            + "them to the schema, or let the operator create a schema that fits the mapping with "
            + "target.schema.create.");
  }

  @Override
  public void record(FlowContext ctx, Schema remote) {
    SchemaStatus previous = ctx.status().getSchema();
    SchemaStatus status = new SchemaStatus(remote.id(), remote.version(), managed(ctx));
    if (previous != null && remote.id().equals(previous.getId())) {
      // The identity step owns this part; a new schema has none of the old descriptors.
      status.setIdentityDescriptors(previous.getIdentityDescriptors());
    }
    ctx.status().setSchema(status);
  }

  /** The recorded schema, else the flow's schema with its title; never one given by id. */
  @Override
  public List<String> owned(FlowContext ctx) {
    String recorded = RemoteObjectStatus.managedIdOf(ctx.status().getSchema());
    if (recorded != null) {
      return List.of(recorded);
    }
    return managed(ctx) ? titled.ownedId(ctx, title(ctx)).stream().toList() : List.of();
  }

  @Override
  public boolean delete(FlowContext ctx, String id) {
    return ctx.session().schemaRegistry().deleteSchema(id);
  }

  @Override
  public String describe(FlowContext ctx, Schema remote) {
    return FlowSteps.described("schema", FlowSteps.quoted(remote.title()), remote.id());
  }

  private static String title(FlowContext ctx) {
    return ctx.spec().getTarget().getSchema().getCreate().getTitle();
  }
}

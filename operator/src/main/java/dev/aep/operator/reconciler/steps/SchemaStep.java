package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.FlowConditions;
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
public final class SchemaStep implements Step<Schema> {

  @Override
  public String name() {
    return "schema";
  }

  @Override
  public String kind() {
    return "schema";
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return ctx.spec().getTarget().getSchema().getCreate() != null;
  }

  @Override
  public String missingMessage(FlowContext ctx) {
    return "Schema "
        + ctx.spec().getTarget().getSchema().getId()
        + " (spec.target.schema.id) "
        + "does not exist in sandbox "
        + ctx.sandbox()
        + ". Use the $id of an existing tenant "
        + "schema or let the operator create one with target.schema.create.";
  }

  @Override
  public Optional<Schema> observe(FlowContext ctx) {
    if (!managed(ctx)) {
      return ctx.observer().schema(ctx.spec().getTarget().getSchema().getId());
    }
    String recorded = recordedId(ctx);
    if (recorded != null) {
      Optional<Schema> found = ctx.observer().schema(recorded);
      if (found.isPresent()) {
        return found;
      }
    }
    String title = create(ctx.spec().getTarget().getSchema().getCreate()).title();
    Optional<Schema> titled = ctx.observer().schemaTitled(title);
    if (titled.isEmpty()) {
      return Optional.empty();
    }
    // Summaries may omit the description: read the schema itself to check the owner.
    Schema full = ctx.observer().schema(titled.get().id()).orElse(titled.get());
    if (!ctx.owns(full.description())) {
      throw new StepFailure(
          FlowConditions.REASON_INVALID_SPEC,
          "A schema titled '"
              + title
              + "' already exists in sandbox "
              + ctx.sandbox()
              + " (id "
              + full.id()
              + ") and was not created by this flow. Schema titles are unique: choose "
              + "another target.schema.create.title, or use the existing schema with "
              + "target.schema.id.",
          StepFailure.Retry.ON_CHANGE);
    }
    return Optional.of(full);
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
    SchemaRequest request = create(ctx.spec().getTarget().getSchema().getCreate());
    List<String> fieldGroups = new ArrayList<>();
    if (ctx.status().getFieldGroup() != null) {
      fieldGroups.add(ctx.status().getFieldGroup().getId());
    }
    fieldGroups.addAll(request.fieldGroupIds());
    return ctx.session()
        .schemaRegistry()
        .createSchema(
            new SchemaRequest(
                request.title(),
                ctx.remoteDescription(request.description()),
                request.classId(),
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

  @Override
  public String id(Schema remote) {
    return remote.id();
  }

  @Override
  public boolean deletesOnCleanup(FlowContext ctx) {
    return managed(ctx)
        && FlowSteps.deletesRemote(ctx)
        && ctx.spec().getTarget().deletesManagedOnDelete();
  }

  @Override
  public List<String> owned(FlowContext ctx) {
    List<String> ids = new ArrayList<>();
    String recorded = recordedId(ctx);
    if (recorded != null) {
      ids.add(recorded);
      return ids;
    }
    if (ctx.spec().getTarget().getSchema().getCreate() == null) {
      // A schema given by id is never the operator's to delete.
      return ids;
    }
    String title = ctx.spec().getTarget().getSchema().getCreate().getTitle();
    ctx.observer()
        .schemaTitled(title)
        .flatMap(summary -> ctx.observer().schema(summary.id()))
        .filter(schema -> ctx.owns(schema.description()))
        .ifPresent(schema -> ids.add(schema.id()));
    return ids;
  }

  @Override
  public boolean delete(FlowContext ctx, String id) {
    return ctx.session().schemaRegistry().deleteSchema(id);
  }

  @Override
  public String describe(FlowContext ctx, Schema remote) {
    return "schema "
        + (remote.title() == null ? "" : "'" + remote.title() + "' ")
        + "(id "
        + remote.id()
        + ")";
  }

  private static String recordedId(FlowContext ctx) {
    SchemaStatus status = ctx.status().getSchema();
    return status == null || !Boolean.TRUE.equals(status.getManaged()) ? null : status.getId();
  }

  private static SchemaRequest create(SchemaCreateSpec spec) {
    return new SchemaRequest(
        spec.getTitle(), spec.getDescription(), spec.getClassId(), spec.getFieldGroupIds());
  }
}

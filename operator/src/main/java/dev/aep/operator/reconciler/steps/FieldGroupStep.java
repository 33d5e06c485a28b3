package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.FieldGroupStatus;
import dev.aep.operator.api.v1alpha1.SchemaCreateSpec;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tenant field group that defines the mapping's custom destinations (platform-api.md 10), for a
 * schema the operator creates: its fields are exactly the {@code _tenant} destinations, typed from
 * the explored source or the mapping's {@code type}. A new destination adds a field (XDM allows
 * additions once data exists); removing or retyping a field is refused by XDM for a schema in use,
 * so it is never sent: the flow reports InvalidSpec instead. Kept and deleted with the schema.
 */
public final class FieldGroupStep extends Step<FieldGroup> {
  /** Stands for "no field group is needed": never written, never recorded. */
  private static final FieldGroup NONE = new FieldGroup("none", null, null, null, null, null, null);

  private final TitledCopy<FieldGroup> titled =
      new TitledCopy<>(
          "field group",
          (ctx, title) -> ctx.observer().titled(FieldGroup.KIND, title),
          (ctx, id) -> ctx.session().schemaRegistry().getFieldGroup(id),
          FieldGroup::id,
          FieldGroup::description,
          "Registry titles are unique: choose another target.schema.create.title.");

  public FieldGroupStep() {
    super(
        StepTraits.object("fieldGroup", "field group", StepTraits.Cleanup.WITH_DATA),
        FieldGroup::id);
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return FlowSteps.createsSchema(ctx);
  }

  /**
   * Nothing to do for an existing schema (its fields are checked by the schema step), nor for a
   * mapping that writes only class fields such as {@code _id} and {@code timestamp}.
   */
  @Override
  public Optional<FieldGroup> observe(FlowContext ctx) {
    if (!managed(ctx)) {
      return Optional.of(NONE);
    }
    if (ctx.plan().tenantFields().isEmpty() && ctx.status().getFieldGroup() == null) {
      return Optional.of(NONE);
    }
    FieldGroupStatus recorded = ctx.status().getFieldGroup();
    if (recorded != null
        && recorded.getId() != null
        && digest(ctx.plan().tenantFields()).equals(recorded.getFieldsDigest())) {
      // Steady state costs no read: the registry allows only additions to a group whose schema
      // holds data and refuses to delete a group a schema uses, so the fields last written are
      // still there.
      return Optional.of(
          new FieldGroup(
              recorded.getId(),
              null,
              recorded.getVersion(),
              title(ctx),
              null,
              null,
              ctx.plan().tenantFields()));
    }
    if (recorded != null && recorded.getId() != null) {
      Optional<FieldGroup> found = ctx.session().schemaRegistry().getFieldGroup(recorded.getId());
      if (found.isPresent()) {
        return found;
      }
    }
    return titled.find(ctx, title(ctx));
  }

  @Override
  public FieldGroup create(FlowContext ctx) {
    return ctx.session().schemaRegistry().createFieldGroup(request(ctx));
  }

  @Override
  public Diff diff(FlowContext ctx, FieldGroup remote) {
    if (remote == NONE) {
      return Diff.none();
    }
    Map<String, String> wanted = ctx.plan().tenantFields();
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, String> have : remote.fields().entrySet()) {
      String want = wanted.get(have.getKey());
      if (want == null) {
        refused.add(have.getKey() + " is no longer mapped (removing a field)");
      } else if (!want.equals(have.getValue())) {
        refused.add(have.getKey() + " would change from " + have.getValue() + " to " + want);
      }
    }
    if (!refused.isEmpty()) {
      return Diff.rejected(
          "The schema's field group "
              + remote.id()
              + " cannot follow the mapping: "
              + String.join("; ", refused)
              + ". XDM allows only additive changes to a schema in use (fields may be"
              + " added, never removed or retyped). Restore the mapping, or create a new flow with a new"
              + " target.schema.create.title and target.dataset.create so the data lands in a new schema and dataset.");
    }
    List<String> added =
        wanted.keySet().stream().filter(f -> !remote.fields().containsKey(f)).toList();
    return added.isEmpty()
        ? Diff.none()
        : Diff.builder().change("new fields " + String.join(", ", added)).build();
  }

  @Override
  public FieldGroup update(FlowContext ctx, FieldGroup remote, Diff diff) {
    return ctx.session().schemaRegistry().replaceFieldGroup(remote.id(), request(ctx));
  }

  @Override
  public void record(FlowContext ctx, FieldGroup remote) {
    if (remote != NONE) {
      ctx.status()
          .setFieldGroup(
              new FieldGroupStatus(remote.id(), remote.version(), digest(remote.fields())));
    }
  }

  /** Deleted with the schema it exists for (after it: the reverse order of the steps). */
  @Override
  public List<String> owned(FlowContext ctx) {
    FieldGroupStatus recorded = ctx.status().getFieldGroup();
    if (recorded != null && recorded.getId() != null) {
      return List.of(recorded.getId());
    }
    return titled.ownedId(ctx, title(ctx)).stream().toList();
  }

  @Override
  public boolean delete(FlowContext ctx, String id) {
    return ctx.session().schemaRegistry().deleteFieldGroup(id);
  }

  @Override
  public String describe(FlowContext ctx, FieldGroup remote) {
    return FlowSteps.described(
        kind(), FlowSteps.quoted(title(ctx)), remote.id(), remote.fields().size() + " fields");
  }

  /** A short, stable digest of field paths and types, independent of their order. */
  static String digest(Map<String, String> fields) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(fields)
        .forEach((path, type) -> text.append(path).append(':').append(type).append('\n'));
    // The first 12 bytes of the hash, as hex: short enough for status, and only compared with
    // itself.
    return PlatformFacts.sha256(text.toString()).substring(0, 24);
  }

  /** Registry titles are unique across schemas and field groups: derived from the schema title. */
  static String title(FlowContext ctx) {
    return ctx.spec().getTarget().getSchema().getCreate().getTitle() + " (Stripe fields)";
  }

  private static FieldGroupRequest request(FlowContext ctx) {
    SchemaCreateSpec create = ctx.spec().getTarget().getSchema().getCreate();
    return new FieldGroupRequest(
        title(ctx),
        ctx.remoteDescription(
            "Fields of the Stripe "
                + ctx.spec().getResourcePath().value()
                + " mapping of flow "
                + ctx.namespace()
                + "/"
                + ctx.name()),
        create.getClassId(),
        ctx.plan().tenantFields());
  }
}

package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.IdentitySpec;
import dev.aep.operator.api.v1alpha1.SchemaStatus;
import dev.aep.operator.platform.IdentityDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity descriptors of a schema the operator creates (platform-api.md 12): one per entry of
 * {@code target.schema.create.identities}, kept in sync (a changed namespace or primary flag is a
 * delete and a create: descriptors are small and have no etag) and deleted with the schema.
 * Identities live here, not in the mapping: current Data Prep mappings carry no identity flag.
 */
public final class IdentityStep extends Step<List<IdentityDescriptor>> {

  public IdentityStep() {
    super(
        StepTraits.object("identities", "identity descriptors", StepTraits.Cleanup.WITH_DATA),
        descriptors -> descriptors.stream().map(IdentityDescriptor::id).toList().toString());
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return FlowSteps.createsSchema(ctx);
  }

  /** Always present (possibly empty): the set is brought in line by update, never created whole. */
  @Override
  public Optional<List<IdentityDescriptor>> observe(FlowContext ctx) {
    if (!managed(ctx) || (wantsNone(ctx) && owned(ctx).isEmpty())) {
      // Nothing wanted and nothing made: no read, so flows without identities cost nothing here.
      return Optional.of(List.of());
    }
    return Optional.of(ctx.session().schemaRegistry().listIdentityDescriptors(schemaId(ctx)));
  }

  @Override
  public List<IdentityDescriptor> create(FlowContext ctx) {
    throw new UnsupportedOperationException(
        "identity descriptors are reconciled one by one in update");
  }

  @Override
  public Diff diff(FlowContext ctx, List<IdentityDescriptor> remote) {
    if (!managed(ctx) || (remote.isEmpty() && wantsNone(ctx))) {
      return Diff.none();
    }
    List<IdentityDescriptor> wanted = wanted(ctx);
    List<String> changes = new ArrayList<>();
    wanted.stream()
        .filter(w -> remote.stream().noneMatch(r -> same(w, r)))
        .forEach(
            w ->
                changes.add(
                    "add "
                        + w.path()
                        + " ("
                        + w.namespace()
                        + (w.primary() ? ", primary" : "")
                        + ")"));
    remote.stream()
        .filter(r -> wanted.stream().noneMatch(w -> same(w, r)))
        .forEach(r -> changes.add("remove " + r.path() + " (" + r.namespace() + ")"));
    return changes.isEmpty()
        ? Diff.none()
        : Diff.builder().change(String.join(", ", changes)).build();
  }

  /** Removes stale descriptors first, so a new primary never meets the old one. */
  @Override
  public List<IdentityDescriptor> update(
      FlowContext ctx, List<IdentityDescriptor> remote, Diff diff) {
    List<IdentityDescriptor> wanted = wanted(ctx);
    List<IdentityDescriptor> kept = new ArrayList<>();
    for (IdentityDescriptor r : remote) {
      if (wanted.stream().anyMatch(w -> same(w, r))) {
        kept.add(r);
      } else {
        ctx.session().schemaRegistry().deleteDescriptor(r.id());
      }
    }
    for (IdentityDescriptor w : wanted) {
      if (kept.stream().noneMatch(r -> same(w, r))) {
        kept.add(ctx.session().schemaRegistry().createIdentityDescriptor(w));
      }
    }
    return kept;
  }

  @Override
  public void record(FlowContext ctx, List<IdentityDescriptor> remote) {
    SchemaStatus schema = ctx.status().getSchema();
    if (managed(ctx) && schema != null) {
      schema.setIdentityDescriptors(remote.stream().map(IdentityDescriptor::id).toList());
    }
  }

  /** Deleted with the schema they describe. */
  @Override
  public List<String> owned(FlowContext ctx) {
    SchemaStatus schema = ctx.status().getSchema();
    return schema == null ? List.of() : List.copyOf(schema.getIdentityDescriptors());
  }

  @Override
  public boolean delete(FlowContext ctx, String id) {
    return ctx.session().schemaRegistry().deleteDescriptor(id);
  }

  @Override
  public String describe(FlowContext ctx, List<IdentityDescriptor> remote) {
    return remote.size() + " identity descriptors of schema " + schemaId(ctx);
  }

  private static List<IdentityDescriptor> wanted(FlowContext ctx) {
    SchemaStatus schema = ctx.status().getSchema();
    int major = majorVersion(schema.getVersion());
    List<IdentityDescriptor> out = new ArrayList<>();
    for (IdentitySpec id : ctx.plan().identities()) {
      out.add(
          new IdentityDescriptor(
              null, schema.getId(), major, id.getPath(), id.getNamespace(), id.isPrimary()));
    }
    return out;
  }

  private static boolean same(IdentityDescriptor a, IdentityDescriptor b) {
    return a.path().equals(b.path())
        && a.namespace().equals(b.namespace())
        && a.primary() == b.primary();
  }

  /** xdm:sourceVersion is the schema's major version (platform-api.md 12): "1.3" is 1. */
  private static int majorVersion(String version) {
    if (version == null) {
      return 1;
    }
    int dot = version.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String schemaId(FlowContext ctx) {
    return ctx.status().getSchema().getId();
  }

  /**
   * Whether the flow wants no identity. Before the mapping is checked (the plan of a flow whose
   * objects do not exist yet) the spec says so.
   */
  private static boolean wantsNone(FlowContext ctx) {
    return ctx.hasPlan()
        ? ctx.plan().identities().isEmpty()
        : ctx.spec().getTarget().getSchema().getCreate().identitiesOrEmpty().isEmpty();
  }
}

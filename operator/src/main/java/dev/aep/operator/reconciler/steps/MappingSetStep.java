package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.MappingSetStatus;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.SourceType;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.SchemaRef;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Data Prep mapping set from Stripe fields to XDM paths. A changed mapping is a PUT, which
 * makes a new version; the flow then moves to it. Mapping sets have no description, so the name
 * itself carries the flow's uid; they cannot be deleted (the Platform has no such call).
 */
public final class MappingSetStep implements Step<MappingSet> {

  @Override
  public String name() {
    return "mappingSet";
  }

  @Override
  public String kind() {
    return "mapping set";
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return true;
  }

  @Override
  public Optional<MappingSet> observe(FlowContext ctx) {
    MappingSetStatus status = ctx.status().getMappingSet();
    if (status != null && status.getId() != null) {
      Optional<MappingSet> found = ctx.observer().mappingSet(status.getId(), status.getVersion());
      if (found.isPresent()) {
        return found;
      }
    }
    Optional<MappingSet> newest = ctx.observer().mappingSetsNamed(remoteName(ctx)).stream()
        .max(Comparator.comparingInt(MappingSet::version));
    // List answers may be summaries: read the version itself to compare its mappings.
    return newest.map(m -> ctx.observer().mappingSet(m.id(), (long) m.version()).orElse(m));
  }

  @Override
  public MappingSet create(FlowContext ctx) {
    MappingSetRequest request = request(ctx);
    MappingSetVersion created = ctx.session().dataPrep().createMappingSet(request);
    return new MappingSet(created.id(), created.version(), request.name(), request.outputSchema(),
        request.mappings(), null, null);
  }

  @Override
  public Diff diff(FlowContext ctx, MappingSet remote) {
    Diff.Builder diff = Diff.builder();
    String schema = remote.outputSchema() == null ? null : remote.outputSchema().id();
    if (!Objects.equals(schema, schemaId(ctx))) {
      diff.change("output schema");
    }
    if (!normalized(desired(ctx)).equals(normalized(remote.mappings()))) {
      diff.change("mappings");
    }
    return diff.build();
  }

  @Override
  public MappingSet update(FlowContext ctx, MappingSet remote, Diff diff) {
    return ctx.session().dataPrep().updateMappingSet(remote.id(), request(ctx));
  }

  @Override
  public void record(FlowContext ctx, MappingSet remote) {
    ctx.status().setMappingSet(new MappingSetStatus(remote.id(), (long) remote.version()));
  }

  @Override
  public String id(MappingSet remote) {
    return remote.id();
  }

  @Override
  public boolean deletesOnCleanup(FlowContext ctx) {
    return false;
  }

  @Override
  public String describe(FlowContext ctx, MappingSet remote) {
    return "mapping set " + remoteName(ctx) + " (id " + remote.id() + ", version "
        + remote.version() + ")";
  }

  private static String remoteName(FlowContext ctx) {
    return RemoteNames.nameWithUid(ctx.namespace(), ctx.name(), "mapping", ctx.uid());
  }

  private static MappingSetRequest request(FlowContext ctx) {
    return new MappingSetRequest(remoteName(ctx), SchemaRef.forMapping(schemaId(ctx)),
        desired(ctx));
  }

  private static List<Mapping> desired(FlowContext ctx) {
    return ctx.spec().getMapping().stream().map(MappingSetStep::toMapping).toList();
  }

  private static Mapping toMapping(MappingSpec spec) {
    String type = spec.effectiveSourceType() == SourceType.EXPRESSION
        ? Mapping.EXPRESSION : Mapping.ATTRIBUTE;
    // Identities are no longer sent with mappings (platform-api.md 12).
    return new Mapping(type, spec.getSource(), spec.getDestination());
  }

  /** Order-insensitive view; any non-expression type (the Platform answers a MIME type) is ATTRIBUTE. */
  private static Set<List<Object>> normalized(List<Mapping> mappings) {
    Set<List<Object>> result = new HashSet<>();
    for (Mapping m : mappings) {
      boolean expression = m.sourceType() != null
          && m.sourceType().toUpperCase(Locale.ROOT).equals(Mapping.EXPRESSION);
      result.add(List.of(expression ? Mapping.EXPRESSION : Mapping.ATTRIBUTE,
          String.valueOf(m.source()), String.valueOf(m.destination())));
    }
    return result;
  }

  private static String schemaId(FlowContext ctx) {
    return ctx.status().getSchema() == null ? null : ctx.status().getSchema().getId();
  }
}

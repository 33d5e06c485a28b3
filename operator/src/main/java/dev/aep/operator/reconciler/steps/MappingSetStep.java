package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.MappingSetStatus;
import dev.aep.operator.api.v1alpha1.MappingStatus;
import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.api.v1alpha1.SchemaCreateSpec;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingCheck;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.SourceSchema;
import java.util.ArrayList;
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
public final class MappingSetStep extends Step<MappingSet> {

  public MappingSetStep() {
    super(StepTraits.object("mappingSet", "mapping set", StepTraits.Cleanup.NEVER), MappingSet::id);
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
    Optional<MappingSet> newest =
        ctx.observer().named(MappingSet.KIND, remoteName(ctx)).stream()
            .max(Comparator.comparingInt(MappingSet::version));
    // List answers may be summaries: read the version itself to compare its mappings.
    return newest.map(m -> ctx.observer().mappingSet(m.id(), (long) m.version()).orElse(m));
  }

  @Override
  public MappingSet create(FlowContext ctx) {
    MappingSetRequest request = request(ctx);
    preflight(ctx, request);
    MappingSetVersion created = ctx.session().dataPrep().createMappingSet(request);
    return MappingSet.sent(created.id(), created.version(), request);
  }

  @Override
  public Diff diff(FlowContext ctx, MappingSet remote) {
    Diff.Builder diff = Diff.builder();
    String schema = remote.outputSchema() == null ? null : remote.outputSchema().id();
    if (!Objects.equals(schema, RemoteObjectStatus.idOf(ctx.status().getSchema()))) {
      diff.change("output schema");
    }
    if (!normalized(desired(ctx)).equals(normalized(remote.mappings()))) {
      diff.change("mappings");
    }
    return diff.build();
  }

  @Override
  public MappingSet update(FlowContext ctx, MappingSet remote, Diff diff) {
    MappingSetRequest request = request(ctx);
    preflight(ctx, request);
    return ctx.session().dataPrep().updateMappingSet(remote.id(), request);
  }

  /**
   * The Platform's own checks before a mapping set is written (platform-api.md 14): validate
   * refuses bad destinations and expressions with a message per mapping, and nothing is written
   * then; preview maps the explored sample records, and status says which destinations they filled
   * (never the values: Stripe records hold personal data). An accepted verdict is kept in {@link
   * PlatformFacts} by the content that decides it.
   */
  private static void preflight(FlowContext ctx, MappingSetRequest request) {
    PlatformFacts.MappingVerdict verdict =
        contentKey(ctx, request)
            .map(key -> ctx.facts().verdict(ctx.session(), key, () -> askDataPrep(ctx, request)))
            .orElseGet(() -> askDataPrep(ctx, request));
    Set<String> filled = new HashSet<>();
    verdict.rows().forEach(row -> filled.addAll(row.filledDestinations()));
    MappingStatus status = ctx.mappingStatus();
    status.setPreviewedRecords(verdict.rows().size());
    List<String> destinations = request.mappings().stream().map(Mapping::destination).toList();
    status.setDestinationsWithValue(
        destinations.stream().filter(d -> hasValue(filled, d)).toList());
    status.setDestinationsWithoutValue(
        destinations.stream().filter(d -> !hasValue(filled, d)).toList());
  }

  /** Validate, then (when it accepts) preview; a refusal ends the pass with InvalidSpec. */
  private static PlatformFacts.MappingVerdict askDataPrep(
      FlowContext ctx, MappingSetRequest request) {
    List<MappingCheck> checks = ctx.session().dataPrep().validateMappingSet(request);
    List<String> refused = new ArrayList<>();
    for (MappingCheck check : checks) {
      if (!check.ok()) {
        Mapping m =
            check.index() < request.mappings().size()
                ? request.mappings().get(check.index())
                : null;
        refused.add(
            "mapping "
                + check.index()
                + (m == null ? "" : " (" + m.source() + " -> " + m.destination() + ")")
                + ": "
                + String.join("; ", check.errors()));
      }
    }
    if (!refused.isEmpty()) {
      throw new StepFailure(
          FlowConditions.REASON_INVALID_SPEC,
          "Data Prep refused the mapping: "
              + String.join(" | ", refused)
              + ". Nothing was written; fix spec.mapping.",
          StepFailure.Retry.ON_CHANGE);
    }
    SourceSchema source = ctx.source();
    return new PlatformFacts.MappingVerdict(
        source.samples().isEmpty()
            ? List.of()
            : ctx.session().dataPrep().previewMappingSet(request, source.samples()));
  }

  /**
   * What decides Data Prep's verdict, for a schema the operator builds: the mappings in order, the
   * schema's content (class, tenant, the field group's fields, the user's field groups; the schema
   * id differs per flow but not what it resolves to) and the explored records (credentials and
   * path). An existing schema can change under the operator, so its mappings are always asked.
   */
  private static Optional<String> contentKey(FlowContext ctx, MappingSetRequest request) {
    SchemaCreateSpec create = ctx.spec().getTarget().getSchema().getCreate();
    if (create == null) {
      return Optional.empty();
    }
    StringBuilder key =
        new StringBuilder(
            String.join(
                "\n",
                ctx.credentialsKey(),
                ctx.spec().getResourcePath().value(),
                create.getClassId(),
                ctx.plan().tenantNamespace(),
                FieldGroupStep.digest(ctx.plan().tenantFields()),
                String.valueOf(create.getFieldGroupIds())));
    for (Mapping m : request.mappings()) {
      key.append('\n').append(String.join("\t", m.sourceType(), m.source(), m.destination()));
    }
    return Optional.of(key.toString());
  }

  /** A destination counts as filled when it or a field below it (an object mapping) has a value. */
  private static boolean hasValue(Set<String> filled, String destination) {
    return filled.contains(destination)
        || filled.stream().anyMatch(f -> f.startsWith(destination + "."));
  }

  @Override
  public void record(FlowContext ctx, MappingSet remote) {
    ctx.status().setMappingSet(new MappingSetStatus(remote.id(), (long) remote.version()));
  }

  @Override
  public String describe(FlowContext ctx, MappingSet remote) {
    return FlowSteps.described(kind(), remoteName(ctx), remote.id(), "version " + remote.version());
  }

  /** With the version: every PUT makes a new one, and the flow names the version it uses. */
  @Override
  public String brief(FlowContext ctx, MappingSet remote) {
    return "mapping set " + remote.id() + " version " + remote.version();
  }

  private static String remoteName(FlowContext ctx) {
    return RemoteNames.nameWithUid(ctx.namespace(), ctx.name(), "mapping", ctx.uid());
  }

  private static MappingSetRequest request(FlowContext ctx) {
    return new MappingSetRequest(
        remoteName(ctx),
        SchemaRef.forMapping(RemoteObjectStatus.idOf(ctx.status().getSchema())),
        desired(ctx));
  }

  private static List<Mapping> desired(FlowContext ctx) {
    return ctx.plan().mappings();
  }

  /**
   * Order-insensitive view; any non-expression type (the Platform answers a MIME type) is
   * ATTRIBUTE.
   */
  private static Set<List<Object>> normalized(List<Mapping> mappings) {
    Set<List<Object>> result = new HashSet<>();
    for (Mapping m : mappings) {
      boolean expression =
          m.sourceType() != null
              && m.sourceType().toUpperCase(Locale.ROOT).equals(Mapping.EXPRESSION);
      result.add(
          List.of(
              expression ? Mapping.EXPRESSION : Mapping.ATTRIBUTE,
              String.valueOf(m.source()),
              String.valueOf(m.destination())));
    }
    return result;
  }
}

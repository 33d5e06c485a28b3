package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.FlowState;
import dev.aep.operator.api.v1alpha1.FlowStatus;
import dev.aep.operator.api.v1alpha1.Frequency;
import dev.aep.operator.api.v1alpha1.IngestionSpec;
import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.api.v1alpha1.ScheduleSpec;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowOptions;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.Transformation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduled dataflow tying source connection, target connection and mapping together. Schedule,
 * mapping version, name and description are patched with {@code If-Match}; the state goes through
 * the enable/disable action; other connections mean a new flow (the old one is deleted first, since
 * nothing references a flow).
 */
public final class FlowStep extends Step<Flow> {

  static final String KIND_SUFFIX = "flow";

  private final OwnedCopies<Flow> copies =
      new OwnedCopies<>(
          ctx -> RemoteObjectStatus.idOf(ctx.status().getFlow()),
          (ctx, id) -> ctx.observer().get(Flow.KIND, id),
          ctx -> ctx.observer().named(Flow.KIND, ctx.remoteName(KIND_SUFFIX)),
          Flow::id,
          Flow::description);

  public FlowStep() {
    super(
        StepTraits.object("flow", "flow", StepTraits.Cleanup.WITH_FLOW).deletedBeforeReplace(),
        Flow::id);
  }

  @Override
  public Optional<Flow> observe(FlowContext ctx) {
    return copies.current(ctx, f -> !ctx.retired(f.id()) && linked(ctx, f));
  }

  @Override
  public Flow create(FlowContext ctx) {
    String name = ctx.remoteName(KIND_SUFFIX);
    String description = desiredDescription(ctx);
    ScheduleSpec schedule = ctx.spec().getSchedule();
    Long start = schedule.startTimeEpochSeconds();
    if (start == null) {
      // No start time in the spec: the flow starts when it is created.
      start = ctx.clock().instant().getEpochSecond();
    }
    ScheduleParams params =
        new ScheduleParams(
            schedule.getFrequency().value(),
            schedule.getFrequency() == Frequency.ONCE ? null : schedule.getInterval(),
            start,
            schedule.effectiveBackfill());
    FlowRequest request =
        FlowRequest.stripe(name, description, sourceId(ctx), targetId(ctx), mapping(ctx), params);
    EntityRef ref = flows(ctx).create(request);
    return Flow.created(ref, request);
  }

  @Override
  public Diff diff(FlowContext ctx, Flow remote) {
    if (remote.isTransitional()) {
      // Updates and actions are refused until the flow settles (platform-api.md 16). A flow that
      // is only finishing a change the spec already asked for (nothing left to patch, heading to
      // the wanted state) is in sync and keeps running; anything else waits for it to settle.
      Diff pending = changes(ctx, remote, settledState(ctx, remote));
      if (pending.inSync()) {
        return pending;
      }
      throw busy(remote, "the operator changes it only once it has settled");
    }
    return changes(ctx, remote, remote.state());
  }

  /**
   * The state a transitional flow settles in: {@code disabling} ends disabled; {@code updating} and
   * the like keep the state last recorded while it was settled (enabled unless known).
   */
  private static String settledState(FlowContext ctx, Flow remote) {
    if ("disabling".equalsIgnoreCase(remote.state())) {
      return "disabled";
    }
    String recorded = ctx.status().getFlow() == null ? null : ctx.status().getFlow().getState();
    return "disabled".equalsIgnoreCase(recorded) ? "disabled" : "enabled";
  }

  private Diff changes(FlowContext ctx, Flow remote, String state) {
    if (!linked(ctx, remote)) {
      return Diff.replace(
          "it links source "
              + remote.sourceConnectionIds()
              + " and target "
              + remote.targetConnectionIds()
              + " instead of source "
              + sourceId(ctx)
              + " and target "
              + targetId(ctx));
    }
    Diff.Builder diff = Diff.builder();
    if (!ctx.adopted()) {
      // An adopted dataflow keeps the name and description its maker gave it.
      diff.nameAndDescription(ctx.remoteName(KIND_SUFFIX), desiredDescription(ctx), remote);
    }
    schedule(ctx, remote, diff);
    options(ctx, remote, diff);
    mappingPatch(remote, mapping(ctx)).ifPresent(op -> diff.patch("mapping version", op));
    boolean enable = ctx.spec().effectiveState() == FlowState.ENABLED;
    if (enable != "enabled".equalsIgnoreCase(state)) {
      diff.change(enable ? "state enabled" : "state disabled");
    }
    return diff.build();
  }

  @Override
  public Flow update(FlowContext ctx, Flow remote, Diff diff) {
    String etag = remote.etag();
    boolean acts = diff.has("state enabled") || diff.has("state disabled");
    if (!diff.ops().isEmpty()) {
      etag = flows(ctx).patch(remote.id(), etag, diff.ops()).etag();
      if (acts) {
        // A patched flow is updating for a while and refuses actions meanwhile (1421,
        // platform-api.md 16): read it first and act only once it has settled. One read per pass:
        // when it is still busy the pass ends and the back-off between passes is the wait.
        Flow fresh =
            flows(ctx)
                .get(remote.id())
                .orElseThrow(
                    () ->
                        new NotReady(
                            name(),
                            "the flow "
                                + remote.id()
                                + " was patched but is no longer visible on the Platform"));
        if (fresh.isTransitional()) {
          throw busy(fresh, "the enable/disable action waits until it has settled");
        }
        etag = fresh.etag();
      }
    }
    String state = remote.state();
    if (diff.has("state enabled")) {
      etag = ctx.session().flowService().enableFlow(remote.id()).etag();
      state = "enabled";
    } else if (diff.has("state disabled")) {
      etag = ctx.session().flowService().disableFlow(remote.id()).etag();
      state = "disabled";
    }
    return remote.with(etag, state);
  }

  @Override
  public void record(FlowContext ctx, Flow remote) {
    // status.flow.state says enabled or disabled: a transitional flow is recorded as the state it
    // settles in.
    String state = remote.isTransitional() ? settledState(ctx, remote) : remote.state();
    ctx.status().setFlow(new FlowStatus(remote.id(), remote.etag(), state));
  }

  @Override
  public void forget(FlowContext ctx) {
    ctx.status().setFlow(null);
  }

  @Override
  public List<String> strays(FlowContext ctx) {
    return copies.strays(ctx);
  }

  @Override
  public List<String> owned(FlowContext ctx) {
    return copies.owned(ctx);
  }

  @Override
  public boolean delete(FlowContext ctx, String id) {
    return flows(ctx).delete(id);
  }

  @Override
  public String describe(FlowContext ctx, Flow remote) {
    return FlowSteps.described("flow", ctx.remoteName(KIND_SUFFIX), remote.id());
  }

  /**
   * spec.ingestion, when set, as the documented PATCH of {@code /options} (platform-api.md 15: the
   * create request has no options). Unset means the operator leaves the flow's options alone.
   */
  private static void options(FlowContext ctx, Flow remote, Diff.Builder diff) {
    IngestionSpec wanted = ctx.spec().getIngestion();
    if (wanted == null) {
      return;
    }
    FlowOptions actual = remote.options() == null ? new FlowOptions(null, null) : remote.options();
    Integer percent = wanted.getPartialIngestionPercent();
    // Partial ingestion forces error diagnostics on (help/ingestion/batch-ingestion/partial.md).
    Boolean diagnostics = percent != null ? Boolean.TRUE : wanted.getErrorDiagnostics();
    boolean same =
        Objects.equals(percent, actual.partialIngestionPercent())
            && (diagnostics == null || diagnostics.equals(actual.errorDiagnosticsEnabled()));
    if (!same) {
      Map<String, Object> value = new LinkedHashMap<>();
      if (percent != null) {
        value.put("partialIngestionPercent", percent);
      }
      if (diagnostics != null) {
        value.put("errorDiagnosticsEnabled", diagnostics);
      }
      diff.patch("ingestion options", JsonPatchOp.add("/options", value));
    }
  }

  private static void schedule(FlowContext ctx, Flow remote, Diff.Builder diff) {
    ScheduleSpec wanted = ctx.spec().getSchedule();
    ScheduleParams actual =
        remote.scheduleParams() == null
            ? new ScheduleParams(null, null, null, null)
            : remote.scheduleParams();
    String frequency = wanted.getFrequency().value();
    if (!frequency.equalsIgnoreCase(String.valueOf(actual.frequency()))) {
      diff.patch("schedule frequency", JsonPatchOp.replace("/scheduleParams/frequency", frequency));
    }
    if (wanted.getFrequency() != Frequency.ONCE) {
      if (!Objects.equals(wanted.getInterval(), actual.interval())) {
        diff.patch(
            "schedule interval",
            JsonPatchOp.replace("/scheduleParams/interval", wanted.getInterval()));
      }
      Boolean backfill = wanted.effectiveBackfill();
      if (backfill != null && !backfill.equals(actual.backfill())) {
        // A flow made without backfill (as the tutorial makes it) has no such member to replace:
        // add it.
        diff.patch(
            "schedule backfill",
            actual.backfill() == null
                ? JsonPatchOp.add("/scheduleParams/backfill", backfill)
                : JsonPatchOp.replace("/scheduleParams/backfill", backfill));
      }
    }
    Long start = wanted.startTimeEpochSeconds();
    if (start != null && !start.equals(actual.startTime())) {
      long now = ctx.clock().instant().getEpochSecond();
      if (actual.startTime() != null && actual.startTime() <= now) {
        ctx.note(
            "schedule.startTime "
                + wanted.getStartTime()
                + " is not applied: the flow "
                + "already started at "
                + Instant.ofEpochSecond(actual.startTime())
                + " and the "
                + "Platform refuses to move a start time that has passed");
      } else {
        diff.patch(
            "schedule start time",
            JsonPatchOp.replace("/scheduleParams/startTime", String.valueOf(start)));
      }
    }
  }

  /**
   * The PATCH that points the Mapping transformation at {@code wanted}, if it differs: replaced at
   * its real position in the observed flow's {@code transformations} ({@code /transformations/n} is
   * the array index, platform-api.md 16), appended when the flow has none.
   */
  static Optional<JsonPatchOp> mappingPatch(Flow remote, Transformation wanted) {
    Transformation actual = remote.mapping().orElse(null);
    if (actual != null
        && Objects.equals(actual.mappingId(), wanted.mappingId())
        && Objects.equals(actual.mappingVersion(), wanted.mappingVersion())) {
      return Optional.empty();
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("mappingId", wanted.mappingId());
    params.put("mappingVersion", wanted.mappingVersion());
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", Transformation.MAPPING);
    value.put("params", params);
    int index = remote.mappingIndex();
    return Optional.of(
        index < 0
            ? JsonPatchOp.add("/transformations/-", value)
            : JsonPatchOp.replace("/transformations/" + index, value));
  }

  /** Waiting for a flow in a transitional state, naming the state and since when it is in it. */
  private NotReady busy(Flow flow, String then) {
    String since =
        flow.updatedAt() == null ? "" : " since " + Instant.ofEpochMilli(flow.updatedAt());
    return new NotReady(
        name(),
        "the flow "
            + flow.id()
            + " is busy on the Platform (state "
            + flow.state()
            + since
            + "); "
            + then
            + " (platform-api.md 16)");
  }

  private static boolean linked(FlowContext ctx, Flow remote) {
    return remote.sourceConnectionIds().equals(List.of(String.valueOf(sourceId(ctx))))
        && remote.targetConnectionIds().equals(List.of(String.valueOf(targetId(ctx))));
  }

  private static Transformation mapping(FlowContext ctx) {
    return Transformation.mapping(
        ctx.status().getMappingSet().getId(), ctx.status().getMappingSet().getVersion().intValue());
  }

  private static RemoteCollection<Flow, FlowRequest> flows(FlowContext ctx) {
    return ctx.session().flowService().flows();
  }

  private static String sourceId(FlowContext ctx) {
    return RemoteObjectStatus.idOf(ctx.status().getSourceConnection());
  }

  private static String targetId(FlowContext ctx) {
    return RemoteObjectStatus.idOf(ctx.status().getTargetConnection());
  }

  private static String desiredDescription(FlowContext ctx) {
    String text = ctx.spec().getDescription();
    if (text == null || text.isBlank()) {
      text =
          "Stripe "
              + ctx.spec().getResourcePath().value()
              + " ingestion for "
              + "StripeIngestionFlow "
              + ctx.namespace()
              + "/"
              + ctx.name()
              + ".";
    }
    return ctx.remoteDescription(text);
  }
}

package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.LastRunDetails;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.reconciler.steps.RemoteObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One pass's view of the Platform answered from its org+sandbox's shared snapshots: objects by id
 * and by name come from the kind's last list (taken again once it is older than the resync
 * interval); an id the list does not show, or one a write just changed, is read with one GET.
 *
 * <p>What a list cannot answer: a mapping set version (read once, versions never change) or name
 * (Data Prep has no list by many names), a schema's description (read only for a schema found by
 * title, where ownership must be checked; otherwise the listed summary answers), and runs (read
 * only when the flow's {@code lastRunDetails} moved, a run seen last time had not finished, or a
 * scheduled run time has passed since the last read). Writes go through {@link
 * BulkObservation#open}, which keeps the snapshots current, so {@link #invalidate()} has nothing to
 * drop.
 */
final class BulkRemoteObserver implements RemoteObserver {
  private final PlatformSession session;
  private final ScopeSnapshots scope;
  private final Clock clock;
  // Schemas this pass found by title: their description decides ownership, so read them in full.
  private final Set<String> titledSchemas = new HashSet<>();

  BulkRemoteObserver(PlatformSession session, ScopeSnapshots scope, Clock clock) {
    this.session = session;
    this.scope = scope;
    this.clock = clock;
  }

  /**
   * One object of a kind: from its snapshot, else one GET of its collection; a schema as {@link
   * #schema} tells it.
   */
  @Override
  @SuppressWarnings("unchecked") // the kind is Schema.KIND, so T is Schema
  public <T extends RemoteObject> Optional<T> get(RemoteKind<T, ?> kind, String id) {
    if (kind == Schema.KIND) {
      return (Optional<T>) schema(id);
    }
    // The field-group snapshot holds list summaries (title, version, no fields): serving a read by
    // id from it would answer a field group without its fields.
    KindSnapshot<T> snapshot = kind == FieldGroup.KIND ? null : snapshotOf(kind);
    Optional<T> known =
        snapshot == null ? null : snapshot.byId(session, id, (s, i) -> kind.in(s).get(i));
    return known == null ? kind.in(session).get(id) : known;
  }

  /**
   * The objects of a kind named exactly {@code name}: from its snapshot, or the Platform's filter.
   * Data Prep filters by one exact {@code name=} only (no "any of", no prefix; platform-api.md 5,
   * 17), so no list can cover many flows' mapping sets at once: their name is asked when a flow has
   * none recorded (its first pass, or adoption after a crash), never in steady state.
   */
  @Override
  @SuppressWarnings("unchecked") // the kind is Schema.KIND, so T is Schema
  public <T extends RemoteObject> List<T> named(RemoteKind<T, ?> kind, String name) {
    KindSnapshot<T> snapshot = snapshotOf(kind);
    if (kind == Schema.KIND || snapshot == null) {
      return kind == Schema.KIND
          ? (List<T>) schemasTitled(name)
          : kind.in(session).findByName(name);
    }
    return snapshot.named(
        session, name, (s, n) -> kind.in(s).findByName(n), (s, i) -> kind.in(s).get(i));
  }

  /** The kind's snapshot; null for a kind without one (mapping sets). */
  private <T extends RemoteObject> KindSnapshot<T> snapshotOf(RemoteKind<T, ?> kind) {
    ScopeSnapshots.Tracking<T, ?> tracking = scope.tracking(kind);
    return tracking == null ? null : tracking.snapshot();
  }

  /**
   * The schema titled so (titles are unique), remembered as found by title: its description decides
   * ownership, so a read of it by id in this pass reads it in full.
   */
  private List<Schema> schemasTitled(String title) {
    List<Schema> found =
        scope.schemas.named(
            session, title, (s, t) -> s.schemaRegistry().schemas().findByName(t), this::fullSchema);
    found.stream()
        .findFirst()
        .ifPresent(
            s -> {
              titledSchemas.add(s.id());
              if (s.altId() != null) {
                titledSchemas.add(s.altId());
              }
            });
    return found;
  }

  /**
   * The schema as listed (id, altId, version, title), or in full when it was read in full at this
   * version before or was found by title in this pass.
   */
  private Optional<Schema> schema(String id) {
    Optional<Schema> listed = scope.schemas.byId(session, id, this::fullSchema);
    if (listed.isEmpty()) {
      return listed;
    }
    Schema summary = listed.get();
    Schema full = scope.fullSchemas.get(summary.id());
    if (full != null && Objects.equals(full.version(), summary.version())) {
      return Optional.of(full);
    }
    boolean ownershipCheck = titledSchemas.contains(id) || titledSchemas.contains(summary.id());
    if (!ownershipCheck || isFull(summary)) {
      return listed;
    }
    return fullSchema(session, summary.id());
  }

  /**
   * A mapping set version: remembered once read or written (versions never change and mapping sets
   * cannot be deleted, platform-api.md 5), else read by id and version.
   */
  @Override
  public Optional<MappingSet> mappingSet(String id, Long version) {
    if (version == null) {
      // The service's default version can move: nothing to remember.
      return session.dataPrep().getMappingSet(id);
    }
    MappingSet known = scope.mappingVersions.get(id);
    if (known != null && known.version() == version) {
      return Optional.of(known);
    }
    Optional<MappingSet> read = session.dataPrep().getMappingSet(id, version.intValue());
    read.ifPresent(scope::rememberVersion);
    return read;
  }

  /**
   * The newest runs, read from the Platform only when they may have changed since the last read
   * (see the class comment); otherwise the last answer.
   */
  @Override
  public List<FlowRun> latestRuns(String flowId, int limit) {
    Instant now = clock.instant();
    Optional<Flow> flow = scope.flows.peek(flowId);
    ScopeSnapshots.RunMemo memo = scope.runs.get(flowId);
    if (flow.isPresent()) {
      if (memo != null && memo.limit() >= limit && !mayHaveChanged(memo, flow.get(), now)) {
        return memo.runs().size() > limit ? memo.runs().subList(0, limit) : memo.runs();
      }
      if (memo == null
          && flow.get().lastRunDetails() == null
          && RunSchedule.noRunBefore(flow.get().scheduleParams(), now)) {
        scope.runs.put(flowId, new ScopeSnapshots.RunMemo(List.of(), limit, now));
        return List.of();
      }
    }
    List<FlowRun> runs = List.copyOf(session.flowService().listRuns(flowId, limit));
    scope.runs.put(flowId, new ScopeSnapshots.RunMemo(runs, limit, now));
    return runs;
  }

  /** Nothing to drop: writes update the snapshots through {@link BulkObservation#open}. */
  @Override
  public void invalidate() {}

  private static boolean mayHaveChanged(ScopeSnapshots.RunMemo memo, Flow flow, Instant now) {
    FlowRun newest = memo.runs().isEmpty() ? null : memo.runs().get(0);
    if (newest != null && !newest.isTerminal()) {
      return true;
    }
    LastRunDetails last = flow.lastRunDetails();
    if (last != null && last.id() != null && (newest == null || !last.id().equals(newest.id()))) {
      return true;
    }
    if (!flow.isEnabled()) {
      return false;
    }
    Optional<Instant> next = RunSchedule.nextRunAfter(flow.scheduleParams(), memo.readAt());
    return next.isPresent() && !next.get().isAfter(now);
  }

  private Optional<Schema> fullSchema(PlatformSession s, String id) {
    Optional<Schema> full = s.schemaRegistry().getSchema(id);
    full.ifPresent(schema -> scope.fullSchemas.put(schema.id(), schema));
    return full;
  }

  private static boolean isFull(Schema schema) {
    return schema.description() != null || schema.classId() != null;
  }
}

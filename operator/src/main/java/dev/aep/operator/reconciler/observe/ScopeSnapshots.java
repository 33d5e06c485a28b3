package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.FlowServiceObject;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.ValuePool;
import dev.aep.operator.reconciler.steps.RemoteNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Everything the operator knows about one org+sandbox, shared by every flow of it: one snapshot per
 * kind of the objects the operator owns (each refreshed once per resync by lists that name only
 * those objects, see the constructor for how each service is asked), the mapping set versions and
 * full schemas read so far (a version never changes, so they are read once), and what the newest
 * runs of each flow were when last read.
 */
final class ScopeSnapshots {
  /**
   * Flow Service page size. The documented cap of its search is 1000; a list by names or ids never
   * answers more than the names it asks for, so one page nearly always holds the answer.
   */
  static final int FLOW_SERVICE_PAGE = 1000;

  /** Page size should the service refuse {@link #FLOW_SERVICE_PAGE}. */
  static final int SMALL_PAGE = 100;

  /** Catalog's largest page (platform-api.md 4, 6). */
  static final int CATALOG_PAGE = 100;

  /** Schema Registry answers at most 300 per call (platform-api.md 3). */
  static final int SCHEMA_PAGE = 300;

  /**
   * Characters of one {@code name==a,b,...} or {@code id==a,b,...} value list, URL-encoded. No URL
   * limit is documented [INF]: 6000 keeps the whole request line under the 8 KiB that common
   * gateways and servers accept, while a thousand flows' names still fit in a handful of calls.
   */
  static final int KEY_CHARS = 6000;

  final KindSnapshot<BaseConnection> baseConnections;
  final KindSnapshot<SourceConnection> sourceConnections;
  final KindSnapshot<TargetConnection> targetConnections;
  final KindSnapshot<Flow> flows;
  final KindSnapshot<Dataset> datasets;

  /** Summaries ($id, altId, version, title) as listed, or full schemas learnt by id. */
  final KindSnapshot<Schema> schemas;

  /** Tenant field group summaries ($id, altId, version, title) as listed. */
  final KindSnapshot<FieldGroup> fieldGroups;

  /** Full schemas by $id (valid while the listed version is theirs). */
  final Map<String, Schema> fullSchemas = new ConcurrentHashMap<>();

  /** One complete version per mapping set id: versions are immutable. */
  final Map<String, MappingSet> mappingVersions = new ConcurrentHashMap<>();

  /** The newest runs of each flow as last read, by flow id. */
  final Map<String, RunMemo> runs = new ConcurrentHashMap<>();

  /**
   * @param runs newest first, at most {@code limit}
   * @param limit how many were asked for
   * @param readAt when they were read
   */
  record RunMemo(List<FlowRun> runs, int limit, Instant readAt) {}

  /**
   * How writes of one kind keep its snapshot current.
   *
   * @param created the object a create answer and its request show: only what was sent (a state the
   *     Platform did not answer stays unknown), or null when they do not show enough, so the next
   *     lookup of the name asks the Platform; the function itself null when the collection's own
   *     {@link RemoteCollection#created} tells it
   * @param deleted forgets what else was kept about a deleted object
   */
  record Tracking<T extends RemoteObject, R>(
      KindSnapshot<T> snapshot, BiFunction<EntityRef, R, T> created, Consumer<String> deleted) {}

  // Every kind with a snapshot, by kind.
  private final Map<RemoteKind<?, ?>, Tracking<?, ?>> tracking = new LinkedHashMap<>();

  private final Duration maxAge;
  private final LongSupplier nanoTime;

  /** The flows the operator holds for this sandbox, as the last pass was told them. */
  volatile Supplier<Collection<Observation.Sibling>> siblings = List::of;

  /**
   * How each service is asked for only what the operator owns (platform-api.md 17):
   *
   * <ul>
   *   <li>Flow Service has no prefix filter ({@code ~} is refused with 1440-400) but takes a comma
   *       list meaning "any of" in {@code property=name==} and {@code property=id==} [DOC:FILTER]:
   *       the operator's names are deterministic ({@link RemoteNames}), so each kind is listed by
   *       the names and the recorded ids its flows asked for, many per call, still ANDed with the
   *       Stripe spec filter.
   *   <li>Catalog: dataset names are the user's, so no name prefix marks them; the operator tags
   *       the datasets it creates and lists by that tag ({@code tags=}). A tag, not {@code
   *       createdClient}, because flows may reach the sandbox with different credentials. A dataset
   *       given by id (not created by the operator) is read by that id.
   *   <li>Schema Registry documents only exact {@code title==} (no prefix, no "any of"): a list by
   *       the operator's titles would be one call per schema. Its list of summaries ($id, altId,
   *       version, title; no bodies) holds 300 per call, so the operator pages it with {@code
   *       orderby=title} and {@code start} (the spec allows {@code start} only with {@code
   *       orderby}) rather than one GET per schema per resync. This is the one kind whose cost
   *       still grows with the sandbox, at one call per 300 schemas. Tenant field groups are listed
   *       the same way, but only when a flow without a recorded field group looks its title up (a
   *       new flow, or adoption after a crash): a field group with a recorded id costs no read in
   *       steady state ({@code FieldGroupStep}).
   *   <li>Data Prep is not listed at all: its only filter is one exact {@code name=}, and mapping
   *       set lists carry whole mapping bodies. A recorded version is read once by id and kept
   *       (versions never change and mapping sets cannot be deleted, platform-api.md 5); an
   *       unrecorded one is looked up by its exact name ({@link BulkRemoteObserver}).
   * </ul>
   */
  ScopeSnapshots(Duration maxAge, LongSupplier nanoTime) {
    this.maxAge = maxAge;
    this.nanoTime = nanoTime;
    String stripeSources = "connectionSpec.id==" + SpecRef.STRIPE_SOURCE.id();
    String dataLakeTargets = "connectionSpec.id==" + SpecRef.DATA_LAKE_TARGET.id();
    String stripeFlows = "flowSpec.id==" + SpecRef.STRIPE_FLOW.id();
    baseConnections = flowService(BaseConnection.KIND, RemoteNames.BASE_CONNECTION, stripeSources);
    sourceConnections =
        flowService(SourceConnection.KIND, RemoteNames.SOURCE_CONNECTION, stripeSources);
    targetConnections =
        flowService(TargetConnection.KIND, RemoteNames.TARGET_CONNECTION, dataLakeTargets);
    flows = flowService(Flow.KIND, RemoteNames.FLOW, stripeFlows);
    datasets =
        new KindSnapshot<>(
            "datasets",
            null,
            (s, token) ->
                s.catalog()
                    .listDatasetsTaggedPage(
                        RemoteNames.DATASET_TAG,
                        RemoteNames.DATASET_TAG_VALUE,
                        CATALOG_PAGE,
                        token),
            maxAge,
            nanoTime);
    schemas = new KindSnapshot<>("schemas", Schema::altId, byTitle(Schema.KIND), maxAge, nanoTime);
    fieldGroups =
        new KindSnapshot<>(
            "field groups", FieldGroup::altId, byTitle(FieldGroup.KIND), maxAge, nanoTime);
    track(BaseConnection.KIND, baseConnections, null, id -> {});
    track(SourceConnection.KIND, sourceConnections, null, id -> {});
    track(TargetConnection.KIND, targetConnections, null, id -> {});
    // A new flow is enabled (platform-api.md 2.6); a deleted flow's remembered runs go with it.
    track(Flow.KIND, flows, Flow::created, runs::remove);
    track(Dataset.KIND, datasets, null, id -> {});
    // A create through the collection answers only the id: its title is looked up again.
    track(Schema.KIND, schemas, (ref, request) -> null, fullSchemas::remove);
    track(FieldGroup.KIND, fieldGroups, (ref, request) -> null, id -> {});
  }

  private <T extends RemoteObject, R> void track(
      RemoteKind<T, R> kind,
      KindSnapshot<T> snapshot,
      BiFunction<EntityRef, R, T> created,
      Consumer<String> deleted) {
    tracking.put(kind, new Tracking<>(snapshot, created, deleted));
  }

  /** How writes of {@code kind} keep its snapshot current; null for a kind without one. */
  @SuppressWarnings("unchecked") // track() pairs each kind with its own types
  <T extends RemoteObject, R> Tracking<T, R> tracking(RemoteKind<T, R> kind) {
    return (Tracking<T, R>) tracking.get(kind);
  }

  /**
   * A Flow Service kind listed by the names and ids its flows ask for (see {@link #byKeys}); a
   * lookup also asks for the names of the {@code suffix} kind the operator's other flows will ask
   * for.
   */
  private <T extends FlowServiceObject> KindSnapshot<T> flowService(
      RemoteKind<T, ?> kind, String suffix, String specFilter) {
    return KindSnapshot.keyed(
        kind.words() + "s",
        byKeys(specFilter, (s, q, t) -> kind.in(s).listPage(q, t)),
        KEY_CHARS,
        () ->
            siblings.get().stream()
                .map(s -> RemoteNames.name(s.namespace(), s.name(), suffix))
                .toList(),
        maxAge,
        nanoTime);
  }

  /**
   * A Schema Registry kind, listed in pages of {@link #SCHEMA_PAGE} ordered by title (the spec
   * allows {@code start} only with {@code orderby}).
   */
  private static <T extends RemoteObject> KindSnapshot.Lister<T> byTitle(RemoteKind<T, ?> kind) {
    return (s, token) ->
        kind.in(s).listPage(ListQuery.all().orderBy("title").limit(SCHEMA_PAGE), token);
  }

  /**
   * A Flow Service kind listed by {@code property=<field>==a,b,...} ANDed with its spec filter, in
   * pages of {@link #FLOW_SERVICE_PAGE} (see {@link #flowServicePages}).
   */
  static <T> KindSnapshot.KeyLister<T> byKeys(String specFilter, FlowServicePage<T> fetch) {
    AtomicInteger size = new AtomicInteger(FLOW_SERVICE_PAGE);
    return (session, field, values, token) -> {
      ListQuery query = ListQuery.where(specFilter, field + "==" + String.join(",", values));
      return flowServicePages(query, fetch, size).page(session, token);
    };
  }

  /** Remembers a complete mapping set version (sharing its rows with the others). */
  void rememberVersion(MappingSet version) {
    // A version written by this process carries the spec's own rows: share them with the other
    // flows' equal rows (read versions share theirs already, see ValuePool).
    mappingVersions.put(
        version.id(),
        new MappingSet(
            version.id(),
            version.version(),
            version.name(),
            ValuePool.schemaRef(version.outputSchema()),
            version.mappings().stream().map(ValuePool::of).toList(),
            version.createdDate(),
            version.modifiedDate()));
  }

  /** One page of a Flow Service list for a query. */
  @FunctionalInterface
  interface FlowServicePage<T> {
    Page<T> page(PlatformSession session, ListQuery query, String token);
  }

  /**
   * Pages of {@link #FLOW_SERVICE_PAGE}; should the service refuse that page size, the listing
   * starts again with {@link #SMALL_PAGE} and keeps to it.
   */
  static <T> KindSnapshot.Lister<T> flowServicePages(ListQuery filter, FlowServicePage<T> fetch) {
    return flowServicePages(filter, fetch, new AtomicInteger(FLOW_SERVICE_PAGE));
  }

  private static <T> KindSnapshot.Lister<T> flowServicePages(
      ListQuery filter, FlowServicePage<T> fetch, AtomicInteger size) {
    return (session, token) -> {
      int n = size.get();
      try {
        return fetch.page(session, filter.limit(n), token);
      } catch (PlatformException e) {
        if (e.httpStatus() != 400 || n <= SMALL_PAGE || token != null) {
          throw e;
        }
        size.set(SMALL_PAGE);
        return fetch.page(session, filter.limit(SMALL_PAGE), null);
      }
    };
  }

  /** Every kind, for counting. */
  List<KindSnapshot<?>> kinds() {
    return tracking.values().stream().<KindSnapshot<?>>map(Tracking::snapshot).toList();
  }

  /**
   * Whether a failed create may still have made the object: the answer was lost (timeout, reset) or
   * the server failed while handling it. A refusal (4xx, 429) created nothing.
   */
  static boolean mayHaveCreated(RuntimeException e) {
    if (e instanceof PlatformException p) {
      return p.isOutcomeUnknown() || p.httpStatus() == 0 || p.httpStatus() >= 500;
    }
    return true;
  }
}

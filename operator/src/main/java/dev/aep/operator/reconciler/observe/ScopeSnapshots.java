package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.TargetConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Everything the operator knows about one org+sandbox, shared by every flow of it: one snapshot
 * per kind (each refreshed by one filtered, paginated list per resync), the mapping set versions
 * and full schemas read so far (a version never changes, so they are read once), and what the
 * newest runs of each flow were when last read.
 */
final class ScopeSnapshots {
  /**
   * Flow Service page size. The documented cap of its search is 1000; large pages keep a sandbox
   * of a thousand flows at one call per kind and resync.
   */
  static final int FLOW_SERVICE_PAGE = 1000;
  /** Page size should the service refuse {@link #FLOW_SERVICE_PAGE}. */
  static final int SMALL_PAGE = 100;
  /** Catalog's largest page. */
  static final int CATALOG_PAGE = 100;
  /** Schema Registry answers at most 300 per call. */
  static final int SCHEMA_PAGE = 300;

  final KindSnapshot<BaseConnection> baseConnections;
  final KindSnapshot<SourceConnection> sourceConnections;
  final KindSnapshot<TargetConnection> targetConnections;
  final KindSnapshot<Flow> flows;
  final KindSnapshot<Dataset> datasets;
  /** Summaries ($id, altId, version, title) as listed, or full schemas learnt by id. */
  final KindSnapshot<Schema> schemas;
  /** Each mapping set at its newest version as listed. */
  final KindSnapshot<MappingSet> mappingSets;
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

  private final Canonical canonical = new Canonical();

  ScopeSnapshots(Duration maxAge, LongSupplier nanoTime) {
    ListQuery stripeSources = ListQuery.where("connectionSpec.id==" + SpecRef.STRIPE_SOURCE.id());
    ListQuery dataLakeTargets =
        ListQuery.where("connectionSpec.id==" + SpecRef.DATA_LAKE_TARGET.id());
    ListQuery stripeFlows = ListQuery.where("flowSpec.id==" + SpecRef.STRIPE_FLOW.id());
    baseConnections = new KindSnapshot<>("base connections", BaseConnection::id,
        BaseConnection::name, null, canonical::baseConnection,
        flowServicePages(stripeSources, (s, q, t) -> s.flowService().listBaseConnectionsPage(q, t)),
        maxAge, nanoTime);
    sourceConnections = new KindSnapshot<>("source connections", SourceConnection::id,
        SourceConnection::name, null, canonical::sourceConnection,
        flowServicePages(stripeSources,
            (s, q, t) -> s.flowService().listSourceConnectionsPage(q, t)),
        maxAge, nanoTime);
    targetConnections = new KindSnapshot<>("target connections", TargetConnection::id,
        TargetConnection::name, null, canonical::targetConnection,
        flowServicePages(dataLakeTargets,
            (s, q, t) -> s.flowService().listTargetConnectionsPage(q, t)),
        maxAge, nanoTime);
    flows = new KindSnapshot<>("flows", Flow::id, Flow::name, null, canonical::flow,
        flowServicePages(stripeFlows, (s, q, t) -> s.flowService().listFlowsPage(q, t)),
        maxAge, nanoTime);
    datasets = new KindSnapshot<>("datasets", Dataset::id, Dataset::name, null,
        canonical::dataset,
        (s, token) -> s.catalog().listDatasetsPage(ListQuery.all().limit(CATALOG_PAGE), token),
        maxAge, nanoTime);
    schemas = new KindSnapshot<>("schemas", Schema::id, Schema::title, Schema::altId,
        canonical::schema,
        (s, token) -> s.schemaRegistry().listSchemasPage(ListQuery.all().limit(SCHEMA_PAGE),
            token),
        maxAge, nanoTime);
    mappingSets = new KindSnapshot<>("mapping sets", MappingSet::id, MappingSet::name, null,
        canonical::mappingSet,
        (s, token) -> s.dataPrep().listMappingSetsPage(null, token), maxAge, nanoTime);
  }

  /** Remembers a complete mapping set version (sharing its rows with the others). */
  void rememberVersion(MappingSet version) {
    mappingVersions.put(version.id(), canonical.mappingSet(version));
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
    AtomicInteger size = new AtomicInteger(FLOW_SERVICE_PAGE);
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
    return List.of(baseConnections, sourceConnections, targetConnections, flows, datasets,
        schemas, mappingSets);
  }

  /**
   * Whether a failed create may still have made the object: the answer was lost (timeout, reset)
   * or the server failed while handling it. A refusal (4xx, 429) created nothing.
   */
  static boolean mayHaveCreated(RuntimeException e) {
    if (e instanceof PlatformException p) {
      return p.isOutcomeUnknown() || p.httpStatus() == 0 || p.httpStatus() >= 500;
    }
    return true;
  }
}

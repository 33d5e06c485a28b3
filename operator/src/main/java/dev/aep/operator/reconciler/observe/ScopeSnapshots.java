package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.TargetConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  ScopeSnapshots(Duration maxAge, LongSupplier nanoTime) {
    ListQuery stripeSources = ListQuery.where("connectionSpec.id==" + SpecRef.STRIPE_SOURCE.id())
        .limit(FLOW_SERVICE_PAGE);
    ListQuery dataLakeTargets =
        ListQuery.where("connectionSpec.id==" + SpecRef.DATA_LAKE_TARGET.id())
            .limit(FLOW_SERVICE_PAGE);
    ListQuery stripeFlows = ListQuery.where("flowSpec.id==" + SpecRef.STRIPE_FLOW.id())
        .limit(FLOW_SERVICE_PAGE);
    baseConnections = new KindSnapshot<>("base connections", BaseConnection::id,
        BaseConnection::name, null,
        (s, token) -> s.flowService().listBaseConnectionsPage(stripeSources, token),
        maxAge, nanoTime);
    sourceConnections = new KindSnapshot<>("source connections", SourceConnection::id,
        SourceConnection::name, null,
        (s, token) -> s.flowService().listSourceConnectionsPage(stripeSources, token),
        maxAge, nanoTime);
    targetConnections = new KindSnapshot<>("target connections", TargetConnection::id,
        TargetConnection::name, null,
        (s, token) -> s.flowService().listTargetConnectionsPage(dataLakeTargets, token),
        maxAge, nanoTime);
    flows = new KindSnapshot<>("flows", Flow::id, Flow::name, null,
        (s, token) -> s.flowService().listFlowsPage(stripeFlows, token), maxAge, nanoTime);
    datasets = new KindSnapshot<>("datasets", Dataset::id, Dataset::name, null,
        (s, token) -> s.catalog().listDatasetsPage(ListQuery.all().limit(CATALOG_PAGE), token),
        maxAge, nanoTime);
    schemas = new KindSnapshot<>("schemas", Schema::id, Schema::title, Schema::altId,
        (s, token) -> s.schemaRegistry().listSchemasPage(ListQuery.all().limit(SCHEMA_PAGE),
            token),
        maxAge, nanoTime);
    mappingSets = new KindSnapshot<>("mapping sets", MappingSet::id, MappingSet::name, null,
        (s, token) -> s.dataPrep().listMappingSetsPage(null, token), maxAge, nanoTime);
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

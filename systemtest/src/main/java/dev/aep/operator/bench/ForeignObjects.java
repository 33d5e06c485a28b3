package dev.aep.operator.bench;

import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.SchemaRegistryClient;
import dev.aep.operator.platform.SchemaRequest;
import dev.aep.operator.platform.SourceConnectionRequest;
import dev.aep.operator.platform.TargetConnectionRequest;
import dev.aep.operator.platform.Transformation;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.testing.Flows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Other teams' objects in the bench sandbox (BENCH_FOREIGN_OBJECTS), made through the Platform API
 * as any other client would make them: names and titles without the operator's prefix, descriptions
 * without its ownership marker, datasets without its tag. Spread over the kinds a busy sandbox
 * holds: schemas, datasets, mapping sets of {@value #MAPPINGS} mappings each, and Stripe base
 * connections, source connections, target connections and flows (Stripe ones, so that the
 * operator's own spec filters do not already leave them out).
 */
final class ForeignObjects {
  /** Mappings per foreign mapping set: list pages of mapping sets carry them all. */
  static final int MAPPINGS = 20;

  private static final String CLASS_ID = "https://ns.adobe.com/xdm/context/experienceevent";

  private ForeignObjects() {}

  /**
   * Makes about {@code count} objects: {@code count / 8} "foreign flows" of eight objects each
   * (schema, dataset, mapping set, base, source and target connection, flow, plus the schema's
   * field group), and returns how many were made by kind.
   */
  static Map<String, Integer> load(BenchStack stack, int count, int threads) throws Exception {
    Map<String, AtomicInteger> made = new LinkedHashMap<>();
    for (String kind :
        List.of(
            "schema",
            "fieldGroup",
            "dataset",
            "mappingSet",
            "baseConnection",
            "sourceConnection",
            "targetConnection",
            "flow")) {
      made.put(kind, new AtomicInteger());
    }
    int sets = (count + 7) / 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (HttpPlatform platform = stack.loaderPlatform()) {
      PlatformSession session = platform.session(Flows.account(), BenchStack.SANDBOX);
      String tenant = "_" + session.schemaRegistry().tenantId();
      List<Future<?>> work = new ArrayList<>();
      AtomicInteger done = new AtomicInteger();
      for (int i = 0; i < sets; i++) {
        int n = i;
        work.add(
            pool.submit(
                () -> {
                  one(session, tenant, n, made);
                  if (done.incrementAndGet() % 500 == 0) {
                    System.out.printf("  foreign: %d/%d sets of objects%n", done.get(), sets);
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get(1, TimeUnit.HOURS);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Integer> result = new LinkedHashMap<>();
    made.forEach((k, v) -> result.put(k, v.get()));
    return result;
  }

  private static void one(
      PlatformSession session, String tenant, int n, Map<String, AtomicInteger> made) {
    String team = "team-" + (n % 37) + " object " + n;
    SchemaRegistryClient registry = session.schemaRegistry();
    FlowServiceClient flows = session.flowService();
    Map<String, String> fields = new LinkedHashMap<>();
    List<Mapping> mappings = new ArrayList<>();
    for (int f = 0; f < MAPPINGS; f++) {
      String path = tenant + ".other" + n + ".field" + f;
      fields.put(path, "string");
      mappings.add(new Mapping("ATTRIBUTE", "data.field" + f, path));
    }
    FieldGroupRequest groupRequest =
        new FieldGroupRequest(team + " fields", "another team's", CLASS_ID, fields);
    FieldGroup group = counted(made, "fieldGroup", registry.createFieldGroup(groupRequest));
    SchemaRequest schemaRequest =
        new SchemaRequest(team + " schema", "another team's", CLASS_ID, List.of(group.id()));
    Schema schema = counted(made, "schema", registry.createSchema(schemaRequest));
    Map<String, List<String>> tags = Map.of("team", List.of("other"));
    DatasetRequest datasetRequest =
        new DatasetRequest(
            team + " dataset", "another team's", SchemaRef.forDataset(schema.id()), tags);
    String dataset = counted(made, "dataset", session.catalog().createDataset(datasetRequest));
    MappingSetRequest mappingRequest =
        new MappingSetRequest(team + " mapping", SchemaRef.forMapping(schema.id()), mappings);
    MappingSetVersion mapping =
        counted(made, "mappingSet", session.dataPrep().createMappingSet(mappingRequest));
    BaseConnectionRequest baseRequest =
        BaseConnectionRequest.stripe(team + " base", "another team's", "sk_test_other");
    EntityRef base = counted(made, "baseConnection", flows.baseConnections().create(baseRequest));
    SourceConnectionRequest sourceRequest =
        SourceConnectionRequest.stripe(team + " source", "another team's", base.id(), "charges");
    EntityRef source =
        counted(made, "sourceConnection", flows.sourceConnections().create(sourceRequest));
    TargetConnectionRequest targetRequest =
        TargetConnectionRequest.dataLake(
            team + " target", "another team's", schema.id(), schema.version(), dataset);
    EntityRef target =
        counted(made, "targetConnection", flows.targetConnections().create(targetRequest));
    long start = Instant.now().plusSeconds(30L * 24 * 3600).getEpochSecond();
    FlowRequest flowRequest =
        FlowRequest.stripe(
            team + " flow",
            "another team's",
            source.id(),
            target.id(),
            new Transformation("Mapping", mapping.id(), mapping.version()),
            new ScheduleParams("hour", 1, start, null));
    counted(made, "flow", flows.flows().create(flowRequest));
  }

  /** Counts one object of {@code kind} made; returns what its create answered. */
  private static <T> T counted(Map<String, AtomicInteger> made, String kind, T created) {
    made.get(kind).incrementAndGet();
    return created;
  }
}

package dev.aep.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.dataprep.EvalContext;
import dev.aep.simulator.dataprep.MappingSet;
import dev.aep.simulator.dataprep.RowCheck;
import dev.aep.simulator.http.Caller;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import dev.aep.simulator.stripe.StripeRecords;
import dev.aep.simulator.xdm.SchemaResolver;
import dev.aep.simulator.xdm.XdmField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run ingests (platform-api.md 11, 15): the run's Stripe records (deterministic from flow
 * id and run number), mapped by the flow's mapping set version, each row checked against the target
 * schema. Failed rows are counted and their distinct errors kept; good rows are written.
 */
final class RunIngest {
  /** Distinct errors a run reports, in order of first occurrence. */
  static final int MAX_ERRORS = 5;

  /** The outcome; fatal is a run-level error that stopped the run before any record. */
  record Result(
      long input,
      long output,
      long failed,
      long warnings,
      List<ObjectNode> errors,
      List<ObjectNode> rows,
      String datasetId,
      String fatal) {}

  private final Store store;
  private final SchemaResolver schemas;

  RunIngest(Store store, SchemaResolver schemas) {
    this.store = store;
    this.schemas = schemas;
  }

  /**
   * Records a run reads: 20 to 120, fixed per flow and run number (cheap enough for 1000 flows).
   */
  static int recordCount(String flowId, int runNumber) {
    return 20 + seed(flowId, runNumber) % 101;
  }

  static int seed(String flowId, int runNumber) {
    return (flowId + "#" + runNumber).hashCode() & 0x7fffffff;
  }

  Result ingest(Entity flow, int runNumber, long at) {
    JsonNode doc = flow.doc();
    Caller scope = flow.scope();
    Entity source =
        store
            .find(Kind.SOURCE_CONNECTION, doc.path("sourceConnectionIds").path(0).asText(), scope)
            .orElse(null);
    Entity target =
        store
            .find(Kind.TARGET_CONNECTION, doc.path("targetConnectionIds").path(0).asText(), scope)
            .orElse(null);
    JsonNode params = doc.path("transformations").path(0).path("params");
    Entity mapping =
        store.find(Kind.MAPPING_SET, params.path("mappingId").asText(), scope).orElse(null);
    int version = params.path("mappingVersion").asInt(0);
    if (source == null
        || target == null
        || mapping == null
        || version >= mapping.versions().size()) {
      return fatal(
          "the flow's source connection, target connection or mapping set no longer exists");
    }
    String datasetId = Json.text(target.doc().path("params"), "dataSetId");
    String schemaId = Json.text(target.doc().path("data").path("schema"), "id");
    Entity schema = schemas.schema(schemaId, scope).orElse(null);
    if (schema == null) {
      return fatal("the target schema " + schemaId + " no longer exists");
    }
    Map<String, XdmField> fields = schemas.fields(schema);
    MappingSet set;
    try {
      set = MappingSet.compile(mapping.versions().get(version).get("mappings"), fields);
    } catch (IllegalArgumentException e) {
      return fatal("the mapping set no longer fits the target schema: " + e.getMessage());
    }
    String resourcePath = Json.text(source.doc().path("params"), "resourcePath");
    int n = recordCount(flow.id(), runNumber);
    int seed = seed(flow.id(), runNumber);
    Instant now = Instant.ofEpochMilli(at);
    Map<String, long[]> errorCounts = new LinkedHashMap<>();
    List<ObjectNode> rows = new ArrayList<>();
    long failed = 0;
    long warnings = 0;
    for (int i = 0; i < n; i++) {
      MappingSet.Mapped mapped =
          set.apply(new EvalContext(StripeRecords.record(resourcePath, seed, i), now));
      List<RowCheck.Failure> failures = RowCheck.check(mapped, fields);
      if (failures.isEmpty()) {
        rows.add(mapped.row());
        warnings += mapped.errors().isEmpty() ? 0 : 1;
      } else {
        failed++;
        for (RowCheck.Failure f : failures) {
          errorCounts.computeIfAbsent(f.code() + "\n" + f.message(), k -> new long[1])[0]++;
        }
      }
    }
    List<ObjectNode> errors = new ArrayList<>();
    for (Map.Entry<String, long[]> e : errorCounts.entrySet()) {
      if (errors.size() == MAX_ERRORS) {
        break;
      }
      String[] codeAndMessage = e.getKey().split("\n", 2);
      errors.add(
          Json.obj()
              .put("code", codeAndMessage[0])
              .put("message", codeAndMessage[1])
              .put("recordCount", e.getValue()[0]));
    }
    return new Result(n, n - failed, failed, warnings, errors, rows, datasetId, null);
  }

  /** A run stopped before any record, for {@code why}. */
  static Result fatal(String why) {
    return new Result(0, 0, 0, 0, List.of(), List.of(), null, why);
  }
}

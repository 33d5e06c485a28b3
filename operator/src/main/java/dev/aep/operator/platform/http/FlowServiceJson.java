package dev.aep.operator.platform.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowOptions;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.LastRunDetails;
import dev.aep.operator.platform.RunError;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SourceConnectionRequest;
import dev.aep.operator.platform.SourceSchema;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.TargetConnectionRequest;
import dev.aep.operator.platform.Transformation;
import dev.aep.operator.platform.ValuePool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire format of Flow Service objects: request bodies out, lenient records in. */
final class FlowServiceJson {

  private final ObjectMapper mapper;

  FlowServiceJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  // --- requests ---

  ObjectNode baseConnection(BaseConnectionRequest r) {
    ObjectNode n = named(r.name(), r.description());
    ObjectNode auth = n.putObject("auth");
    auth.put("specName", r.authSpecName());
    auth.set("params", mapper.valueToTree(r.authParams()));
    n.set("connectionSpec", spec(r.connectionSpec()));
    return n;
  }

  ObjectNode sourceConnection(SourceConnectionRequest r) {
    ObjectNode n = named(r.name(), r.description());
    n.put("baseConnectionId", r.baseConnectionId());
    n.set("connectionSpec", spec(r.connectionSpec()));
    n.putObject("data").put("format", r.dataFormat());
    n.set("params", mapper.valueToTree(r.params()));
    return n;
  }

  ObjectNode targetConnection(TargetConnectionRequest r) {
    ObjectNode n = named(r.name(), r.description());
    n.set("connectionSpec", spec(r.connectionSpec()));
    ObjectNode data = n.putObject("data");
    data.put("format", r.dataFormat());
    if (r.schemaId() != null) {
      ObjectNode schema = data.putObject("schema");
      schema.put("id", r.schemaId());
      schema.put("version", r.schemaVersion());
    }
    n.set("params", mapper.valueToTree(r.params()));
    return n;
  }

  ObjectNode flow(FlowRequest r) {
    ObjectNode n = named(r.name(), r.description());
    n.set("flowSpec", spec(r.flowSpec()));
    n.set("sourceConnectionIds", mapper.valueToTree(r.sourceConnectionIds()));
    n.set("targetConnectionIds", mapper.valueToTree(r.targetConnectionIds()));
    ArrayNode transformations = n.putArray("transformations");
    r.transformations().forEach(t -> transformations.add(transformation(t)));
    if (r.scheduleParams() != null) {
      n.set("scheduleParams", schedule(r.scheduleParams()));
    }
    return n;
  }

  ObjectNode transformation(Transformation t) {
    ObjectNode n = mapper.createObjectNode();
    n.put("name", t.name());
    ObjectNode params = n.putObject("params");
    params.put("mappingId", t.mappingId());
    if (t.mappingVersion() != null) {
      params.put("mappingVersion", t.mappingVersion());
    }
    return n;
  }

  ObjectNode schedule(ScheduleParams s) {
    ObjectNode n = mapper.createObjectNode();
    // The documented create request sends startTime as a string of epoch seconds.
    if (s.startTime() != null) {
      n.put("startTime", Long.toString(s.startTime()));
    }
    n.put("frequency", s.frequency());
    if (s.interval() != null) {
      n.put("interval", s.interval());
    }
    if (s.backfill() != null) {
      n.put("backfill", s.backfill());
    }
    return n;
  }

  /** A JSON Patch array; record values are written in their wire form. */
  ArrayNode patch(List<JsonPatchOp> ops) {
    if (ops == null || ops.isEmpty()) {
      throw new IllegalArgumentException("a PATCH needs at least one operation");
    }
    ArrayNode array = mapper.createArrayNode();
    for (JsonPatchOp op : ops) {
      ObjectNode n = array.addObject();
      n.put("op", op.op().wireName());
      n.put("path", op.path());
      if (op.op() != JsonPatchOp.Op.REMOVE) {
        n.set("value", value(op.value()));
      }
    }
    return array;
  }

  /** String values of a patch that may hold credentials, for masking in error messages. */
  static List<String> sensitiveValues(List<JsonPatchOp> ops) {
    List<String> out = new ArrayList<>();
    for (JsonPatchOp op : ops) {
      if (op.isSensitive()) {
        collectStrings(op.value(), out);
      }
    }
    return out;
  }

  private static void collectStrings(Object value, List<String> out) {
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectStrings(v, out));
    } else if (value instanceof Iterable<?> it) {
      it.forEach(v -> collectStrings(v, out));
    }
  }

  private JsonNode value(Object value) {
    if (value instanceof Transformation t) {
      return transformation(t);
    }
    if (value instanceof ScheduleParams s) {
      return schedule(s);
    }
    if (value instanceof SpecRef s) {
      return spec(s);
    }
    return mapper.valueToTree(value);
  }

  private ObjectNode named(String name, String description) {
    ObjectNode n = mapper.createObjectNode();
    n.put("name", name);
    if (description != null) {
      n.put("description", description);
    }
    return n;
  }

  private ObjectNode spec(SpecRef s) {
    ObjectNode n = mapper.createObjectNode();
    n.put("id", s.id());
    if (s.version() != null) {
      n.put("version", s.version());
    }
    return n;
  }

  // --- answers ---

  static SpecRef specRef(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    return ValuePool.of(new SpecRef(LenientJson.text(n, "id"), LenientJson.text(n, "version")));
  }

  static String etag(JsonNode n) {
    String etag = LenientJson.text(n, "etag");
    return etag != null ? etag : LenientJson.text(n, "version");
  }

  static BaseConnection baseConnection(JsonNode n) {
    return new BaseConnection(
        LenientJson.text(n, "id"),
        etag(n),
        LenientJson.text(n, "name"),
        LenientJson.text(n, "description"),
        ValuePool.of(LenientJson.text(n, "state")),
        specRef(n.path("connectionSpec")),
        ValuePool.of(LenientJson.text(n, "auth", "specName")),
        LenientJson.longValue(n, "createdAt"),
        LenientJson.longValue(n, "updatedAt"));
  }

  static SourceConnection sourceConnection(JsonNode n) {
    return new SourceConnection(
        LenientJson.text(n, "id"),
        etag(n),
        LenientJson.text(n, "name"),
        LenientJson.text(n, "description"),
        ValuePool.of(LenientJson.text(n, "state")),
        LenientJson.text(n, "baseConnectionId"),
        specRef(n.path("connectionSpec")),
        ValuePool.of(LenientJson.text(n, "data", "format")),
        ValuePool.of(Map.copyOf(LenientJson.textMap(n.path("params")))));
  }

  static TargetConnection targetConnection(JsonNode n) {
    return new TargetConnection(
        LenientJson.text(n, "id"),
        etag(n),
        LenientJson.text(n, "name"),
        LenientJson.text(n, "description"),
        ValuePool.of(LenientJson.text(n, "state")),
        specRef(n.path("connectionSpec")),
        ValuePool.of(LenientJson.text(n, "data", "format")),
        LenientJson.text(n, "data", "schema", "id"),
        ValuePool.of(LenientJson.text(n, "data", "schema", "version")),
        LenientJson.textMap(n.path("params")));
  }

  static Flow flow(JsonNode n) {
    List<Transformation> transformations = new ArrayList<>();
    for (JsonNode t : LenientJson.elements(n.path("transformations"))) {
      transformations.add(
          new Transformation(
              LenientJson.text(t, "name"),
              LenientJson.text(t, "params", "mappingId"),
              LenientJson.intValue(t, "params", "mappingVersion")));
    }
    JsonNode s = n.path("scheduleParams");
    ScheduleParams schedule =
        s.isObject()
            // Not pooled whole: the start time differs from flow to flow, so each schedule would
            // take a pool slot for nothing; its frequency is shared.
            ? new ScheduleParams(
                ValuePool.of(LenientJson.text(s, "frequency")),
                LenientJson.intValue(s, "interval"),
                LenientJson.longValue(s, "startTime"),
                LenientJson.bool(s, "backfill"))
            : null;
    JsonNode last = n.path("lastRunDetails");
    LastRunDetails lastRun =
        last.isObject()
            ? new LastRunDetails(
                LenientJson.text(last, "id"),
                LenientJson.text(last, "state"),
                LenientJson.epochMillis(last, "startedAtUTC"),
                LenientJson.epochMillis(last, "completedAtUTC"))
            : null;
    return new Flow(
        LenientJson.text(n, "id"),
        etag(n),
        LenientJson.text(n, "name"),
        LenientJson.text(n, "description"),
        ValuePool.of(LenientJson.text(n, "state")),
        specRef(n.path("flowSpec")),
        LenientJson.textList(n.path("sourceConnectionIds")),
        LenientJson.textList(n.path("targetConnectionIds")),
        transformations,
        schedule,
        lastRun,
        LenientJson.longValue(n, "createdAt"),
        LenientJson.longValue(n, "updatedAt"),
        options(n.path("options")));
  }

  /**
   * The docs read partialIngestionPercent back as a number after sending a string (platform-api.md
   * 15).
   */
  private static FlowOptions options(JsonNode o) {
    if (!o.isObject()) {
      return null;
    }
    return new FlowOptions(
        LenientJson.intValue(o, "partialIngestionPercent"),
        LenientJson.bool(o, "errorDiagnosticsEnabled"));
  }

  static FlowRun run(JsonNode n) {
    JsonNode metrics = n.path("metrics");
    JsonNode status = metrics.path("statusSummary");
    List<RunError> errors = new ArrayList<>();
    for (JsonNode e : LenientJson.elements(status.path("errors"))) {
      errors.add(
          new RunError(
              LenientJson.text(e, "code"),
              LenientJson.text(e, "message"),
              LenientJson.longValue(e, "recordCount")));
    }
    String state = LenientJson.text(status, "status");
    if (state == null) {
      state = LenientJson.text(n, "state");
    }
    return new FlowRun(
        LenientJson.text(n, "id"),
        LenientJson.text(n, "flowId"),
        LenientJson.epochMillis(n, "createdAt"),
        state,
        LenientJson.epochMillis(metrics, "durationSummary", "startedAtUTC"),
        LenientJson.epochMillis(metrics, "durationSummary", "completedAtUTC"),
        LenientJson.longValue(metrics, "recordSummary", "inputRecordCount"),
        LenientJson.longValue(metrics, "recordSummary", "outputRecordCount"),
        LenientJson.longValue(metrics, "recordSummary", "failedRecordCount"),
        errors);
  }

  // --- explore ---

  /**
   * A REST explore answer: the field paths of {@code schema} and the sample records of {@code data}
   * (platform-api.md 13).
   */
  SourceSchema sourceSchema(JsonNode body) {
    Map<String, String> fields = new LinkedHashMap<>();
    sourceFields(LenientJson.at(body, "schema"), "", true, fields);
    List<Map<String, Object>> samples = new ArrayList<>();
    for (JsonNode record : LenientJson.elements(LenientJson.at(body, "data"))) {
      if (record.isObject()) {
        samples.add(
            mapper.convertValue(record, new TypeReference<LinkedHashMap<String, Object>>() {}));
      }
    }
    return new SourceSchema(fields, samples);
  }

  /**
   * Every property below {@code node}, parents before their children. A root property that is an
   * array (the {@code data} wrapper as some answers give it) is looked through to its items'
   * fields; deeper arrays are listed as {@code array} only, since Data Prep reaches inside them
   * with {@code [*]} or {@code [n]}, not with a plain dot path.
   */
  private static void sourceFields(
      JsonNode node, String prefix, boolean root, Map<String, String> out) {
    LenientJson.properties(
        node,
        prefix,
        (name, path, field) -> {
          out.put(path, jsonType(field));
          boolean itemsOnly =
              root && !field.path("properties").isObject() && field.path("items").isObject();
          sourceFields(itemsOnly ? field.path("items") : field, path, false, out);
        });
  }

  /** The JSON type of a schema node; the first non-null of a type list; "" when untyped. */
  private static String jsonType(JsonNode field) {
    JsonNode type = field.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.isTextual() && !t.asText().equals("null")) {
          return t.asText();
        }
      }
      return "";
    }
    String text = LenientJson.text(type);
    return text == null ? "" : text;
  }
}

package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.DataPrepClient;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingCheck;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PreviewRow;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.ValuePool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Data Prep mapping sets over HTTP: 200 creates, versioned reads, PUT for a new version, and the
 * validate and preview checks that store nothing.
 */
final class HttpDataPrepClient implements DataPrepClient {

  static final String SERVICE = "conversion";
  static final int PAGE_SIZE = 100;

  private final PlatformCaller caller;
  private final HttpCollection<MappingSet, MappingSetRequest> mappingSets;
  private final RemoteKind.Collections collections;

  HttpDataPrepClient(PlatformCaller caller, HttpUrl platformBase) {
    this.caller = caller;
    this.mappingSets =
        HttpCollection.Service.at(caller, new Wire(), platformBase, "data/foundation/conversion")
            .collection(
                HttpCollection.Kind.of(
                    "mappingSets", MappingSet.KIND, HttpDataPrepClient::mappingSet, this::body));
    this.collections = new RemoteKind.Collections().with(MappingSet.KIND, mappingSets);
  }

  @Override
  public List<MappingCheck> validateMappingSet(MappingSetRequest request) {
    JsonNode body =
        caller
            .execute(
                PlatformCaller.Call.builder(
                        SERVICE, "validateMappingSet", "POST", action("validate"))
                    .json(body(request))
                    // Validation stores nothing: sending it again is harmless.
                    .idempotent(true)
                    .build())
            .body();
    List<MappingCheck> checks = new ArrayList<>();
    List<JsonNode> entries = LenientJson.elements(LenientJson.at(body, "validationResponse"));
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      List<String> errors = errorMessages(entry.path("errors"));
      String status = LenientJson.text(entry, "status");
      // [INF] Only SUCCESS and FAILED are documented; without a status the errors decide.
      boolean ok = status == null ? errors.isEmpty() : status.equalsIgnoreCase("SUCCESS");
      checks.add(new MappingCheck(i, ok, errors));
    }
    return checks;
  }

  @Override
  public List<PreviewRow> previewMappingSet(
      MappingSetRequest request, List<Map<String, Object>> samples) {
    ObjectNode body = caller.mapper().createObjectNode();
    body.set("data", caller.mapper().valueToTree(samples == null ? List.of() : samples));
    body.set("mappingSet", body(request));
    // The records are customer data: an error answer that quotes them is masked like a secret.
    Set<String> values = new LinkedHashSet<>();
    collectScalars(samples, values);
    PlatformCaller.Call.Builder call =
        PlatformCaller.Call.builder(SERVICE, "previewMappingSet", "POST", action("preview"))
            .json(body)
            .idempotent(true);
    values.forEach(call::secret);
    JsonNode answer = caller.execute(call.build()).body();
    Redactor redactor = new Redactor(values);
    // The spec types the answer as one object; the docs show an array with one row per record.
    List<JsonNode> rows =
        answer != null && answer.isObject() ? List.of(answer) : LenientJson.elements(answer);
    List<PreviewRow> out = new ArrayList<>();
    for (JsonNode row : rows) {
      Set<String> filled = new LinkedHashSet<>();
      filledLeaves(row.path("data"), "", filled);
      List<String> errors =
          errorMessages(row.path("errors")).stream().map(redactor::redact).toList();
      out.add(new PreviewRow(filled, errors));
    }
    return out;
  }

  /** Dot paths of the leaves holding a non-null value; arrays count as leaves. */
  static void filledLeaves(JsonNode node, String prefix, Set<String> out) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      node.properties()
          .forEach(
              e ->
                  filledLeaves(
                      e.getValue(),
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      out));
    } else if (!prefix.isEmpty()) {
      out.add(prefix);
    }
  }

  /**
   * The Platform's messages from an {@code errors} array of {@code TransformErrorInfo}: the {@code
   * exception} text, or which mapping failed when there is none.
   */
  static List<String> errorMessages(JsonNode errors) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : LenientJson.elements(errors)) {
      String text = LenientJson.text(e);
      if (text == null) {
        text = LenientJson.text(e, "exception");
      }
      if (text == null) {
        String destination = LenientJson.text(e, "destination");
        text =
            "the mapping "
                + (destination == null ? "" : "to " + destination + " ")
                + "was refused without a message";
      }
      out.add(text);
    }
    return out;
  }

  private static void collectScalars(Object value, Set<String> out) {
    if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectScalars(v, out));
    } else if (value instanceof Collection<?> c) {
      c.forEach(v -> collectScalars(v, out));
    } else if (value != null && !(value instanceof Boolean)) {
      out.add(String.valueOf(value));
    }
  }

  private HttpUrl action(String name) {
    return mappingSets.url().addPathSegment(name).build();
  }

  @Override
  public MappingSetVersion createMappingSet(MappingSetRequest request) {
    JsonNode body = mappingSets.post(request);
    Integer version = LenientJson.intValue(body, "version");
    return new MappingSetVersion(LenientJson.text(body, "id"), version == null ? 0 : version);
  }

  @Override
  public <T extends RemoteObject, R> RemoteCollection<T, R> collection(RemoteKind<T, R> kind) {
    return collections.of(kind);
  }

  @Override
  public Optional<MappingSet> getMappingSet(String id, int version) {
    HttpUrl url =
        mappingSets
            .byId(id)
            .newBuilder()
            .addQueryParameter("version", Integer.toString(version))
            .build();
    return mappingSets.read(url, id);
  }

  @Override
  public MappingSet updateMappingSet(String id, MappingSetRequest request) {
    MappingSet updated = mappingSet(mappingSets.put(id, request, "update"));
    ChangeLog.record(caller, "updated mapping set " + id + " to version " + updated.version());
    return updated.id() == null
        ? new MappingSet(
            id,
            updated.version(),
            updated.name(),
            updated.outputSchema(),
            updated.mappings(),
            updated.createdDate(),
            updated.modifiedDate())
        : updated;
  }

  private ObjectNode body(MappingSetRequest request) {
    ObjectNode body = caller.mapper().createObjectNode();
    if (request.name() != null) {
      body.put("name", request.name());
    }
    SchemaRef out = Objects.requireNonNull(request.outputSchema(), "outputSchema");
    ObjectNode schemaRef = body.putObject("outputSchema").putObject("schemaRef");
    schemaRef.put("id", out.id());
    schemaRef.put("contentType", out.contentType());
    ArrayNode mappings = body.putArray("mappings");
    for (Mapping m : request.mappings()) {
      ObjectNode n = mappings.addObject();
      n.put("sourceType", m.sourceType() == null ? Mapping.ATTRIBUTE : m.sourceType());
      n.put("source", m.source());
      n.put("destination", m.destination());
    }
    return body;
  }

  static MappingSet mappingSet(JsonNode n) {
    JsonNode ref = LenientJson.at(n, "outputSchema", "schemaRef");
    if (!ref.isObject()) {
      ref = LenientJson.at(n, "schemaRef");
    }
    SchemaRef schemaRef =
        ref.isObject()
            ? new SchemaRef(
                LenientJson.text(ref, "id"), ValuePool.of(LenientJson.text(ref, "contentType")))
            : null;
    if (schemaRef == null && LenientJson.text(n, "xdmSchema") != null) {
      schemaRef = new SchemaRef(LenientJson.text(n, "xdmSchema"), null);
    }
    List<Mapping> mappings = new ArrayList<>();
    for (JsonNode m : LenientJson.elements(LenientJson.at(n, "mappings"))) {
      String source = LenientJson.text(m, "source");
      String destination = LenientJson.text(m, "destination");
      mappings.add(
          ValuePool.of(
              new Mapping(
                  sourceType(LenientJson.text(m, "sourceType")),
                  source != null ? source : LenientJson.text(m, "sourceAttribute"),
                  destination != null ? destination : LenientJson.text(m, "destinationXdmPath"))));
    }
    Integer version = LenientJson.intValue(n, "version");
    return new MappingSet(
        LenientJson.text(n, "id"),
        version == null ? 0 : version,
        LenientJson.text(n, "name"),
        schemaRef,
        mappings,
        LenientJson.longValue(n, "createdDate"),
        LenientJson.longValue(n, "modifiedDate"));
  }

  /** Read answers report attribute mappings as {@code text/x.schema-path}. */
  static String sourceType(String wire) {
    if (wire == null) {
      return Mapping.ATTRIBUTE;
    }
    String lower = wire.toLowerCase(Locale.ROOT);
    if (lower.contains("schema-path") || lower.equals("attribute")) {
      return Mapping.ATTRIBUTE;
    }
    if (lower.contains("aep-xl") || lower.equals("expression")) {
      return Mapping.EXPRESSION;
    }
    return wire.toUpperCase(Locale.ROOT);
  }

  /**
   * Data Prep's answers: bare objects, lists as an array (or {@code data}), offsets for pages, and
   * a filter by plain parameters ({@code name=}) rather than {@code property=}.
   */
  private static final class Wire extends HttpCollection.Wire {
    Wire() {
      super(SERVICE);
    }

    @Override
    String createdId(JsonNode body) {
      return LenientJson.text(body, "id");
    }

    @Override
    Page<JsonNode> page(
        HttpUrl.Builder url, ListQuery q, String token, Function<HttpUrl, JsonNode> fetch) {
      int start = Paging.offset(token, "Data Prep");
      // limit and start are both required by the service.
      url.addQueryParameter("limit", Integer.toString(PAGE_SIZE))
          .addQueryParameter("start", Integer.toString(start));
      for (String property : q.properties()) {
        String[] nameAndValue = property.split("==", 2);
        url.addQueryParameter(nameAndValue[0], nameAndValue[1]);
      }
      JsonNode body = fetch.apply(url.build());
      JsonNode data = body != null && body.isArray() ? body : LenientJson.at(body, "data");
      List<JsonNode> items = LenientJson.elements(data);
      return new Page<>(items, Paging.nextOffset(start, items.size(), PAGE_SIZE));
    }

    @Override
    Optional<JsonNode> single(JsonNode body, String id) {
      return body == null || !body.isObject() ? Optional.empty() : Optional.of(body);
    }
  }
}

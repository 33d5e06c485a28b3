package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.DataPrepClient;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.SchemaRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Data Prep mapping sets over HTTP: 200 creates, versioned reads, PUT for a new version. */
final class HttpDataPrepClient implements DataPrepClient {

  static final String SERVICE = "conversion";
  static final int PAGE_SIZE = 100;

  private final PlatformCaller caller;
  private final HttpUrl mappingSets;

  HttpDataPrepClient(PlatformCaller caller, HttpUrl platformBase) {
    this.caller = caller;
    this.mappingSets = platformBase.newBuilder()
        .addPathSegments("data/foundation/conversion/mappingSets").build();
  }

  @Override
  public MappingSetVersion createMappingSet(MappingSetRequest request) {
    PlatformCaller.Call call = PlatformCaller.Call
        .builder(SERVICE, "createMappingSet", "POST", mappingSets)
        .json(body(request))
        .build();
    PlatformCaller.Answer answer = caller.execute(call);
    String id = LenientJson.text(answer.body(), "id");
    Integer version = LenientJson.intValue(answer.body(), "version");
    if (id == null || id.isBlank()) {
      throw PlatformException.builder("POST", mappingSets.encodedPath()).service(SERVICE)
          .operation("createMappingSet").httpStatus(answer.status())
          .requestId(answer.requestId()).detail("the answer carries no id").build();
    }
    return new MappingSetVersion(id, version == null ? 0 : version);
  }

  @Override
  public Optional<MappingSet> getMappingSet(String id) {
    return get(byId(id));
  }

  @Override
  public Optional<MappingSet> getMappingSet(String id, int version) {
    return get(byId(id).newBuilder().addQueryParameter("version", Integer.toString(version))
        .build());
  }

  private Optional<MappingSet> get(HttpUrl url) {
    try {
      JsonNode body = caller.execute(PlatformCaller.Call
          .builder(SERVICE, "getMappingSet", "GET", url).build()).body();
      return body == null || !body.isObject() ? Optional.empty() : Optional.of(mappingSet(body));
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public MappingSet updateMappingSet(String id, MappingSetRequest request) {
    PlatformCaller.Answer answer = caller.execute(PlatformCaller.Call
        .builder(SERVICE, "updateMappingSet", "PUT", byId(id))
        .json(body(request))
        .build());
    MappingSet updated = mappingSet(answer.body());
    return updated.id() == null
        ? new MappingSet(id, updated.version(), updated.name(), updated.outputSchema(),
            updated.mappings(), updated.createdDate(), updated.modifiedDate())
        : updated;
  }

  @Override
  public List<MappingSet> findMappingSetsByName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    List<MappingSet> all =
        Paging.all("GET", mappingSets.encodedPath(), token -> listMappingSetsPage(name, token));
    return all.stream().filter(m -> name.equals(m.name())).toList();
  }

  @Override
  public Page<MappingSet> listMappingSetsPage(String name, String pageToken) {
    int start = 0;
    if (pageToken != null) {
      try {
        start = Integer.parseInt(pageToken);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a Data Prep page token: " + pageToken, e);
      }
    }
    // limit and start are both required by the service.
    HttpUrl.Builder url = mappingSets.newBuilder()
        .addQueryParameter("limit", Integer.toString(PAGE_SIZE))
        .addQueryParameter("start", Integer.toString(start));
    if (name != null) {
      url.addQueryParameter("name", name);
    }
    JsonNode body = caller.execute(PlatformCaller.Call
        .builder(SERVICE, "listMappingSets", "GET", url.build()).build()).body();
    JsonNode data = body != null && body.isArray() ? body : LenientJson.at(body, "data");
    List<MappingSet> items = new ArrayList<>();
    for (JsonNode n : LenientJson.elements(data)) {
      items.add(mappingSet(n));
    }
    String next = items.size() >= PAGE_SIZE ? Integer.toString(start + items.size()) : null;
    return new Page<>(items, next);
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
      if (Boolean.TRUE.equals(m.identity())) {
        n.put("identity", true);
      }
    }
    return body;
  }

  private HttpUrl byId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("mapping set id must not be blank");
    }
    return mappingSets.newBuilder().addPathSegment(id).build();
  }

  static MappingSet mappingSet(JsonNode n) {
    JsonNode ref = LenientJson.at(n, "outputSchema", "schemaRef");
    if (!ref.isObject()) {
      ref = LenientJson.at(n, "schemaRef");
    }
    SchemaRef schemaRef = ref.isObject()
        ? new SchemaRef(LenientJson.text(ref, "id"), LenientJson.text(ref, "contentType"))
        : null;
    if (schemaRef == null && LenientJson.text(n, "xdmSchema") != null) {
      schemaRef = new SchemaRef(LenientJson.text(n, "xdmSchema"), null);
    }
    List<Mapping> mappings = new ArrayList<>();
    for (JsonNode m : LenientJson.elements(LenientJson.at(n, "mappings"))) {
      String source = LenientJson.text(m, "source");
      String destination = LenientJson.text(m, "destination");
      mappings.add(new Mapping(
          sourceType(LenientJson.text(m, "sourceType")),
          source != null ? source : LenientJson.text(m, "sourceAttribute"),
          destination != null ? destination : LenientJson.text(m, "destinationXdmPath"),
          LenientJson.bool(m, "identity")));
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
}

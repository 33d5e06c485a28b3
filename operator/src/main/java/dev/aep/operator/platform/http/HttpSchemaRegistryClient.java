package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRegistryClient;
import dev.aep.operator.platform.SchemaRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Schema Registry tenant schemas over HTTP, with the {@code Accept} header each GET needs. */
final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  static final String SERVICE = "schemaregistry";
  /** Full schema, latest minor of major version 1. */
  static final String ACCEPT_SCHEMA = "application/vnd.adobe.xed+json; version=1";
  /** Create answers: the schema as stored. */
  static final String ACCEPT_CREATE = "application/vnd.adobe.xed+json";
  /** Summaries ($id, altId, version, title) in lists. */
  static final String ACCEPT_LIST = "application/vnd.adobe.xed-id+json";

  private final PlatformCaller caller;
  private final HttpUrl schemas;

  HttpSchemaRegistryClient(PlatformCaller caller, HttpUrl platformBase) {
    this.caller = caller;
    this.schemas = platformBase.newBuilder()
        .addPathSegments("data/foundation/schemaregistry/tenant/schemas").build();
  }

  @Override
  public Schema createSchema(SchemaRequest request) {
    ObjectNode body = caller.mapper().createObjectNode();
    body.put("title", request.title());
    body.put("description", request.description() == null ? "" : request.description());
    body.put("type", "object");
    ArrayNode allOf = body.putArray("allOf");
    allOf.addObject().put("$ref", Objects.requireNonNull(request.classId(), "classId"));
    request.fieldGroupIds().forEach(fg -> allOf.addObject().put("$ref", fg));
    PlatformCaller.Call call = PlatformCaller.Call
        .builder(SERVICE, "createSchema", "POST", schemas)
        .accept(ACCEPT_CREATE)
        .json(body)
        .build();
    PlatformCaller.Answer answer = caller.execute(call);
    Schema created = schema(answer.body());
    if (created.id() == null) {
      throw PlatformException.builder("POST", schemas.encodedPath()).service(SERVICE)
          .operation("createSchema").httpStatus(answer.status()).requestId(answer.requestId())
          .detail("the answer carries no $id").build();
    }
    return created;
  }

  @Override
  public Optional<Schema> getSchema(String id) {
    try {
      JsonNode body = caller.execute(PlatformCaller.Call
          .builder(SERVICE, "getSchema", "GET", byId(id))
          .accept(ACCEPT_SCHEMA)
          .build()).body();
      return Optional.of(schema(body));
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<Schema> findSchemaByTitle(String title) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    return listSchemas(ListQuery.where("title==" + title)).stream()
        .filter(s -> title.equals(s.title()))
        .findFirst();
  }

  @Override
  public List<Schema> listSchemas(ListQuery query) {
    return Paging.all("GET", schemas.encodedPath(), token -> listSchemasPage(query, token));
  }

  @Override
  public Page<Schema> listSchemasPage(ListQuery query, String pageToken) {
    ListQuery q = query == null ? ListQuery.all() : query;
    HttpUrl.Builder url = schemas.newBuilder();
    q.properties().forEach(p -> url.addQueryParameter("property", p));
    if (q.orderBy() != null) {
      url.addQueryParameter("orderby", q.orderBy());
    }
    if (q.limit() != null) {
      url.addQueryParameter("limit", Integer.toString(q.limit()));
    }
    if (pageToken != null) {
      url.addQueryParameter("start", pageToken);
    }
    JsonNode body = caller.execute(PlatformCaller.Call
        .builder(SERVICE, "listSchemas", "GET", url.build())
        .accept(ACCEPT_LIST)
        .build()).body();
    List<Schema> items = new ArrayList<>();
    for (JsonNode n : LenientJson.elements(LenientJson.at(body, "results"))) {
      items.add(schema(n));
    }
    String next = LenientJson.text(body, "_page", "next");
    return new Page<>(items, next == null || next.isBlank() ? null : next);
  }

  @Override
  public boolean deleteSchema(String id) {
    try {
      caller.execute(PlatformCaller.Call.builder(SERVICE, "deleteSchema", "DELETE", byId(id))
          .build());
      return true;
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return false;
      }
      throw e;
    }
  }

  private HttpUrl byId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("schema id must not be blank");
    }
    // One path segment: a $id URI has its slashes and colon percent-encoded.
    return schemas.newBuilder().addPathSegment(id).build();
  }

  static Schema schema(JsonNode n) {
    String classId = LenientJson.text(n, "meta:class");
    List<String> refs = new ArrayList<>();
    for (JsonNode part : LenientJson.elements(LenientJson.at(n, "allOf"))) {
      String ref = LenientJson.text(part, "$ref");
      if (ref != null) {
        refs.add(ref);
      }
    }
    if (classId == null && !refs.isEmpty()) {
      // Without meta:class the class is the first allOf entry, as it is created.
      classId = refs.get(0);
    }
    String cls = classId;
    List<String> fieldGroups = refs.stream().filter(r -> !r.equals(cls)).toList();
    return new Schema(
        LenientJson.text(n, "$id"),
        LenientJson.text(n, "meta:altId"),
        LenientJson.text(n, "version"),
        LenientJson.text(n, "title"),
        LenientJson.text(n, "description"),
        classId,
        fieldGroups);
  }
}

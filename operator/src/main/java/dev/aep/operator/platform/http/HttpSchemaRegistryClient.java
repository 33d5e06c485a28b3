package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.IdentityDescriptor;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaField;
import dev.aep.operator.platform.SchemaRegistryClient;
import dev.aep.operator.platform.SchemaRequest;
import dev.aep.operator.platform.ValuePool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Schema Registry tenant schemas, field groups and descriptors over HTTP, with the {@code Accept}
 * header each GET needs.
 */
final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  static final String SERVICE = "schemaregistry";

  /** Full schema, latest minor of major version 1. */
  static final String ACCEPT_SCHEMA = "application/vnd.adobe.xed+json; version=1";

  /** Create answers: the schema as stored. */
  static final String ACCEPT_CREATE = "application/vnd.adobe.xed+json";

  /** Summaries ($id, altId, version, title) in lists. */
  static final String ACCEPT_LIST = "application/vnd.adobe.xed-id+json";

  /** Resolved schema: class and field-group fields merged into one {@code properties} tree. */
  static final String ACCEPT_FULL = "application/vnd.adobe.xed-full+json; version=1";

  /** Descriptor lists as whole objects grouped by {@code @type} (platform-api.md 12). */
  static final String ACCEPT_DESCRIPTORS = "application/vnd.adobe.xdm+json";

  static final String IDENTITY_DESCRIPTOR = "xdm:descriptorIdentity";

  /**
   * Name of the one {@code definitions} entry a field group is built with. [INF] Any name works:
   * the documented examples use {@code stripe} and {@code customFields}; the group's own {@code
   * allOf} is what refers to it.
   */
  static final String DEFINITION = "customFields";

  private final PlatformCaller caller;
  private final HttpCollection<Schema, SchemaRequest> schemas;
  private final HttpCollection<FieldGroup, FieldGroupRequest> fieldGroups;
  private final RemoteKind.Collections collections;
  private final HttpCollection<IdentityDescriptor, IdentityDescriptor> descriptors;
  private final HttpUrl stats;
  // The TENANT_ID of an org never changes: read once per session (platform-api.md 9).
  private volatile String tenantId;

  HttpSchemaRegistryClient(PlatformCaller caller, HttpUrl platformBase) {
    this.caller = caller;
    HttpCollection.Service registry =
        HttpCollection.Service.at(
            caller, new Wire(), platformBase, "data/foundation/schemaregistry");
    this.schemas =
        registry.collection(
            HttpCollection.Kind.of(
                    "tenant/schemas",
                    Schema.KIND,
                    HttpSchemaRegistryClient::schema,
                    this::schemaBody)
                .namedBy("title"));
    this.fieldGroups =
        registry.collection(
            HttpCollection.Kind.of(
                    "tenant/fieldgroups",
                    FieldGroup.KIND,
                    HttpSchemaRegistryClient::fieldGroup,
                    this::fieldGroupBody)
                .namedBy("title"));
    this.descriptors =
        registry.collection(
            HttpCollection.Kind.of(
                "tenant/descriptors",
                "descriptor",
                HttpSchemaRegistryClient::descriptor,
                this::descriptorBody,
                IdentityDescriptor::id));
    this.stats = registry.base().newBuilder().addPathSegment("stats").build();
    this.collections =
        new RemoteKind.Collections().with(Schema.KIND, schemas).with(FieldGroup.KIND, fieldGroups);
  }

  @Override
  public <T extends RemoteObject, R> RemoteCollection<T, R> collection(RemoteKind<T, R> kind) {
    return collections.of(kind);
  }

  @Override
  public Schema createSchema(SchemaRequest request) {
    return schema(schemas.post(request));
  }

  private ObjectNode schemaBody(SchemaRequest request) {
    ObjectNode body = caller.mapper().createObjectNode();
    body.put("title", request.title());
    body.put("description", request.description() == null ? "" : request.description());
    body.put("type", "object");
    ArrayNode allOf = body.putArray("allOf");
    allOf.addObject().put("$ref", Objects.requireNonNull(request.classId(), "classId"));
    request.fieldGroupIds().forEach(fg -> allOf.addObject().put("$ref", fg));
    return body;
  }

  @Override
  public Optional<Map<String, SchemaField>> schemaFields(String id) {
    PlatformCaller.Call.Builder call =
        PlatformCaller.Call.builder(SERVICE, "schemaFields", "GET", schemas.byId(id))
            .accept(ACCEPT_FULL);
    JsonNode body;
    try {
      body = caller.execute(call.build()).body();
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return Optional.empty();
      }
      throw e;
    }
    Map<String, SchemaField> fields = new LinkedHashMap<>();
    collectSchemaFields(body, "", true, fields);
    return Optional.of(Collections.unmodifiableMap(fields));
  }

  /**
   * Adds the leaf fields below {@code node}'s {@code properties}. A field counts as required when
   * its name is in the {@code required} array of the object holding it and that object is required
   * too (the root always is): JSON Schema binds a required field inside an optional object only
   * when a row has the object.
   */
  private static void collectSchemaFields(
      JsonNode node, String prefix, boolean parentRequired, Map<String, SchemaField> out) {
    Set<String> required = new HashSet<>(LenientJson.textList(LenientJson.at(node, "required")));
    LenientJson.properties(
        node,
        prefix,
        (name, path, field) -> {
          boolean isRequired = parentRequired && required.contains(name);
          if (hasProperties(field)) {
            collectSchemaFields(field, path, isRequired, out);
          } else {
            out.put(path, new SchemaField(path, xdmType(field), isRequired));
          }
        });
  }

  @Override
  public String tenantId() {
    String known = tenantId;
    if (known != null) {
      return known;
    }
    // The spec says /stats produces application/json, which is what the default Accept asks for.
    PlatformCaller.Call call =
        PlatformCaller.Call.builder(SERVICE, "tenantId", "GET", stats).build();
    PlatformCaller.Answer answer = caller.execute(call);
    String id = LenientJson.text(answer.body(), "tenantId");
    if (id == null || id.isBlank()) {
      throw call.failure(answer).detail("the answer carries no tenantId").build();
    }
    tenantId = id;
    return id;
  }

  // --- field groups ---

  @Override
  public FieldGroup createFieldGroup(FieldGroupRequest request) {
    return fieldGroup(fieldGroups.post(request));
  }

  @Override
  public FieldGroup replaceFieldGroup(String id, FieldGroupRequest request) {
    FieldGroup replaced = fieldGroup(fieldGroups.put(id, request, "replace"));
    ChangeLog.record(
        caller,
        "replaced field group "
            + id
            + (replaced.version() == null ? "" : " to version " + replaced.version()));
    return replaced.id() != null
        ? replaced
        : new FieldGroup(
            id,
            replaced.altId(),
            replaced.version(),
            replaced.title(),
            replaced.description(),
            replaced.classIds(),
            replaced.fields());
  }

  /** The documented create/PUT body (platform-api.md 10), nested objects built from dot paths. */
  ObjectNode fieldGroupBody(FieldGroupRequest request) {
    if (request.title() == null || request.title().isBlank()) {
      throw new IllegalArgumentException("a field group needs a title");
    }
    ObjectNode body = caller.mapper().createObjectNode();
    body.put("title", request.title());
    body.put("description", request.description() == null ? "" : request.description());
    body.put("type", "object");
    body.putArray("meta:intendedToExtend")
        .add(Objects.requireNonNull(request.classId(), "classId"));
    ObjectNode properties =
        body.putObject("definitions").putObject(DEFINITION).putObject("properties");
    // Sorted: the same request always sends the same body.
    new TreeMap<>(request.fields()).forEach((path, type) -> place(properties, path, type));
    body.putArray("allOf").addObject().put("$ref", "#/definitions/" + DEFINITION);
    return body;
  }

  private static void place(ObjectNode properties, String path, String type) {
    String[] segments = segments(path);
    ObjectNode level = properties;
    for (int i = 0; i < segments.length - 1; i++) {
      JsonNode existing = level.get(segments[i]);
      if (existing == null) {
        ObjectNode object = level.putObject(segments[i]);
        object.put("type", "object");
        object.putObject("properties");
        existing = object;
      } else if (!existing.path("properties").isObject()) {
        throw new IllegalArgumentException(
            "field "
                + String.join(".", Arrays.copyOf(segments, i + 1))
                + " is both a leaf and an object");
      }
      level = (ObjectNode) existing.get("properties");
    }
    String leaf = segments[segments.length - 1];
    if (level.has(leaf)) {
      throw new IllegalArgumentException("field " + path + " is both a leaf and an object");
    }
    level.set(leaf, jsonSchemaType(type, path));
  }

  /**
   * JSON Schema for an XDM type; date and date-time are strings with a format (platform-api.md 10).
   */
  static ObjectNode jsonSchemaType(String xdmType, String path) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    String type = xdmType == null ? "" : xdmType.trim().toLowerCase(Locale.ROOT);
    switch (type) {
      case "string", "integer", "number", "boolean" -> node.put("type", type);
      case "date-time", "date" -> node.put("type", "string").put("format", type);
      default ->
          throw new IllegalArgumentException(
              "field "
                  + path
                  + " has type '"
                  + xdmType
                  + "'; a field group field must be one of "
                  + "string, integer, number, boolean, date-time, date");
    }
    return node;
  }

  // --- descriptors ---

  private ObjectNode descriptorBody(IdentityDescriptor descriptor) {
    ObjectNode body = caller.mapper().createObjectNode();
    body.put("@type", IDENTITY_DESCRIPTOR);
    body.put("xdm:sourceSchema", Objects.requireNonNull(descriptor.schemaId(), "schemaId"));
    body.put("xdm:sourceVersion", descriptor.schemaVersion());
    body.put("xdm:sourceProperty", pointer(descriptor.path()));
    body.put("xdm:namespace", Objects.requireNonNull(descriptor.namespace(), "namespace"));
    // The namespace is sent by its code (e.g. Email), not by its numeric id.
    body.put("xdm:property", "xdm:code");
    body.put("xdm:isPrimary", descriptor.primary());
    return body;
  }

  @Override
  public IdentityDescriptor createIdentityDescriptor(IdentityDescriptor descriptor) {
    // [INF] No Accept is documented for descriptor writes; the spec says they produce JSON.
    JsonNode n =
        descriptors.send(
            PlatformCaller.Call.builder(
                    SERVICE, "createIdentityDescriptor", "POST", descriptors.url().build())
                .json(descriptorBody(descriptor)),
            body -> LenientJson.text(body, "@id"),
            "@id");
    IdentityDescriptor read = descriptor(n);
    ChangeLog.record(caller, "created identity descriptor " + read.id());
    // Whatever the answer leaves out is what was sent.
    return new IdentityDescriptor(
        read.id(),
        read.schemaId() != null ? read.schemaId() : descriptor.schemaId(),
        LenientJson.intValue(n, "xdm:sourceVersion") != null
            ? read.schemaVersion()
            : descriptor.schemaVersion(),
        read.path() != null ? read.path() : descriptor.path(),
        read.namespace() != null ? read.namespace() : descriptor.namespace(),
        LenientJson.bool(n, "xdm:isPrimary") != null ? read.primary() : descriptor.primary());
  }

  @Override
  public List<IdentityDescriptor> listIdentityDescriptors(String schemaId) {
    if (schemaId == null || schemaId.isBlank()) {
      throw new IllegalArgumentException("schema id must not be blank");
    }
    HttpUrl url =
        descriptors.url().addQueryParameter("property", "xdm:sourceSchema==" + schemaId).build();
    JsonNode body =
        caller
            .execute(
                PlatformCaller.Call.builder(SERVICE, "listIdentityDescriptors", "GET", url)
                    .accept(ACCEPT_DESCRIPTORS)
                    .build())
            .body();

    List<JsonNode> candidates = new ArrayList<>();
    JsonNode grouped = LenientJson.at(body, IDENTITY_DESCRIPTOR);
    if (grouped.isArray()) {
      candidates.addAll(LenientJson.elements(grouped));
    } else {
      // The paged (xdm-v2) form is one results array of every type.
      JsonNode results = body != null && body.isArray() ? body : LenientJson.at(body, "results");
      for (JsonNode n : LenientJson.elements(results)) {
        if (IDENTITY_DESCRIPTOR.equals(LenientJson.text(n, "@type"))) {
          candidates.add(n);
        }
      }
    }
    List<IdentityDescriptor> out = new ArrayList<>();
    for (JsonNode n : candidates) {
      String type = LenientJson.text(n, "@type");
      // Filtered here as well: a registry that ignores the property filter lists every schema's.
      if ((type == null || IDENTITY_DESCRIPTOR.equals(type))
          && schemaId.equals(LenientJson.text(n, "xdm:sourceSchema"))) {
        out.add(descriptor(n));
      }
    }
    return out;
  }

  @Override
  public boolean deleteDescriptor(String id) {
    return descriptors.delete(id);
  }

  static IdentityDescriptor descriptor(JsonNode n) {
    Integer version = LenientJson.intValue(n, "xdm:sourceVersion");
    return new IdentityDescriptor(
        LenientJson.text(n, "@id"),
        LenientJson.text(n, "xdm:sourceSchema"),
        version == null ? 0 : version,
        dotPath(LenientJson.text(n, "xdm:sourceProperty")),
        LenientJson.text(n, "xdm:namespace"),
        Boolean.TRUE.equals(LenientJson.bool(n, "xdm:isPrimary")));
  }

  /**
   * {@code _acme.stripe.email} to the JSON Pointer {@code /_acme/stripe/email} (RFC 6901 escapes).
   */
  static String pointer(String dotPath) {
    StringBuilder out = new StringBuilder();
    for (String segment : segments(dotPath)) {
      out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  /** A JSON Pointer back to a dot path; null stays null. */
  static String dotPath(String pointer) {
    if (pointer == null) {
      return null;
    }
    String p = pointer.startsWith("/") ? pointer.substring(1) : pointer;
    List<String> out = new ArrayList<>();
    for (String segment : p.split("/", -1)) {
      out.add(segment.replace("~1", "/").replace("~0", "~"));
    }
    return String.join(".", out);
  }

  private static String[] segments(String dotPath) {
    if (dotPath == null || dotPath.isBlank()) {
      throw new IllegalArgumentException("a field path must not be blank");
    }
    String[] segments = dotPath.split("\\.", -1);
    for (String s : segments) {
      if (s.isBlank()) {
        throw new IllegalArgumentException("field path " + dotPath + " has an empty segment");
      }
    }
    return segments;
  }

  /** The registry's answers: Accept per call, {@code results} pages with {@code _page.next}. */
  private static final class Wire extends HttpCollection.Wire {
    Wire() {
      super(SERVICE);
    }

    @Override
    String accept(String call) {
      return switch (call) {
        case "get" -> ACCEPT_SCHEMA;
        case "list" -> ACCEPT_LIST;
        default -> ACCEPT_CREATE;
      };
    }

    @Override
    Page<JsonNode> page(
        HttpUrl.Builder url, ListQuery q, String token, Function<HttpUrl, JsonNode> fetch) {
      // start (the next page) and limit are only taken with orderby (platform-api.md 3, 17
      // [DOC:XDM-APPX]); the service's own default order is title.
      boolean paged = q.limit() != null || token != null;
      filter(url, q, "orderby", q.orderBy() == null && paged ? "title" : q.orderBy());
      if (q.limit() != null) {
        url.addQueryParameter("limit", Integer.toString(q.limit()));
      }
      if (token != null) {
        url.addQueryParameter("start", token);
      }
      JsonNode body = fetch.apply(url.build());
      String next = LenientJson.text(body, "_page", "next");
      return new Page<>(
          LenientJson.elements(LenientJson.at(body, "results")),
          next == null || next.isBlank() ? null : next);
    }

    @Override
    String createdId(JsonNode body) {
      return LenientJson.text(body, "$id");
    }

    @Override
    String idField() {
      return "$id";
    }
  }

  private static boolean hasProperties(JsonNode field) {
    JsonNode props = field.path("properties");
    return props.isObject() && props.size() > 0;
  }

  /** The XDM type of a JSON Schema field: format date-time and date are types of their own. */
  static String xdmType(JsonNode field) {
    String type = LenientJson.text(field, "type");
    String format = LenientJson.text(field, "format");
    if ("string".equals(type) && ("date-time".equals(format) || "date".equals(format))) {
      return format;
    }
    if (type != null) {
      return type;
    }
    String xdm = LenientJson.text(field, "meta:xdmType");
    return xdm != null ? xdm : "object";
  }

  static FieldGroup fieldGroup(JsonNode n) {
    Map<String, SchemaField> leaves = new LinkedHashMap<>();
    for (JsonNode definition : LenientJson.at(n, "definitions")) {
      collectSchemaFields(definition, "", false, leaves);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    leaves.forEach((path, field) -> fields.put(path, field.type()));
    return new FieldGroup(
        LenientJson.text(n, "$id"),
        LenientJson.text(n, "meta:altId"),
        LenientJson.text(n, "version"),
        LenientJson.text(n, "title"),
        LenientJson.text(n, "description"),
        LenientJson.textList(LenientJson.at(n, "meta:intendedToExtend")),
        fields);
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
        ValuePool.of(LenientJson.text(n, "version")),
        LenientJson.text(n, "title"),
        LenientJson.text(n, "description"),
        ValuePool.of(classId),
        fieldGroups);
  }
}

package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.Kind;
import dev.aep.simulator.http.Caller;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Problems;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Response;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import dev.aep.simulator.xdm.XdmField;
import java.util.List;
import java.util.Locale;

/**
 * Schema descriptors, {@code /tenant/descriptors} (platform-api.md 12 [DOC:XDM-DESC, SPEC:SR]):
 * identity descriptors on string fields of an existing schema, at most one primary per schema.
 */
public final class DescriptorsApi extends RegistryResources {
  private static final String IDENTITY = "xdm:descriptorIdentity";

  /** Documented cap per sandbox [DOC:XDM-DESC]. */
  static final int MAX_PER_SANDBOX = 4000;

  public DescriptorsApi(Context ctx) {
    super(ctx, Kind.DESCRIPTOR, "/tenant/descriptors");
  }

  /** Descriptors are replaced with PUT; the registry has no PATCH for them [SPEC:SR]. */
  @Override
  boolean patchable() {
    return false;
  }

  /** 201 with a registry-assigned @id and the body (platform-api.md 12 [DOC:XDM-DESC]). */
  @Override
  Response create(ObjectNode body, Caller c) {
    if (store.list(Kind.DESCRIPTOR, c).size() >= MAX_PER_SANDBOX) {
      throw invalid("A sandbox holds at most " + MAX_PER_SANDBOX + " descriptors");
    }
    validate(body, c, null);
    String id = Store.hexId();
    ObjectNode doc = Json.obj().put("@id", id);
    doc.setAll(body.deepCopy());
    doc.put("@id", id)
        .put("imsOrg", c.orgId())
        .put("version", "1")
        .put("meta:containerId", "tenant");
    doc.put("meta:sandboxId", FlowServiceApi.sandboxId(c)).put("meta:sandboxType", "production");
    addMeta(doc, c);
    // addMeta also sets the tenant-resource fields; descriptors carry only these [SPEC:SR
    // identityDescriptorResponse].
    doc.remove("meta:tenantNamespace");
    store.create(Kind.DESCRIPTOR, id, c, doc);
    return Response.json(201, doc);
  }

  /**
   * PUT replaces the descriptor; 200 as the spec says (the doc shows 201) [SPEC:SR
   * updateDescriptor].
   */
  @Override
  Response put(Request req) {
    Entity e = find(req);
    ObjectNode body = body(req);
    validate(body, req.caller(), e.id());
    ObjectNode doc = Json.obj().put("@id", e.id());
    doc.setAll(body.deepCopy());
    for (String keep :
        List.of(
            "imsOrg",
            "version",
            "meta:containerId",
            "meta:sandboxId",
            "meta:sandboxType",
            "meta:registryMetadata")) {
      doc.set(keep, e.doc().get(keep).deepCopy());
    }
    doc.put("@id", e.id());
    e.doc(doc);
    return Response.json(200, doc);
  }

  /**
   * Identity descriptor rules (platform-api.md 12 [DOC:XDM-DESC, DOC:XDM-UIF, DOC:XDM-FAQ]); the
   * error codes are undocumented [INF]. Other descriptor types are refused [INF strict]: the
   * simulator cannot check them.
   */
  private void validate(JsonNode body, Caller c, String selfId) {
    String type = Json.text(body, "@type");
    if (!IDENTITY.equals(type)) {
      throw invalid(
          "@type "
              + (type == null ? "is required" : type + " is not supported")
              + "; the simulator supports "
              + IDENTITY);
    }
    String schemaId = Json.text(body, "xdm:sourceSchema");
    if (schemaId == null) {
      throw invalid("xdm:sourceSchema is required: the schema's $id");
    }
    Entity schema =
        store
            .find(Kind.SCHEMA, schemaId, c)
            .orElseThrow(
                () -> invalid("xdm:sourceSchema " + schemaId + " names no schema of this sandbox"));
    checkVersion(body.get("xdm:sourceVersion"), schema);
    String property = Json.text(body, "xdm:sourceProperty");
    XdmField field = field(property, schema);
    if (!"string".equals(field.type())) {
      throw invalid(
          "xdm:sourceProperty "
              + property
              + " is a "
              + field.type()
              + " field; only string fields can be identities");
    }
    if (!Json.hasText(body, "xdm:namespace")) {
      throw invalid("xdm:namespace is required: an identity namespace code or id");
    }
    String kind = Json.text(body, "xdm:property");
    if (!"xdm:code".equals(kind) && !"xdm:id".equals(kind)) {
      throw invalid("xdm:property must be xdm:code or xdm:id, got " + kind);
    }
    if (body.path("xdm:isPrimary").asBoolean(false)) {
      for (Entity d : store.list(Kind.DESCRIPTOR, c)) {
        if (!d.id().equals(selfId)
            && schemaId.equals(Json.text(d.doc(), "xdm:sourceSchema"))
            && d.doc().path("xdm:isPrimary").asBoolean(false)) {
          throw invalid(
              "Schema "
                  + schemaId
                  + " already has a primary identity: descriptor "
                  + d.id()
                  + " on "
                  + Json.text(d.doc(), "xdm:sourceProperty")
                  + "; a schema has at most one");
        }
      }
    }
  }

  /**
   * The schema's major version, as an integer (docs) or numeric string (spec); [INF strict] it must
   * match.
   */
  private static void checkVersion(JsonNode v, Entity schema) {
    String major = Json.text(schema.doc(), "version").split("\\.")[0];
    if (v == null || !(v.isIntegralNumber() || (v.isTextual() && v.asText().matches("[0-9]+")))) {
      throw invalid("xdm:sourceVersion is required: the schema's major version, e.g. " + major);
    }
    if (!v.asText().equals(major)) {
      throw invalid(
          "xdm:sourceVersion " + v.asText() + " is not the schema's major version " + major);
    }
  }

  /** /_{tenant}/stripe/email: a leading /, no trailing /, no properties segments [DOC:XDM-DESC]. */
  private XdmField field(String property, Entity schema) {
    if (property == null
        || !property.startsWith("/")
        || property.endsWith("/")
        || property.length() < 2) {
      throw invalid(
          "xdm:sourceProperty must start with / and not end with /, e.g. /_"
              + tenantId
              + "/stripe/email; got "
              + property);
    }
    List<String> segs = List.of(property.substring(1).split("/"));
    if (segs.contains("properties")) {
      throw invalid(
          "xdm:sourceProperty "
              + property
              + " must name the field path without properties segments");
    }
    XdmField f = resolver.fields(schema).get(String.join(".", segs));
    if (f == null) {
      throw invalid("xdm:sourceProperty " + property + " is not a field of schema " + schema.id());
    }
    return f;
  }

  /**
   * Grouped by @type: ids (xdm-id), API paths (xdm-link) or objects (xdm) [SPEC:SR
   * acceptDescriptors].
   */
  @Override
  Response list(Request req) {
    String accept = req.header("Accept");
    String a = accept == null ? "" : accept.trim().toLowerCase(Locale.ROOT);
    String form =
        a.startsWith("application/vnd.adobe.xdm-id+json")
            ? "id"
            : a.startsWith("application/vnd.adobe.xdm-link+json")
                ? "link"
                : a.startsWith("application/vnd.adobe.xdm+json") ? "full" : null;
    if (form == null) {
      // Code and wording of the spec's acceptErrorDescriptorList example [SPEC:SR].
      throw Problems.xdm(
          "1008-400",
          "Accept header invalid",
          "The supplied Accept header is not valid: "
              + accept
              + " - A valid Accept value should look like application/vnd.adobe.xdm-id+json");
    }
    List<PropertyFilter> filters =
        PropertyFilter.parseAll(req.queries("property"), RegistryResources::invalid, null);
    ObjectNode body = Json.obj();
    for (Entity d : store.list(Kind.DESCRIPTOR, req.caller())) {
      if (PropertyFilter.all(filters, d.doc())) {
        String type = Json.text(d.doc(), "@type");
        ArrayNode group = body.has(type) ? (ArrayNode) body.get(type) : body.putArray(type);
        switch (form) {
          case "id" -> group.add(d.id());
          case "link" -> group.add(BASE + path + "/" + d.id());
          default -> group.add(d.doc());
        }
      }
    }
    return Response.json(
        200, body, "application/vnd.adobe.xdm" + (form.equals("full") ? "" : "-" + form) + "+json");
  }

  /**
   * Descriptors are not versioned: no Accept is needed, but an xed one is refused [SPEC:SR
   * retrieveDescriptor].
   */
  @Override
  Response get(Request req) {
    String accept = req.header("Accept");
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains("vnd.adobe.xed")) {
      throw Problems.xdm(
          "1009-400",
          "Accept header invalid",
          "The supplied Accept header is not valid: "
              + accept
              + " - A valid Accept value should look like application/vnd.adobe.xdm+json");
    }
    return Response.json(200, find(req).doc());
  }

  /** By @id only: descriptors have no meta:altId to be found by. */
  @Override
  Entity find(Request req) {
    String id = req.param("id");
    return store.find(Kind.DESCRIPTOR, id, req.caller()).orElseThrow(() -> notFound(id));
  }
}

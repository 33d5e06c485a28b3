package dev.aep.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Request bodies from the documented examples, and a helper that builds the whole Stripe chain. */
final class Fixtures {
  static final String STRIPE_SPEC = "cc2c31d6-7b8c-4581-b49f-5c8698aa3ab3";
  static final String STRIPE_FLOW_SPEC = "6499120c-0b15-42dc-936e-847ea3c24d72";
  static final String DATA_LAKE_SPEC = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
  static final String PROFILE_CLASS = "https://ns.adobe.com/xdm/context/profile";
  static final String EVENT_CLASS = "https://ns.adobe.com/xdm/context/experienceevent";

  private Fixtures() {}

  static Map<String, Object> baseConnection(String name, String token) {
    return Map.of(
        "name",
        name,
        "description",
        "Stripe account",
        "auth",
        Map.of("specName", "OAuth2 Refresh Code", "params", Map.of("accessToken", token)),
        "connectionSpec",
        Map.of("id", STRIPE_SPEC, "version", "1.0"));
  }

  static Map<String, Object> sourceConnection(String baseId, String resourcePath) {
    return Map.of(
        "name", "Stripe source " + resourcePath,
        "baseConnectionId", baseId,
        "connectionSpec", Map.of("id", STRIPE_SPEC, "version", "1.0"),
        "data", Map.of("format", "json"),
        "params", Map.of("resourcePath", resourcePath));
  }

  /** A schema body of the Profile class and the given field groups ($id or altId). */
  static Map<String, Object> schema(String title, String... fieldGroups) {
    List<Map<String, Object>> allOf = new ArrayList<>();
    allOf.add(Map.of("$ref", PROFILE_CLASS));
    for (String fg : fieldGroups) {
      allOf.add(Map.of("$ref", fg));
    }
    return Map.of("title", title, "description", "Stripe data", "type", "object", "allOf", allOf);
  }

  /**
   * A field group body (platform-api.md 10) for Profile and ExperienceEvent with fields under
   * _{tenant}.stripe.
   */
  static Map<String, Object> fieldGroup(
      String title, String tenant, Map<String, Object> stripeFields) {
    return Map.of(
        "title",
        title,
        "description",
        "Stripe fields",
        "type",
        "object",
        "meta:intendedToExtend",
        List.of(PROFILE_CLASS, EVENT_CLASS),
        "definitions",
        Map.of(
            "stripe",
            Map.of(
                "properties",
                Map.of(
                    "_" + tenant,
                    Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("stripe", Map.of("type", "object", "properties", stripeFields)))))),
        "allOf",
        List.of(Map.of("$ref", "#/definitions/stripe")));
  }

  /** The Stripe charge fields the mapping fixtures write to. */
  static Map<String, Object> fieldGroup(String title) {
    return fieldGroup(
        title,
        "simtenant",
        Map.of(
            "chargeId", Map.of("type", "string", "title", "Charge ID"),
            "currency", Map.of("type", "string"),
            "email", Map.of("type", "string"),
            "amount", Map.of("type", "integer"),
            "created", Map.of("type", "string", "format", "date-time")));
  }

  /**
   * Creates a Stripe field group (chargeId, currency, amount integer, created date-time, brand,
   * paid boolean) and an ExperienceEvent schema (_id, timestamp required) using it; answers its
   * $id.
   */
  static String eventSchema(SimClient c, String title) {
    return createSchema(
        c,
        fieldGroup(
            "Fields of " + title,
            "simtenant",
            Map.of(
                "chargeId", Map.of("type", "string"),
                "currency", Map.of("type", "string"),
                "amount", Map.of("type", "integer"),
                "created", Map.of("type", "string", "format", "date-time"),
                "brand", Map.of("type", "string"),
                "paid", Map.of("type", "boolean"))),
        fieldGroupId -> eventSchemaBody(title, fieldGroupId));
  }

  private static final String CHARGE_EVENTS = "Stripe charges as events";

  /** An ExperienceEvent schema body over one tenant field group ($id or altId). */
  static Map<String, Object> eventSchemaBody(String title, String fieldGroup) {
    List<Map<String, String>> allOf =
        List.of(Map.of("$ref", EVENT_CLASS), Map.of("$ref", fieldGroup));
    return Map.of("title", title, "description", CHARGE_EVENTS, "type", "object", "allOf", allOf);
  }

  /** An identity descriptor body (platform-api.md 12) in the Email namespace, by code. */
  static Map<String, Object> identityDescriptor(String schemaId, String property, boolean primary) {
    return Map.of(
        "@type",
        "xdm:descriptorIdentity",
        "xdm:sourceSchema",
        schemaId,
        "xdm:sourceVersion",
        1,
        "xdm:sourceProperty",
        property,
        "xdm:namespace",
        "Email",
        "xdm:property",
        "xdm:code",
        "xdm:isPrimary",
        primary);
  }

  /** Creates a Stripe field group and a schema using it; answers the schema's $id. */
  static String stripeSchema(SimClient c, String title) {
    return createSchema(
        c, fieldGroup("Fields of " + title), fieldGroupId -> schema(title, fieldGroupId));
  }

  /**
   * Creates the field group, then the schema {@code schemaBody} makes of its $id; asserts both 201s
   * and answers the schema's $id.
   */
  private static String createSchema(
      SimClient c,
      Map<String, Object> fieldGroup,
      Function<String, Map<String, Object>> schemaBody) {
    SimClient.Resp fg = c.post(SimClient.SCHEMAS + "/tenant/fieldgroups", fieldGroup);
    assertThat(fg.status()).as(fg.toString()).isEqualTo(201);
    SimClient.Resp schema =
        c.post(SimClient.SCHEMAS + "/tenant/schemas", schemaBody.apply(fg.text("$id")));
    assertThat(schema.status()).as(schema.toString()).isEqualTo(201);
    return schema.text("$id");
  }

  static Map<String, Object> dataset(String name, String schemaId) {
    return Map.of(
        "name",
        name,
        "schemaRef",
        Map.of("id", schemaId, "contentType", "application/vnd.adobe.xed+json;version=1"));
  }

  static Map<String, Object> targetConnection(String schemaId, String datasetId) {
    return Map.of(
        "name", "Data lake target",
        "connectionSpec", Map.of("id", DATA_LAKE_SPEC, "version", "1.0"),
        "data",
            Map.of(
                "format",
                "parquet_xdm",
                "schema",
                Map.of("id", schemaId, "version", "application/vnd.adobe.xed-full+json;version=1")),
        "params", Map.of("dataSetId", datasetId));
  }

  static Map<String, Object> mappingSet(String schemaId) {
    return mappingSet(
        schemaId,
        List.of(
            attribute("data.id", "_simtenant.stripe.chargeId"),
            expression("lower(data.currency)", "_simtenant.stripe.currency")));
  }

  static Map<String, Object> mappingSet(String schemaId, List<Map<String, Object>> mappings) {
    return Map.of(
        "outputSchema",
        Map.of(
            "schemaRef",
            Map.of("id", schemaId, "contentType", "application/vnd.adobe.xed-full+json;version=1")),
        "mappings",
        mappings);
  }

  static Map<String, Object> attribute(String source, String destination) {
    return Map.of("sourceType", "ATTRIBUTE", "source", source, "destination", destination);
  }

  static Map<String, Object> expression(String source, String destination) {
    return Map.of("sourceType", "EXPRESSION", "source", source, "destination", destination);
  }

  /**
   * The event timestamp from Stripe's created (epoch seconds), as the documented mapping writes it.
   */
  static Map<String, Object> timestamp() {
    return expression("dformat(data.created * 1000, \"yyyy-MM-dd'T'HH:mm:ss.SSSX\")", "timestamp");
  }

  /**
   * The documented Stripe charge mapping for an ExperienceEvent schema (platform-api.md 11, 14).
   */
  static List<Map<String, Object>> goodEventMappings() {
    return List.of(
        attribute("data.id", "_id"),
        timestamp(),
        attribute("data.id", "_simtenant.stripe.chargeId"),
        attribute("data.amount", "_simtenant.stripe.amount"),
        expression("upper(data.currency)", "_simtenant.stripe.currency"),
        attribute("data.payment_method_details.card.brand", "_simtenant.stripe.brand"),
        attribute("data.paid", "_simtenant.stripe.paid"));
  }

  static Map<String, Object> schedule(String frequency, Integer interval, long startTime) {
    return interval == null
        ? Map.of("frequency", frequency, "startTime", Long.toString(startTime))
        : Map.of(
            "frequency",
            frequency,
            "interval",
            interval,
            "startTime",
            Long.toString(startTime),
            "backfill",
            true);
  }

  static Map<String, Object> flow(
      String name,
      String sourceId,
      String targetId,
      String mappingId,
      int version,
      Map<String, Object> schedule) {
    return Map.of(
        "name", name,
        "flowSpec", Map.of("id", STRIPE_FLOW_SPEC, "version", "1.0"),
        "sourceConnectionIds", List.of(sourceId),
        "targetConnectionIds", List.of(targetId),
        "transformations",
            List.of(
                Map.of(
                    "name",
                    "Mapping",
                    "params",
                    Map.of("mappingId", mappingId, "mappingVersion", version))),
        "scheduleParams", schedule);
  }

  static String sourceParams(String resourcePath) {
    return Base64.getEncoder()
        .encodeToString(
            ("{\"resourcePath\":\"" + resourcePath + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Moves the clock five minutes on and answers the flow's first run (a chain scheduled in the past
   * has one).
   */
  static JsonNode firstRun(PlatformSimulator sim, SimClient c, String flowId) {
    sim.clock().advance(Duration.ofMinutes(5));
    return c.get(SimClient.FLOW + "/runs?property=" + SimClient.enc("flowId==" + flowId))
        .json()
        .at("/items/0");
  }

  /** Ids of a complete chain. */
  record Chain(
      String baseId,
      String sourceId,
      String schemaId,
      String datasetId,
      String targetId,
      String mappingId,
      String flowId,
      String flowEtag) {}

  /**
   * Creates schema, dataset, base/source/target connections, mapping set and flow; asserts each
   * worked.
   */
  static Chain chain(SimClient c, String name, Map<String, Object> schedule) {
    return chain(c, name, schedule, stripeSchema(c, "Schema " + name), null, Map.of());
  }

  /**
   * A chain on an existing schema with the given mappings (null: the default mapping set) and extra
   * flow fields (e.g. options).
   */
  static Chain chain(
      SimClient c,
      String name,
      Map<String, Object> schedule,
      String schemaId,
      List<Map<String, Object>> mappings,
      Map<String, Object> flowExtras) {
    SimClient.Resp ds =
        c.post(SimClient.CATALOG + "/dataSets", dataset("Dataset " + name, schemaId));
    assertThat(ds.status()).as(ds.toString()).isEqualTo(201);
    String datasetId = ds.json().get(0).asText().substring("@/dataSets/".length());
    SimClient.Resp base =
        c.post(SimClient.FLOW + "/connections", baseConnection("Base " + name, "sk_test_" + name));
    assertThat(base.status()).as(base.toString()).isEqualTo(201);
    SimClient.Resp src =
        c.post(SimClient.FLOW + "/sourceConnections", sourceConnection(base.text("id"), "charges"));
    assertThat(src.status()).as(src.toString()).isEqualTo(201);
    SimClient.Resp tgt =
        c.post(SimClient.FLOW + "/targetConnections", targetConnection(schemaId, datasetId));
    assertThat(tgt.status()).as(tgt.toString()).isEqualTo(201);
    SimClient.Resp ms =
        c.post(
            SimClient.CONVERSION + "/mappingSets",
            mappings == null ? mappingSet(schemaId) : mappingSet(schemaId, mappings));
    assertThat(ms.status()).as(ms.toString()).isEqualTo(200);
    Map<String, Object> flowBody =
        new HashMap<>(
            flow("Flow " + name, src.text("id"), tgt.text("id"), ms.text("id"), 0, schedule));
    flowBody.putAll(flowExtras);
    SimClient.Resp flow = c.post(SimClient.FLOW + "/flows", flowBody);
    assertThat(flow.status()).as(flow.toString()).isEqualTo(201);
    return new Chain(
        base.text("id"),
        src.text("id"),
        schemaId,
        datasetId,
        tgt.text("id"),
        ms.text("id"),
        flow.text("id"),
        flow.text("etag"));
  }
}

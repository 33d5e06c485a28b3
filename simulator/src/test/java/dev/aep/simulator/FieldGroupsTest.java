package dev.aep.simulator;

import static dev.aep.simulator.SimClient.SCHEMAS;
import static dev.aep.simulator.SimClient.XED_ID;
import static dev.aep.simulator.SimClient.XED_V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant field groups (platform-api.md 10): ids, validation, Accept and list rules, evolution,
 * delete.
 */
class FieldGroupsTest extends SimulatorTestBase {
  private static final String FG = SCHEMAS + "/tenant/fieldgroups";

  private JsonNode create(Map<String, Object> body) {
    SimClient.Resp r = c.post(FG, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  /** Field group "F" and schema "S" over it. */
  private JsonNode groupInUse() {
    JsonNode fg = create(Fixtures.fieldGroup("F"));
    schemaUsing(fg);
    return fg;
  }

  /** Creates schema "S" over the field group, asserting the 201. */
  private SimClient.Resp schemaUsing(JsonNode fg) {
    SimClient.Resp r =
        c.post(SCHEMAS + "/tenant/schemas", Fixtures.schema("S", fg.path("$id").asText()));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r;
  }

  private static String path(JsonNode fg) {
    return FG + "/" + SimClient.enc(fg.path("$id").asText());
  }

  private SimClient.Resp refused(Map<String, Object> body) {
    SimClient.Resp r = c.post(FG, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    return r;
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> m = new HashMap<>(body);
    if (value == null) {
      m.remove(key);
    } else {
      m.put(key, value);
    }
    return m;
  }

  private static List<Map<String, Object>> ops(Map<String, Object>... ops) {
    return List.of(ops);
  }

  @Test
  void createAnswers201WithMixinIdsInTheTenantNamespaceAndVersion1() {
    JsonNode fg = create(Fixtures.fieldGroup("Stripe Charge Fields"));
    assertThat(fg.path("$id").asText())
        .matches("https://ns\\.adobe\\.com/simtenant/mixins/[0-9a-f]+");
    assertThat(fg.path("meta:altId").asText()).matches("_simtenant\\.mixins\\.[0-9a-f]+");
    assertThat(fg.path("meta:resourceType").asText()).isEqualTo("mixins");
    assertThat(fg.path("meta:tenantNamespace").asText()).isEqualTo("_simtenant");
    assertThat(fg.path("version").asText()).isEqualTo("1.0");
    assertThat(fg.at("/meta:registryMetadata/eTag").asText()).isNotBlank();
    assertThat(
            fg.at(
                    "/definitions/stripe/properties/_simtenant/properties/stripe/properties/chargeId/type")
                .asText())
        .isEqualTo("string");
  }

  @Test
  void intendedToExtendIsRequiredAndMustNameKnownClasses() {
    Map<String, Object> ok = Fixtures.fieldGroup("F");
    assertThat(refused(with(ok, "meta:intendedToExtend", null)).text("detail"))
        .contains("meta:intendedToExtend");
    assertThat(refused(with(ok, "meta:intendedToExtend", List.of())).text("detail"))
        .contains("meta:intendedToExtend");
    assertThat(
            refused(
                    with(
                        ok,
                        "meta:intendedToExtend",
                        List.of("https://ns.adobe.com/xdm/context/nope")))
                .text("detail"))
        .contains("https://ns.adobe.com/xdm/context/nope");
  }

  @Test
  void typeMustBeObjectAndTitleIsRequired() {
    assertThat(refused(with(Fixtures.fieldGroup("F"), "type", "string")).text("detail"))
        .contains("type");
    assertThat(refused(with(Fixtures.fieldGroup("F"), "title", null)).text("detail"))
        .contains("title");
  }

  @Test
  void titleIsUniqueAcrossSchemasAndFieldGroups() {
    assertThat(c.post(SCHEMAS + "/tenant/schemas", Fixtures.schema("Stripe")).status())
        .isEqualTo(201);
    SimClient.Resp r = refused(Fixtures.fieldGroup("Stripe"));
    assertThat(r.text("type")).endsWith("XDM-1521-400");
    create(Fixtures.fieldGroup("Taken"));
    assertThat(c.post(SCHEMAS + "/tenant/schemas", Fixtures.schema("Taken")).text("type"))
        .endsWith("XDM-1521-400");
  }

  @Test
  void customFieldsOutsideTheTenantNamespaceAreRefusedNamingTheField() {
    Map<String, Object> body =
        with(
            Fixtures.fieldGroup("F"),
            "definitions",
            Map.of("d", Map.of("properties", Map.of("loyaltyId", Map.of("type", "string")))));
    SimClient.Resp r = refused(body);
    assertThat(r.text("detail")).contains("loyaltyId").contains("belong under _simtenant");
    assertThat(r.text("type")).endsWith("XDM-1020-400");
  }

  @Test
  void fieldNamesMayNotStartWithAnUnderscoreOrHoldOtherCharacters() {
    assertThat(
            refused(
                    Fixtures.fieldGroup(
                        "F", "simtenant", Map.of("_hidden", Map.of("type", "string"))))
                .text("detail"))
        .contains("_simtenant.stripe._hidden");
    assertThat(
            refused(Fixtures.fieldGroup("F", "simtenant", Map.of("a.b", Map.of("type", "string"))))
                .text("detail"))
        .contains("_simtenant.stripe.a.b");
  }

  @Test
  void unknownOrIncompleteFieldTypesAreRefusedNamingTheField() {
    assertThat(
            refused(
                    Fixtures.fieldGroup(
                        "F", "simtenant", Map.of("amount", Map.of("type", "money"))))
                .text("detail"))
        .contains("_simtenant.stripe.amount")
        .contains("money");
    assertThat(
            refused(Fixtures.fieldGroup("F", "simtenant", Map.of("tags", Map.of("type", "array"))))
                .text("detail"))
        .contains("_simtenant.stripe.tags")
        .contains("items");
    assertThat(
            refused(Fixtures.fieldGroup("F", "simtenant", Map.of("meta", Map.of("type", "object"))))
                .text("detail"))
        .contains("_simtenant.stripe.meta")
        .contains("properties");
    assertThat(
            refused(
                    Fixtures.fieldGroup(
                        "F", "simtenant", Map.of("url", Map.of("type", "string", "format", "uri"))))
                .text("detail"))
        .contains("_simtenant.stripe.url");
  }

  @Test
  void supportedTypesIncludeDatesArraysNestedObjectsAndMaps() {
    create(
        Fixtures.fieldGroup(
            "F",
            "simtenant",
            Map.of(
                "day", Map.of("type", "string", "format", "date"),
                "tags", Map.of("type", "array", "items", Map.of("type", "string")),
                "card",
                    Map.of(
                        "type", "object", "properties", Map.of("last4", Map.of("type", "string"))),
                "metadata",
                    Map.of(
                        "type",
                        "object",
                        "meta:xdmType",
                        "map",
                        "additionalProperties",
                        Map.of("type", "string")),
                "paid", Map.of("type", "boolean"),
                "fee", Map.of("type", "number"))));
  }

  @Test
  void lookupNeedsVersionedAcceptAndXedFullShowsTheFieldsUnderProperties() {
    JsonNode fg = create(Fixtures.fieldGroup("F"));
    assertThat(c.get(path(fg), XED_V1).json().has("properties")).isFalse();
    assertThat(c.get(path(fg), "application/vnd.adobe.xed+json").text("type"))
        .endsWith("XDM-1007-400");
    assertThat(c.get(FG + "/" + fg.path("meta:altId").asText(), XED_V1).status()).isEqualTo(200);
    JsonNode full = c.get(path(fg), "application/vnd.adobe.xed-full+json; version=1").json();
    assertThat(
            full.at("/properties/_simtenant/properties/stripe/properties/created/format").asText())
        .isEqualTo("date-time");
    assertThat(c.get(FG + "/_simtenant.mixins.nope", XED_V1).text("type")).endsWith("XDM-1012-404");
  }

  @Test
  void listFiltersByIntendedClassAndTitleWithTheSchemaListAcceptRules() {
    create(Fixtures.fieldGroup("Both"));
    create(
        with(
            Fixtures.fieldGroup("Events only"),
            "meta:intendedToExtend",
            List.of(Fixtures.EVENT_CLASS)));
    SimClient.Resp profile =
        c.get(
            FG + "?property=" + SimClient.enc("meta:intendedToExtend==" + Fixtures.PROFILE_CLASS),
            XED_ID);
    assertThat(profile.json().get("results").findValuesAsText("title")).containsExactly("Both");
    SimClient.Resp byTitle = c.get(FG + "?property=" + SimClient.enc("title==Events only"), XED_ID);
    assertThat(byTitle.json().get("results").findValuesAsText("title"))
        .containsExactly("Events only");
    assertThat(byTitle.json().at("/results/0").has("definitions")).isFalse();
    assertThat(
            c.get(FG, "application/vnd.adobe.xed+json").json().at("/results/0").has("definitions"))
        .isTrue();
    assertThat(c.get(FG + "?orderby=title&limit=1", XED_ID).json().at("/_page/next").asText())
        .isEqualTo("Events only");
    assertThat(c.get(FG, "application/json").text("type")).endsWith("XDM-1006-400");
  }

  @Test
  void putAndPatchBumpTheMinorVersionAndKeepIdsReadOnly() {
    JsonNode fg = create(Fixtures.fieldGroup("F"));
    SimClient.Resp put = c.put(path(fg), Fixtures.fieldGroup("F renamed"));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.text("version")).isEqualTo("1.1");
    assertThat(put.text("$id")).isEqualTo(fg.path("$id").asText());
    SimClient.Resp patch =
        c.patchOne(
            path(fg),
            "add",
            "/definitions/stripe/properties/_simtenant/properties/stripe/properties/refunded",
            Map.of("type", "boolean"),
            null);
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    assertThat(patch.text("version")).isEqualTo("1.2");
    assertThat(c.patchOne(path(fg), "replace", "/meta:altId", "x", null).status()).isEqualTo(400);
  }

  @Test
  void aFieldGroupOfASchemaADatasetUsesMayOnlyGainFields() {
    JsonNode fg = create(Fixtures.fieldGroup("F"));
    String schema = schemaUsing(fg).text("$id");
    assertThat(c.post(SimClient.CATALOG + "/dataSets", Fixtures.dataset("d", schema)).status())
        .isEqualTo(201);
    String fields = "/definitions/stripe/properties/_simtenant/properties/stripe/properties/";
    SimClient.Resp add =
        c.send(
            "PATCH",
            path(fg),
            SimClient.json(
                ops(
                    Map.of(
                        "op",
                        "add",
                        "path",
                        fields + "refunded",
                        "value",
                        Map.of("type", "boolean")))),
            Map.of());
    assertThat(add.status()).as(add.toString()).isEqualTo(200);
    SimClient.Resp remove =
        c.send(
            "PATCH",
            path(fg),
            SimClient.json(ops(Map.of("op", "remove", "path", fields + "currency"))),
            Map.of());
    assertThat(remove.status()).isEqualTo(400);
    assertThat(remove.text("detail"))
        .contains("removes field _simtenant.stripe.currency")
        .contains("additive")
        .contains("new field group, schema and dataset");
    SimClient.Resp retype =
        c.put(
            path(fg),
            Fixtures.fieldGroup(
                "F",
                "simtenant",
                Map.of(
                    "chargeId",
                    Map.of("type", "string"),
                    "currency",
                    Map.of("type", "string"),
                    "email",
                    Map.of("type", "string"),
                    "amount",
                    Map.of("type", "number"),
                    "created",
                    Map.of("type", "string", "format", "date-time"),
                    "refunded",
                    Map.of("type", "boolean"))));
    assertThat(retype.status()).isEqualTo(400);
    assertThat(retype.text("detail")).contains("_simtenant.stripe.amount from integer to number");
  }

  @Test
  void aFieldGroupOfASchemaNoDatasetUsesMayLoseFields() {
    Map<String, Object> fewerFields =
        Fixtures.fieldGroup("F", "simtenant", Map.of("chargeId", Map.of("type", "string")));
    SimClient.Resp r = c.put(path(groupInUse()), fewerFields);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  @Test
  void narrowingIntendedToExtendBelowAUsingSchemasClassIsRefused() {
    JsonNode fg = groupInUse();
    SimClient.Resp r =
        c.put(
            path(fg),
            with(Fixtures.fieldGroup("F"), "meta:intendedToExtend", List.of(Fixtures.EVENT_CLASS)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text("detail"))
        .contains(fg.path("$id").asText())
        .contains("not intended to extend");
  }

  @Test
  void deleteIsRefusedWhileASchemaUsesTheGroupThenAnswers204() {
    JsonNode fg = create(Fixtures.fieldGroup("F"));
    String schema = schemaUsing(fg).text("$id");
    SimClient.Resp refused = c.delete(path(fg));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("detail")).contains(schema);
    assertThat(c.delete(SCHEMAS + "/tenant/schemas/" + SimClient.enc(schema)).status())
        .isEqualTo(204);
    assertThat(c.delete(path(fg)).status()).isEqualTo(204);
    assertThat(c.get(path(fg), XED_V1).status()).isEqualTo(404);
  }

  @Test
  void statsCountTheFieldGroups() {
    create(Fixtures.fieldGroup("F"));
    create(Fixtures.fieldGroup("G"));
    assertThat(c.get(SCHEMAS + "/stats", "application/json").json().at("/counts/mixins").asInt())
        .isEqualTo(2);
  }
}

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
 * Schema Registry tenant schemas: Accept rules, unique titles, ids, versions, list paging, delete.
 */
class SchemaRegistryTest extends SimulatorTestBase {

  private JsonNode create(String title) {
    String id = Fixtures.stripeSchema(c, title);
    return c.get(SCHEMAS + "/tenant/schemas/" + SimClient.enc(id), XED_V1).json();
  }

  @Test
  void createAnswers201WithRegistryAssignedIdsAndVersion() {
    JsonNode s = create("Stripe Charges");
    assertThat(s.path("$id").asText())
        .matches("https://ns\\.adobe\\.com/simtenant/schemas/[0-9a-f]+");
    assertThat(s.path("meta:altId").asText()).startsWith("_simtenant.schemas.");
    assertThat(s.path("version").asText()).isEqualTo("1.0");
    assertThat(s.path("meta:class").asText()).isEqualTo(Fixtures.PROFILE_CLASS);
    assertThat(s.path("meta:containerId").asText()).isEqualTo("tenant");
    assertThat(s.path("meta:extends")).hasSize(2);
  }

  @Test
  void titlesAreUnique() {
    create("Stripe Charges");
    SimClient.Resp dup = c.post(SCHEMAS + "/tenant/schemas", Fixtures.schema("Stripe Charges"));
    assertThat(dup.status()).isEqualTo(400);
    assertThat(dup.text("type")).endsWith("XDM-1521-400");
    assertThat(dup.json().path("report").has("detailed-message")).isTrue();
  }

  @Test
  void createNeedsExactlyOneClassAndTheRequiredFields() {
    Map<String, Object> noClass = new HashMap<>(Fixtures.schema("x"));
    noClass.put("allOf", List.of(Map.of("$ref", "https://ns.adobe.com/simtenant/mixins/a")));
    assertThat(c.post(SCHEMAS + "/tenant/schemas", noClass).status()).isEqualTo(400);
    Map<String, Object> twoClasses = new HashMap<>(Fixtures.schema("y"));
    twoClasses.put(
        "allOf",
        List.of(
            Map.of("$ref", Fixtures.PROFILE_CLASS),
            Map.of("$ref", "https://ns.adobe.com/xdm/context/experienceevent")));
    assertThat(c.post(SCHEMAS + "/tenant/schemas", twoClasses).status()).isEqualTo(400);
  }

  @Test
  void lookupByAltIdOrEncodedIdNeedsVersionedAccept() {
    JsonNode s = create("Stripe Charges");
    String enc = SimClient.enc(s.path("$id").asText());
    assertThat(c.get(SCHEMAS + "/tenant/schemas/" + enc, XED_V1).json().path("title").asText())
        .isEqualTo("Stripe Charges");
    assertThat(
            c.get(
                    SCHEMAS + "/tenant/schemas/" + s.path("meta:altId").asText(),
                    "application/vnd.adobe.xed-full+json; version=1")
                .status())
        .isEqualTo(200);
    SimClient.Resp noVersion =
        c.get(SCHEMAS + "/tenant/schemas/" + enc, "application/vnd.adobe.xed+json");
    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(noVersion.text("type")).endsWith("XDM-1007-400");
    assertThat(c.get(SCHEMAS + "/tenant/schemas/" + enc).text("type")).endsWith("XDM-1007-400");
    assertThat(c.get(SCHEMAS + "/tenant/schemas/" + enc, "application/json").status())
        .isEqualTo(406);
    assertThat(
            c.get(SCHEMAS + "/tenant/schemas/" + enc, "application/vnd.adobe.xed+json; version=2")
                .status())
        .isEqualTo(406);
    SimClient.Resp missing = c.get(SCHEMAS + "/tenant/schemas/_simtenant.schemas.nope", XED_V1);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text("type")).endsWith("XDM-1012-404");
  }

  @Test
  void listByTitleNeedsListAccept() {
    create("Stripe Charges");
    create("Stripe Refunds");
    SimClient.Resp r =
        c.get(
            SCHEMAS + "/tenant/schemas?property=" + SimClient.enc("title==Stripe Refunds"), XED_ID);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("results")).hasSize(1);
    JsonNode summary = r.json().at("/results/0");
    assertThat(summary.path("title").asText()).isEqualTo("Stripe Refunds");
    assertThat(summary.has("$id") && summary.has("meta:altId") && summary.has("version")).isTrue();
    assertThat(summary.has("allOf")).isFalse();
    assertThat(r.json().at("/_page/count").asInt()).isEqualTo(1);
    assertThat(
            c.get(SCHEMAS + "/tenant/schemas", "application/vnd.adobe.xed+json")
                .json()
                .at("/results/0")
                .has("allOf"))
        .isTrue();
    SimClient.Resp bad = c.get(SCHEMAS + "/tenant/schemas", "application/json");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("type")).endsWith("XDM-1006-400");
  }

  @Test
  void listPagesWithStartValue() {
    for (String t : List.of("a", "b", "c")) {
      create(t);
    }
    SimClient.Resp p1 = c.get(SCHEMAS + "/tenant/schemas?orderby=title&limit=2", XED_ID);
    assertThat(p1.json().get("results").findValuesAsText("title")).containsExactly("a", "b");
    assertThat(p1.json().at("/_page/next").asText()).isEqualTo("c");
    SimClient.Resp p2 = c.get(SCHEMAS + "/tenant/schemas?orderby=title&limit=2&start=c", XED_ID);
    assertThat(p2.json().get("results").findValuesAsText("title")).containsExactly("c");
  }

  @Test
  void putAndPatchBumpTheMinorVersion() {
    JsonNode s = create("Stripe Charges");
    String path = SCHEMAS + "/tenant/schemas/" + SimClient.enc(s.path("$id").asText());
    Map<String, Object> replaced = new HashMap<>(Fixtures.schema("Stripe Charges v2"));
    SimClient.Resp put = c.put(path, replaced);
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.text("version")).isEqualTo("1.1");
    SimClient.Resp patch = c.patchOne(path, "replace", "/description", "new", null);
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    assertThat(patch.text("version")).isEqualTo("1.2");
    assertThat(c.patchOne(path, "replace", "/$id", "x", null).status()).isEqualTo(400);
    assertThat(c.get(path, "application/vnd.adobe.xed+json; version=1.2").status()).isEqualTo(200);
  }

  @Test
  void deleteAnswers204AndIsRefusedWhileADatasetUsesTheSchema() {
    JsonNode s = create("Stripe Charges");
    String path = SCHEMAS + "/tenant/schemas/" + SimClient.enc(s.path("$id").asText());
    SimClient.Resp ds =
        c.post(SimClient.CATALOG + "/dataSets", Fixtures.dataset("d", s.path("$id").asText()));
    assertThat(c.delete(path).status()).isEqualTo(400);
    String dsId = ds.json().get(0).asText().substring("@/dataSets/".length());
    assertThat(c.delete(SimClient.CATALOG + "/dataSets/" + dsId).status()).isEqualTo(200);
    assertThat(c.delete(path).status()).isEqualTo(204);
    assertThat(c.get(path, XED_V1).status()).isEqualTo(404);
  }

  private static dev.aep.simulator.http.Caller callerOf(SimClient.Resp created) {
    return new dev.aep.simulator.http.Caller("test", created.text("imsOrg"), "prod");
  }

  @Test
  void statsNameTheTenant() {
    assertThat(c.get(SCHEMAS + "/stats", "application/json").text("tenantId"))
        .isEqualTo("simtenant");
  }

  private String fieldGroup(Map<String, Object> body) {
    SimClient.Resp r = c.post(SCHEMAS + "/tenant/fieldgroups", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("$id");
  }

  private SimClient.Resp patch(String schemaId, Map<String, Object> op) {
    return c.send(
        "PATCH",
        SCHEMAS + "/tenant/schemas/" + SimClient.enc(schemaId),
        SimClient.json(List.of(op)),
        Map.of());
  }

  @Test
  void aRefToAnUnknownFieldGroupOrClassIsRefusedNamingIt() {
    SimClient.Resp fg =
        c.post(
            SCHEMAS + "/tenant/schemas",
            Fixtures.schema("x", "https://ns.adobe.com/simtenant/mixins/nope"));
    assertThat(fg.status()).isEqualTo(400);
    assertThat(fg.text("detail")).contains("https://ns.adobe.com/simtenant/mixins/nope");
    Map<String, Object> customClass = new HashMap<>(Fixtures.schema("y"));
    customClass.put(
        "allOf", List.of(Map.of("$ref", "https://ns.adobe.com/simtenant/classes/mine")));
    assertThat(c.post(SCHEMAS + "/tenant/schemas", customClass).text("detail"))
        .contains("https://ns.adobe.com/simtenant/classes/mine");
  }

  @Test
  void fieldGroupsAreFoundByIdOrAltIdAndTheStandardIdentityMapIsKnown() {
    String id = fieldGroup(Fixtures.fieldGroup("F"));
    String altId =
        c.get(SCHEMAS + "/tenant/fieldgroups/" + SimClient.enc(id), XED_V1).text("meta:altId");
    SimClient.Resp r =
        c.post(
            SCHEMAS + "/tenant/schemas",
            Fixtures.schema("S", altId, "https://ns.adobe.com/xdm/context/identitymap"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(sim.schemas().fields(sim.schemas().schema(r.text("$id"), callerOf(r)).orElseThrow()))
        .containsKeys("_simtenant.stripe.chargeId", "identityMap", "personID");
  }

  @Test
  void aFieldGroupIntendedForAnotherClassIsRefused() {
    Map<String, Object> eventsOnly = new HashMap<>(Fixtures.fieldGroup("Events"));
    eventsOnly.put("meta:intendedToExtend", List.of(Fixtures.EVENT_CLASS));
    String id = fieldGroup(eventsOnly);
    SimClient.Resp r = c.post(SCHEMAS + "/tenant/schemas", Fixtures.schema("S", id));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text("detail"))
        .contains(id)
        .contains("not intended to extend " + Fixtures.PROFILE_CLASS);
  }

  @Test
  void twoFieldGroupsDefiningTheSamePathAreRefusedNamingThePath() {
    String a = fieldGroup(Fixtures.fieldGroup("A"));
    String b =
        fieldGroup(
            Fixtures.fieldGroup("B", "simtenant", Map.of("currency", Map.of("type", "string"))));
    SimClient.Resp r = c.post(SCHEMAS + "/tenant/schemas", Fixtures.schema("S", a, b));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text("detail")).contains("_simtenant.stripe.currency");
  }

  @Test
  void patchAddAllOfAttachesAFieldGroupAndIsValidatedLikeACreate() {
    String schema = c.post(SCHEMAS + "/tenant/schemas", Fixtures.schema("S")).text("$id");
    String fg = fieldGroup(Fixtures.fieldGroup("F"));
    SimClient.Resp ok =
        patch(schema, Map.of("op", "add", "path", "/allOf/-", "value", Map.of("$ref", fg)));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("meta:extends")).hasSize(2);
    assertThat(ok.text("version")).isEqualTo("1.1");
    SimClient.Resp unknown =
        patch(
            schema,
            Map.of(
                "op",
                "add",
                "path",
                "/allOf/-",
                "value",
                Map.of("$ref", "https://ns.adobe.com/simtenant/mixins/nope")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text("detail")).contains("https://ns.adobe.com/simtenant/mixins/nope");
  }

  @Test
  void aSchemaADatasetUsesMayGainButNotLoseAFieldGroup() {
    String fg = fieldGroup(Fixtures.fieldGroup("F"));
    String schema = c.post(SCHEMAS + "/tenant/schemas", Fixtures.schema("S", fg)).text("$id");
    assertThat(c.post(SimClient.CATALOG + "/dataSets", Fixtures.dataset("d", schema)).status())
        .isEqualTo(201);
    String more =
        fieldGroup(
            Fixtures.fieldGroup("G", "simtenant", Map.of("refunded", Map.of("type", "boolean"))));
    assertThat(
            patch(schema, Map.of("op", "add", "path", "/allOf/-", "value", Map.of("$ref", more)))
                .status())
        .isEqualTo(200);
    SimClient.Resp r = patch(schema, Map.of("op", "remove", "path", "/allOf/1"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text("detail"))
        .contains("removes field group " + fg)
        .contains("additive")
        .contains("new field group, schema and dataset");
  }

  @Test
  void xedFullLookupsExpandClassAndFieldGroupFieldsWithRequired() {
    Map<String, Object> event = new HashMap<>(Fixtures.schema("Events"));
    event.put(
        "allOf",
        List.of(
            Map.of("$ref", Fixtures.EVENT_CLASS),
            Map.of("$ref", fieldGroup(Fixtures.fieldGroup("F")))));
    String path =
        SCHEMAS
            + "/tenant/schemas/"
            + SimClient.enc(c.post(SCHEMAS + "/tenant/schemas", event).text("$id"));
    assertThat(c.get(path, XED_V1).json().has("properties")).isFalse();
    SimClient.Resp full = c.get(path, "application/vnd.adobe.xed-full+json; version=1");
    assertThat(full.headers().firstValue("Content-Type").orElse("")).contains("xed-full+json");
    JsonNode p = full.json().path("properties");
    assertThat(p.at("/_id/type").asText()).isEqualTo("string");
    assertThat(p.at("/timestamp/type").asText()).isEqualTo("string");
    assertThat(p.at("/timestamp/format").asText()).isEqualTo("date-time");
    JsonNode stripe = p.at("/_simtenant/properties/stripe/properties");
    assertThat(stripe.at("/amount/type").asText()).isEqualTo("integer");
    assertThat(stripe.at("/chargeId/title").asText()).isEqualTo("Charge ID");
    assertThat(full.json().path("required"))
        .extracting(JsonNode::asText)
        .containsExactly("_id", "timestamp");
    JsonNode notext = c.get(path, "application/vnd.adobe.xed-full-notext+json; version=1").json();
    assertThat(
            notext.at("/properties/_simtenant/properties/stripe/properties/chargeId").has("title"))
        .isFalse();
  }
}

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

/** Schema Registry tenant schemas: Accept rules, unique titles, ids, versions, list paging, delete. */
class SchemaRegistryTest extends SimulatorTestBase {

  private JsonNode create(String title) {
    String id = Fixtures.stripeSchema(c, title);
    return c.get(SCHEMAS + "/tenant/schemas/" + SimClient.enc(id), XED_V1).json();
  }

  @Test
  void createAnswers201WithRegistryAssignedIdsAndVersion() {
    JsonNode s = create("Stripe Charges");
    assertThat(s.path("$id").asText()).matches("https://ns\\.adobe\\.com/simtenant/schemas/[0-9a-f]+");
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
    twoClasses.put("allOf", List.of(Map.of("$ref", Fixtures.PROFILE_CLASS),
        Map.of("$ref", "https://ns.adobe.com/xdm/context/experienceevent")));
    assertThat(c.post(SCHEMAS + "/tenant/schemas", twoClasses).status()).isEqualTo(400);
  }

  @Test
  void lookupByAltIdOrEncodedIdNeedsVersionedAccept() {
    JsonNode s = create("Stripe Charges");
    String enc = SimClient.enc(s.path("$id").asText());
    assertThat(c.get(SCHEMAS + "/tenant/schemas/" + enc, XED_V1).json().path("title").asText())
        .isEqualTo("Stripe Charges");
    assertThat(c.get(SCHEMAS + "/tenant/schemas/" + s.path("meta:altId").asText(),
        "application/vnd.adobe.xed-full+json; version=1").status()).isEqualTo(200);
    SimClient.Resp noVersion = c.get(SCHEMAS + "/tenant/schemas/" + enc, "application/vnd.adobe.xed+json");
    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(noVersion.text("type")).endsWith("XDM-1007-400");
    assertThat(c.get(SCHEMAS + "/tenant/schemas/" + enc).text("type")).endsWith("XDM-1007-400");
    assertThat(c.get(SCHEMAS + "/tenant/schemas/" + enc, "application/json").status()).isEqualTo(406);
    assertThat(c.get(SCHEMAS + "/tenant/schemas/" + enc, "application/vnd.adobe.xed+json; version=2").status())
        .isEqualTo(406);
    SimClient.Resp missing = c.get(SCHEMAS + "/tenant/schemas/_simtenant.schemas.nope", XED_V1);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text("type")).endsWith("XDM-1012-404");
  }

  @Test
  void listByTitleNeedsListAccept() {
    create("Stripe Charges");
    create("Stripe Refunds");
    SimClient.Resp r = c.get(SCHEMAS + "/tenant/schemas?property=" + SimClient.enc("title==Stripe Refunds"), XED_ID);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("results")).hasSize(1);
    JsonNode summary = r.json().at("/results/0");
    assertThat(summary.path("title").asText()).isEqualTo("Stripe Refunds");
    assertThat(summary.has("$id") && summary.has("meta:altId") && summary.has("version")).isTrue();
    assertThat(summary.has("allOf")).isFalse();
    assertThat(r.json().at("/_page/count").asInt()).isEqualTo(1);
    assertThat(c.get(SCHEMAS + "/tenant/schemas", "application/vnd.adobe.xed+json").json().at("/results/0")
        .has("allOf")).isTrue();
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
    SimClient.Resp patch = c.send("PATCH", path, SimClient.json(List.of(
        Map.of("op", "replace", "path", "/description", "value", "new"))), Map.of());
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    assertThat(patch.text("version")).isEqualTo("1.2");
    assertThat(c.send("PATCH", path, SimClient.json(List.of(
        Map.of("op", "replace", "path", "/$id", "value", "x"))), Map.of()).status()).isEqualTo(400);
    assertThat(c.get(path, "application/vnd.adobe.xed+json; version=1.2").status()).isEqualTo(200);
  }

  @Test
  void deleteAnswers204AndIsRefusedWhileADatasetUsesTheSchema() {
    JsonNode s = create("Stripe Charges");
    String path = SCHEMAS + "/tenant/schemas/" + SimClient.enc(s.path("$id").asText());
    SimClient.Resp ds = c.post(SimClient.CATALOG + "/dataSets", Fixtures.dataset("d", s.path("$id").asText()));
    assertThat(c.delete(path).status()).isEqualTo(400);
    String dsId = ds.json().get(0).asText().substring("@/dataSets/".length());
    assertThat(c.delete(SimClient.CATALOG + "/dataSets/" + dsId).status()).isEqualTo(200);
    assertThat(c.delete(path).status()).isEqualTo(204);
    assertThat(c.get(path, XED_V1).status()).isEqualTo(404);
  }

  @Test
  void statsNameTheTenant() {
    assertThat(c.get(SCHEMAS + "/stats", "application/json").text("tenantId")).isEqualTo("simtenant");
  }
}

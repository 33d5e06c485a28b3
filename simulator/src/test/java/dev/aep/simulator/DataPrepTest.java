package dev.aep.simulator;

import static dev.aep.simulator.SimClient.CONVERSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data Prep mapping sets: 200 create, versions by PUT, old versions readable, both formats, no
 * DELETE.
 */
class DataPrepTest extends SimulatorTestBase {
  String schemaId;

  @BeforeEach
  void schema() {
    schemaId = Fixtures.stripeSchema(c, "S");
  }

  @Test
  void createAnswers200WithHexIdAndVersionZero() {
    SimClient.Resp r = c.post(CONVERSION + "/mappingSets", Fixtures.mappingSet(schemaId));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text("id")).matches("[0-9a-f]{32}");
    assertThat(r.json().get("version").asInt()).isZero();
    assertThat(r.json().has("createdDate")).isTrue();
  }

  @Test
  void getCarriesBothFieldNameSets() {
    String id = c.post(CONVERSION + "/mappingSets", Fixtures.mappingSet(schemaId)).text("id");
    JsonNode ms = c.get(CONVERSION + "/mappingSets/" + id).json();
    assertThat(ms.at("/outputSchema/schemaRef/id").asText()).isEqualTo(schemaId);
    JsonNode m = ms.at("/mappings/0");
    assertThat(m.path("source").asText()).isEqualTo("data.id");
    assertThat(m.path("sourceAttribute").asText()).isEqualTo("data.id");
    assertThat(m.path("destinationXdmPath").asText()).isEqualTo("_simtenant.stripe.chargeId");
    assertThat(m.path("sourceType").asText()).isEqualTo("text/x.schema-path");
    assertThat(ms.at("/mappings/1/source").asText()).isEqualTo("lower(data.currency)");
  }

  @Test
  void acceptsTheLegacyTutorialFormat() {
    Map<String, Object> legacy =
        Map.of(
            "version",
            0,
            "xdmSchema",
            schemaId,
            "xdmVersion",
            "1.0",
            "mappings",
            List.of(
                Map.of(
                    "destinationXdmPath",
                    "_simtenant.stripe.chargeId",
                    "sourceAttribute",
                    "data.id",
                    "identity",
                    false,
                    "version",
                    0)));
    SimClient.Resp r = c.post(CONVERSION + "/mappingSets", legacy);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(
            c.get(CONVERSION + "/mappingSets/" + r.text("id"))
                .json()
                .at("/mappings/0/destination")
                .asText())
        .isEqualTo("_simtenant.stripe.chargeId");
  }

  @Test
  void putMakesANewVersionAndOldVersionsStayReadable() {
    String id = c.post(CONVERSION + "/mappingSets", Fixtures.mappingSet(schemaId)).text("id");
    Map<String, Object> v1 =
        Map.of(
            "outputSchema",
            Map.of("schemaRef", Map.of("id", schemaId)),
            "mappings",
            List.of(
                Map.of(
                    "sourceType",
                    "ATTRIBUTE",
                    "source",
                    "data.amount",
                    "destination",
                    "_simtenant.stripe.amount")));
    SimClient.Resp put = c.put(CONVERSION + "/mappingSets/" + id, v1);
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.text("id")).isEqualTo(id);
    assertThat(put.json().get("version").asInt()).isEqualTo(1);
    assertThat(c.get(CONVERSION + "/mappingSets/" + id).json().get("version").asInt()).isEqualTo(1);
    assertThat(
            c.get(CONVERSION + "/mappingSets/" + id + "?version=0")
                .json()
                .at("/mappings/0/source")
                .asText())
        .isEqualTo("data.id");
    assertThat(
            c.get(CONVERSION + "/mappingSets/" + id + "?version=1")
                .json()
                .at("/mappings/0/source")
                .asText())
        .isEqualTo("data.amount");
    assertThat(c.get(CONVERSION + "/mappingSets/" + id + "?version=2").status()).isEqualTo(404);
    assertThat(c.get(CONVERSION + "/mappingSets/" + id + "/mappings").json()).hasSize(1);
  }

  @Test
  void validatesSchemaAndMappings() {
    assertThat(c.post(CONVERSION + "/mappingSets", Map.of("mappings", List.of())).status())
        .isEqualTo(400);
    assertThat(
            c.post(
                    CONVERSION + "/mappingSets",
                    Map.of(
                        "outputSchema", Map.of("schemaRef", Map.of("id", schemaId)),
                        "mappings",
                            List.of(
                                Map.of("sourceType", "MAGIC", "source", "a", "destination", "b"))))
                .status())
        .isEqualTo(400);
    assertThat(
            c.post(
                    CONVERSION + "/mappingSets",
                    Fixtures.mappingSet("https://ns.adobe.com/simtenant/schemas/x"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void listNeedsLimitAndStartAndThereIsNoDelete() {
    String id = c.post(CONVERSION + "/mappingSets", Fixtures.mappingSet(schemaId)).text("id");
    assertThat(c.get(CONVERSION + "/mappingSets").status()).isEqualTo(400);
    SimClient.Resp list = c.get(CONVERSION + "/mappingSets?limit=10&start=0");
    assertThat(list.json().get("data")).hasSize(1);
    assertThat(list.json().at("/_page/count").asInt()).isEqualTo(1);
    assertThat(c.delete(CONVERSION + "/mappingSets/" + id).status()).isEqualTo(405);
    assertThat(c.get(CONVERSION + "/mappingSets/" + id).status()).isEqualTo(200);
  }
}

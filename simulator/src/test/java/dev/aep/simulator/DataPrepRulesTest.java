package dev.aep.simulator;

import static dev.aep.simulator.Fixtures.attribute;
import static dev.aep.simulator.Fixtures.expression;
import static dev.aep.simulator.SimClient.CONVERSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mapping sets must fit their output schema; validate and preview answer per mapping / record and
 * store nothing.
 */
class DataPrepRulesTest extends SimulatorTestBase {
  String schemaId;

  @BeforeEach
  void eventSchema() {
    schemaId = Fixtures.eventSchema(c, "Events");
  }

  private SimClient.Resp create(List<Map<String, Object>> mappings) {
    return c.post(CONVERSION + "/mappingSets", Fixtures.mappingSet(schemaId, mappings));
  }

  @Test
  void destinationOutsideTheSchemaIsRefusedNamingTheMapping() {
    SimClient.Resp r =
        create(
            List.of(attribute("data.id", "_id"), attribute("data.id", "_simtenant.stripe.nope")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text("detail"))
        .contains("mapping[1] (data.id -> _simtenant.stripe.nope)")
        .contains("not a field of the output schema");
    assertThat(r.json().get("errors")).hasSize(1);
  }

  @Test
  void unknownFunctionAndBadSyntaxAreRefusedOneMessagePerMapping() {
    SimClient.Resp r =
        create(
            List.of(
                expression("frobnicate(data.id)", "_id"),
                expression("lower(data.currency", "_simtenant.stripe.currency"),
                attribute("data..amount", "_simtenant.stripe.amount")));
    assertThat(r.status()).isEqualTo(400);
    JsonNode errors = r.json().get("errors");
    assertThat(errors).hasSize(3);
    assertThat(errors.get(0).asText())
        .startsWith("mapping[0] (frobnicate(data.id) -> _id)")
        .contains("Unknown function 'frobnicate'");
    assertThat(errors.get(1).asText()).startsWith("mapping[1]").contains("Expected ')'");
    assertThat(errors.get(2).asText())
        .startsWith("mapping[2] (data..amount -> _simtenant.stripe.amount)")
        .contains("invalid source path");
  }

  @Test
  void putRefusesABadVersionAndKeepsTheOldOne() {
    String id = create(Fixtures.goodEventMappings()).text("id");
    SimClient.Resp put =
        c.put(
            CONVERSION + "/mappingSets/" + id,
            Fixtures.mappingSet(schemaId, List.of(attribute("data.id", "missing.field"))));
    assertThat(put.status()).isEqualTo(400);
    assertThat(put.text("detail")).contains("missing.field");
    assertThat(c.get(CONVERSION + "/mappingSets/" + id).json().get("version").asInt()).isZero();
  }

  @Test
  void validateAnswersOneEntryPerMappingAndStoresNothing() {
    SimClient.Resp r =
        c.post(
            CONVERSION + "/mappingSets/validate",
            Fixtures.mappingSet(
                schemaId,
                List.of(
                    attribute("data.id", "_id"),
                    expression("nope(data.id)", "_simtenant.stripe.chargeId"))));
    assertThat(r.status()).isEqualTo(200);
    JsonNode v = r.json().get("validationResponse");
    assertThat(v).hasSize(2);
    assertThat(v.at("/0/status").asText()).isEqualTo("SUCCESS");
    assertThat(v.at("/0/errors").isNull()).isTrue();
    assertThat(v.at("/1/status").asText()).isEqualTo("FAILED");
    assertThat(v.at("/1/errors/0/source").asText()).isEqualTo("nope(data.id)");
    assertThat(v.at("/1/errors/0/destination").asText()).isEqualTo("_simtenant.stripe.chargeId");
    assertThat(v.at("/1/errors/0/sourceType").asText()).isEqualTo("EXPRESSION");
    assertThat(v.at("/1/errors/0/exception").asText()).contains("Unknown function 'nope'");
    assertThat(sim.inventory().count(Kind.MAPPING_SET)).isZero();
  }

  @Test
  void previewMapsEachRecordIntoANestedRow() {
    Map<String, Object> record =
        Map.of(
            "data", Map.of("id", 1234, "currency", "usd", "created", 1571829875, "amount", "12x"));
    SimClient.Resp r =
        c.post(
            CONVERSION + "/mappingSets/preview",
            Map.of(
                "data",
                List.of(record),
                "mappingSet",
                Fixtures.mappingSet(
                    schemaId,
                    List.of(
                        attribute("data.id", "_id"),
                        Fixtures.timestamp(),
                        expression("upper(data.currency)", "_simtenant.stripe.currency"),
                        expression("to_integer(data.amount)", "_simtenant.stripe.amount")))));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode row = r.json().get(0).get("data");
    assertThat(row.get("_id").asText()).isEqualTo("1234");
    assertThat(row.get("_id").isTextual()).isTrue();
    assertThat(row.get("timestamp").asText()).isEqualTo("2019-10-23T11:24:35.000Z");
    assertThat(row.at("/_simtenant/stripe/currency").asText()).isEqualTo("USD");
    assertThat(row.at("/_simtenant/stripe").has("amount")).isFalse();
    assertThat(r.json().at("/0/errors/0/destination").asText())
        .isEqualTo("_simtenant.stripe.amount");
    assertThat(r.json().at("/0/errors/0/exception").asText()).contains("is not a number");
    assertThat(sim.inventory().count(Kind.MAPPING_SET)).isZero();
  }

  @Test
  void expressionValidateAnswersABoolean() {
    assertThat(
            c.post(
                    CONVERSION + "/languages/el/validate",
                    Map.of("expression", "concat(\"Hi\", \",\", \"there\")"))
                .json()
                .asBoolean())
        .isTrue();
    SimClient.Resp bad =
        c.post(CONVERSION + "/languages/el/validate", Map.of("expression", "nope(1)"));
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.json().isBoolean()).isTrue();
    assertThat(bad.json().asBoolean()).isFalse();
  }
}

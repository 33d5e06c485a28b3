package dev.aep.simulator;

import static dev.aep.simulator.Fixtures.attribute;
import static dev.aep.simulator.Fixtures.expression;
import static dev.aep.simulator.SimClient.FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Runs map generated Stripe charges with the flow's mapping set and check each row against the
 * target schema.
 */
class RunIngestTest extends SimulatorTestBase {

  private Fixtures.Chain eventChain(
      List<Map<String, Object>> mappings, Map<String, Object> flowExtras) {
    return Fixtures.chain(
        c,
        "e",
        Fixtures.schedule("hour", 1, sim.clock().now().getEpochSecond() - 10),
        Fixtures.eventSchema(c, "Events"),
        mappings,
        flowExtras);
  }

  /** The required _id and timestamp mapped as documented, then the mapping under test. */
  private static List<Map<String, Object>> withIdAndTimestamp(Map<String, Object> mapping) {
    return List.of(attribute("data.id", "_id"), Fixtures.timestamp(), mapping);
  }

  @Test
  void goodMappingWritesEveryRecordWithMappedFields() {
    Fixtures.Chain ch = eventChain(Fixtures.goodEventMappings(), Map.of());
    JsonNode run = Fixtures.firstRun(sim, c, ch.flowId());
    long n = RunIngest.recordCount(ch.flowId(), 1);
    assertThat(run.at("/metrics/statusSummary/status").asText()).isEqualTo("success");
    assertThat(run.at("/metrics/recordSummary/inputRecordCount").asLong()).isEqualTo(n);
    assertThat(run.at("/metrics/recordSummary/outputRecordCount").asLong()).isEqualTo(n);
    assertThat(run.at("/metrics/recordSummary/failedRecordCount").asLong()).isZero();
    assertThat(run.at("/metrics/statusSummary/errors")).isEmpty();
    List<ObjectNode> rows = sim.datasetRows(ch.datasetId());
    assertThat(rows).hasSize((int) Math.min(n, DatasetRows.KEPT));
    for (ObjectNode row : rows) {
      assertThat(row.get("_id").asText()).matches("ch_3Q[A-Za-z0-9]{22}");
      assertThat(row.get("timestamp").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000Z");
      assertThat(row.at("/_simtenant/stripe/chargeId").asText()).isEqualTo(row.get("_id").asText());
      assertThat(row.at("/_simtenant/stripe/amount").isIntegralNumber()).isTrue();
      assertThat(row.at("/_simtenant/stripe/currency").asText()).matches("[A-Z]{3}");
      assertThat(row.at("/_simtenant/stripe/paid").isBoolean()).isTrue();
    }
    SimClient.Resp admin = c.get("/simulator/admin/datasets/" + ch.datasetId() + "/rows");
    assertThat(admin.json().get("rows")).hasSize(rows.size());
  }

  @Test
  void bareSourcesLeaveRequiredFieldsNullAndFailTheRunNamingThem() {
    Fixtures.Chain ch =
        eventChain(
            List.of(
                attribute("id", "_id"),
                Fixtures.timestamp(),
                attribute("amount", "_simtenant.stripe.amount")),
            Map.of());
    JsonNode run = Fixtures.firstRun(sim, c, ch.flowId());
    long n = RunIngest.recordCount(ch.flowId(), 1);
    assertThat(run.at("/metrics/statusSummary/status").asText()).isEqualTo("failed");
    assertThat(run.at("/metrics/recordSummary/failedRecordCount").asLong()).isEqualTo(n);
    assertThat(run.at("/metrics/recordSummary/outputRecordCount").asLong()).isZero();
    JsonNode error = run.at("/metrics/statusSummary/errors/0");
    assertThat(error.get("code").asText()).isEqualTo("INGEST-1555-400");
    assertThat(error.get("message").asText()).contains("'_id'");
    assertThat(error.get("recordCount").asLong()).isEqualTo(n);
    assertThat(run.at("/activities/0/statusSummary/extensions/errors/0/code").asText())
        .isEqualTo("INGEST-1555-400");
    assertThat(sim.datasetRows(ch.datasetId())).isEmpty();
    assertThat(c.get(FLOW + "/flows/" + ch.flowId()).item().at("/lastRunDetails/state").asText())
        .isEqualTo("failed");
  }

  @Test
  void valueThatDoesNotFitItsFieldTypeFailsTheRecord() {
    Fixtures.Chain ch =
        eventChain(
            withIdAndTimestamp(attribute("data.currency", "_simtenant.stripe.amount")), Map.of());
    JsonNode run = Fixtures.firstRun(sim, c, ch.flowId());
    assertThat(run.at("/metrics/statusSummary/status").asText()).isEqualTo("failed");
    JsonNode error = run.at("/metrics/statusSummary/errors/0");
    assertThat(error.get("code").asText()).isEqualTo("INGEST-1212-400");
    assertThat(error.get("message").asText())
        .contains("_simtenant.stripe.amount")
        .contains("integer");
  }

  @Test
  void transformationErrorOnAnOptionalFieldOnlyNullsTheColumn() {
    Fixtures.Chain ch =
        eventChain(
            withIdAndTimestamp(expression("to_integer(data.currency)", "_simtenant.stripe.amount")),
            Map.of());
    JsonNode run = Fixtures.firstRun(sim, c, ch.flowId());
    long n = RunIngest.recordCount(ch.flowId(), 1);
    assertThat(run.at("/metrics/statusSummary/status").asText()).isEqualTo("success");
    assertThat(run.at("/metrics/recordSummary/warningRecordCount").asLong()).isEqualTo(n);
    assertThat(sim.datasetRows(ch.datasetId()).get(0).at("/_simtenant/stripe").has("amount"))
        .isFalse();
  }

  @Test
  void partialIngestionPercentLetsARunWithSomeFailuresSucceed() {
    // failed charges (about one in ten) have amount 0; the iif turns it into a string, which fails
    // the integer field
    List<Map<String, Object>> mappings =
        withIdAndTimestamp(
            expression("iif(data.paid, data.amount, 'declined')", "_simtenant.stripe.amount"));
    Fixtures.Chain strict = eventChain(mappings, Map.of());
    JsonNode failedRun = Fixtures.firstRun(sim, c, strict.flowId());
    long failed = failedRun.at("/metrics/recordSummary/failedRecordCount").asLong();
    assertThat(failed)
        .isPositive()
        .isLessThan(failedRun.at("/metrics/recordSummary/inputRecordCount").asLong());
    assertThat(failedRun.at("/metrics/statusSummary/status").asText()).isEqualTo("failed");

    sim.reset();
    c = SimClient.authenticated(sim);
    Fixtures.Chain lenient =
        eventChain(mappings, Map.of("options", Map.of("partialIngestionPercent", 60)));
    JsonNode run = Fixtures.firstRun(sim, c, lenient.flowId());
    assertThat(run.at("/metrics/statusSummary/status").asText()).isEqualTo("success");
    assertThat(run.at("/metrics/recordSummary/failedRecordCount").asLong()).isPositive();
    assertThat(run.at("/metrics/statusSummary/errors/0/code").asText())
        .isEqualTo("INGEST-1212-400");
  }

  @Test
  void flowOptionsArePatchedWithIfMatchAndReadBackAsNumbers() {
    Fixtures.Chain ch =
        Fixtures.chain(
            c, "o", Fixtures.schedule("hour", 1, sim.clock().now().getEpochSecond() + 60));
    SimClient.Resp patched =
        c.patch(
            FLOW + "/flows/" + ch.flowId(),
            List.of(
                Map.of(
                    "op",
                    "add",
                    "path",
                    "/options",
                    "value",
                    Map.of("partialIngestionPercent", "10")),
                Map.of("op", "add", "path", "/options/errorDiagnosticsEnabled", "value", true)),
            ch.flowEtag());
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    // The flow is updating for a while after a PATCH (platform-api.md 16); the next PATCH waits it
    // out.
    sim.clock().advance(Faults.DEFAULT_FLOW_TRANSITION);
    JsonNode options = c.get(FLOW + "/flows/" + ch.flowId()).item().get("options");
    assertThat(options.get("partialIngestionPercent").isNumber()).isTrue();
    assertThat(options.get("partialIngestionPercent").asInt()).isEqualTo(10);
    assertThat(options.get("errorDiagnosticsEnabled").asBoolean()).isTrue();

    IntFunction<SimClient.Resp> setPercent =
        percent ->
            c.patchOne(
                FLOW + "/flows/" + ch.flowId(),
                "replace",
                "/options/partialIngestionPercent",
                percent,
                patched.text("etag"));
    SimClient.Resp tooMuch = setPercent.apply(101);
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.text("errorMessage")).contains("partialIngestionPercent");
    SimClient.Resp replaced = setPercent.apply(25);
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(
            c.get(FLOW + "/flows/" + ch.flowId())
                .item()
                .at("/options/partialIngestionPercent")
                .asInt())
        .isEqualTo(25);
  }
}

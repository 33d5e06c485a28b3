package dev.aep.simulator;

import static dev.aep.simulator.Fixtures.attribute;
import static dev.aep.simulator.Fixtures.expression;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chain as Adobe documents it, with correct bodies, in an org whose tenant id is not the
 * default: stats -> field group under _{tenant} -> ExperienceEvent schema with it -> identity
 * descriptor -> dataset -> connections -> mapping set with data.* sources, _id and timestamp mapped
 * -> flow -> a run that lands every record. The same chain with bare sources lands nothing.
 */
class DocumentedChainTest {
  private static PlatformSimulator sim;

  @BeforeAll
  static void start() {
    sim = PlatformSimulator.startWithTenant("acme");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /**
   * Walks the chain with the given mappings (the tenant placeholder {T} is replaced); answers the
   * first run.
   */
  private static Walked walk(String name, List<Map<String, Object>> mappings) {
    SimClient c = SimClient.authenticated(sim);
    String tenant = c.get(SimClient.SCHEMAS + "/stats", "application/json").text("tenantId");
    assertThat(tenant).isEqualTo("acme");
    SimClient.Resp fg =
        c.post(
            SimClient.SCHEMAS + "/tenant/fieldgroups",
            Fixtures.fieldGroup(
                "Charge fields " + name,
                tenant,
                Map.of(
                    "chargeId", Map.of("type", "string"),
                    "amount", Map.of("type", "integer"),
                    "currency", Map.of("type", "string"),
                    "email", Map.of("type", "string"))));
    assertThat(fg.status()).as(fg.toString()).isEqualTo(201);
    SimClient.Resp schema =
        c.post(
            SimClient.SCHEMAS + "/tenant/schemas",
            Fixtures.eventSchemaBody("Charges " + name, fg.text("$id")));
    assertThat(schema.status()).as(schema.toString()).isEqualTo(201);
    String schemaId = schema.text("$id");
    SimClient.Resp descriptor =
        c.post(
            SimClient.SCHEMAS + "/tenant/descriptors",
            Fixtures.identityDescriptor(schemaId, "/_" + tenant + "/stripe/email", true));
    assertThat(descriptor.status()).as(descriptor.toString()).isEqualTo(201);
    List<Map<String, Object>> resolved =
        mappings.stream()
            .map(
                m ->
                    Map.<String, Object>of(
                        "sourceType",
                        m.get("sourceType"),
                        "source",
                        m.get("source"),
                        "destination",
                        m.get("destination").toString().replace("{T}", tenant)))
            .toList();
    Fixtures.Chain chain =
        Fixtures.chain(
            c,
            name,
            Fixtures.schedule("hour", 1, sim.clock().now().getEpochSecond() - 10),
            schemaId,
            resolved,
            Map.of());
    return new Walked(tenant, chain, Fixtures.firstRun(sim, c, chain.flowId()), resolved);
  }

  private record Walked(
      String tenant, Fixtures.Chain chain, JsonNode run, List<Map<String, Object>> mappings) {}

  @Test
  void theDocumentedChainLandsEveryRecordWithEveryMappedFieldFilled() {
    Walked w =
        walk(
            "good",
            List.of(
                attribute("data.id", "_id"),
                Fixtures.timestamp(),
                attribute("data.id", "_{T}.stripe.chargeId"),
                attribute("data.amount", "_{T}.stripe.amount"),
                expression("lower(data.currency)", "_{T}.stripe.currency"),
                attribute("data.billing_details.email", "_{T}.stripe.email")));
    long n = w.run().at("/metrics/recordSummary/inputRecordCount").asLong();
    assertThat(w.run().at("/metrics/statusSummary/status").asText()).isEqualTo("success");
    assertThat(n).isPositive();
    assertThat(w.run().at("/metrics/recordSummary/outputRecordCount").asLong()).isEqualTo(n);
    assertThat(w.run().at("/metrics/recordSummary/failedRecordCount").asLong()).isZero();
    List<ObjectNode> rows = sim.datasetRows(w.chain().datasetId());
    assertThat(rows).isNotEmpty();
    for (Map<String, Object> m : w.mappings()) {
      String pointer = "/" + m.get("destination").toString().replace('.', '/');
      assertThat(rows)
          .as("%s filled", m.get("destination"))
          .anyMatch(r -> !r.at(pointer).isMissingNode());
    }
    assertThat(rows).allMatch(r -> r.hasNonNull("_id") && r.hasNonNull("timestamp"));
    assertThat(rows).allMatch(r -> r.at("/_acme/stripe/amount").isIntegralNumber());
  }

  @Test
  void theSameChainWithBareSourcesMapsNothingAndFailsOnId() {
    Walked w =
        walk(
            "bare",
            List.of(
                attribute("id", "_id"),
                Fixtures.timestamp(),
                attribute("id", "_{T}.stripe.chargeId"),
                attribute("amount", "_{T}.stripe.amount")));
    long n = w.run().at("/metrics/recordSummary/inputRecordCount").asLong();
    assertThat(w.run().at("/metrics/statusSummary/status").asText()).isEqualTo("failed");
    assertThat(w.run().at("/metrics/recordSummary/failedRecordCount").asLong()).isEqualTo(n);
    JsonNode error = w.run().at("/metrics/statusSummary/errors/0");
    assertThat(error.path("code").asText()).isEqualTo("INGEST-1555-400");
    assertThat(error.path("message").asText()).contains("'_id'");
    assertThat(sim.datasetRows(w.chain().datasetId())).isEmpty();
  }
}

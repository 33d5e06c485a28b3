package dev.aep.simulator;

import static dev.aep.simulator.SimClient.SCHEMAS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each simulator is one org with its own TENANT_ID (platform-api.md 9): stats, ids and the field
 * namespace use it.
 */
class TenantTest {
  private static JsonNode fieldGroup(SimClient c, String tenant) {
    SimClient.Resp r =
        c.post(
            SCHEMAS + "/tenant/fieldgroups",
            Fixtures.fieldGroup("F", tenant, Map.of("chargeId", Map.of("type", "string"))));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void twoSimulatorsAnswerTheirOwnTenantInStatsIdsAndNamespace() {
    try (PlatformSimulator acme = PlatformSimulator.startWithTenant("acme");
        PlatformSimulator globex = PlatformSimulator.startWithTenant("globex")) {
      SimClient a = SimClient.authenticated(acme);
      SimClient g = SimClient.authenticated(globex);
      assertThat(a.get(SCHEMAS + "/stats", "application/json").text("tenantId")).isEqualTo("acme");
      assertThat(g.get(SCHEMAS + "/stats", "application/json").text("tenantId"))
          .isEqualTo("globex");
      JsonNode fg = fieldGroup(a, "acme");
      assertThat(fg.path("$id").asText()).startsWith("https://ns.adobe.com/acme/mixins/");
      assertThat(fg.path("meta:altId").asText()).startsWith("_acme.mixins.");
      assertThat(fg.path("meta:tenantNamespace").asText()).isEqualTo("_acme");
      SimClient.Resp schema =
          g.post(
              SCHEMAS + "/tenant/schemas",
              Fixtures.schema("S", fieldGroup(g, "globex").path("$id").asText()));
      assertThat(schema.text("$id")).startsWith("https://ns.adobe.com/globex/schemas/");
      assertThat(schema.text("meta:altId")).startsWith("_globex.schemas.");
      assertThat(schema.text("meta:tenantNamespace")).isEqualTo("_globex");
      assertThat(acme.tenantId()).isEqualTo("acme");
    }
  }

  @Test
  void anotherTenantsNamespaceIsOutsideThisOne() {
    try (PlatformSimulator acme = PlatformSimulator.startWithTenant("acme")) {
      SimClient.Resp r =
          SimClient.authenticated(acme)
              .post(
                  SCHEMAS + "/tenant/fieldgroups",
                  Fixtures.fieldGroup("F", "globex", Map.of("chargeId", Map.of("type", "string"))));
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text("detail")).contains("_globex").contains("belong under _acme");
    }
  }
}

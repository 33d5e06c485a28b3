package dev.aep.simulator;

import static dev.aep.simulator.SimClient.SCHEMAS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Identity descriptors (platform-api.md 12): validation naming the field, one primary per schema,
 * list, PUT, delete.
 */
class DescriptorsTest extends SimulatorTestBase {
  private static final String DESC = SCHEMAS + "/tenant/descriptors";
  private String schemaId;

  @BeforeEach
  void schema() {
    schemaId = Fixtures.stripeSchema(c, "S");
  }

  private Map<String, Object> identity(String property, boolean primary) {
    return new HashMap<>(Fixtures.identityDescriptor(schemaId, property, primary));
  }

  private Map<String, Object> with(String key, Object value) {
    Map<String, Object> m = identity("/_simtenant/stripe/email", true);
    if (value == null) {
      m.remove(key);
    } else {
      m.put(key, value);
    }
    return m;
  }

  private String refusal(Map<String, Object> body) {
    SimClient.Resp r = c.post(DESC, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    return r.text("detail");
  }

  @Test
  void createAnswers201WithA32HexIdAndTheBody() {
    SimClient.Resp r = c.post(DESC, identity("/_simtenant/stripe/email", true));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.text("@id")).matches("[0-9a-f]{32}");
    assertThat(r.text("xdm:sourceProperty")).isEqualTo("/_simtenant/stripe/email");
    assertThat(r.text("meta:containerId")).isEqualTo("tenant");
    assertThat(r.json().at("/meta:registryMetadata/eTag").asText()).isNotBlank();
  }

  @Test
  void theSourceSchemaMustExist() {
    assertThat(refusal(with("xdm:sourceSchema", "https://ns.adobe.com/simtenant/schemas/nope")))
        .contains("https://ns.adobe.com/simtenant/schemas/nope");
    assertThat(refusal(with("xdm:sourceSchema", null))).contains("xdm:sourceSchema");
  }

  @Test
  void theSourceVersionIsTheMajorVersionAsANumberOrNumericString() {
    assertThat(c.post(DESC, with("xdm:sourceVersion", "1")).status()).isEqualTo(201);
    assertThat(refusal(with("xdm:sourceVersion", "one"))).contains("xdm:sourceVersion");
    assertThat(refusal(with("xdm:sourceVersion", 2))).contains("xdm:sourceVersion");
  }

  @Test
  void theSourcePropertyIsASlashPathWithoutPropertiesSegments() {
    assertThat(refusal(identity("_simtenant/stripe/email", false))).contains("xdm:sourceProperty");
    assertThat(refusal(identity("/_simtenant/stripe/email/", false)))
        .contains("xdm:sourceProperty");
    assertThat(
            refusal(identity("/properties/_simtenant/properties/stripe/properties/email", false)))
        .contains("properties segments");
  }

  @Test
  void theSourcePropertyMustBeAStringFieldOfTheSchema() {
    assertThat(refusal(identity("/_simtenant/stripe/phone", false)))
        .contains("/_simtenant/stripe/phone")
        .contains("not a field");
    assertThat(refusal(identity("/_simtenant/stripe/amount", false)))
        .contains("/_simtenant/stripe/amount")
        .contains("only string fields");
  }

  @Test
  void namespaceAndPropertyKindAreRequired() {
    assertThat(refusal(with("xdm:namespace", null))).contains("xdm:namespace");
    assertThat(refusal(with("xdm:property", "xdm:name"))).contains("xdm:property");
    assertThat(refusal(with("@type", "xdm:descriptorOneToOne"))).contains("xdm:descriptorOneToOne");
  }

  @Test
  void aSchemaHasAtMostOnePrimaryIdentity() {
    String first = c.post(DESC, identity("/_simtenant/stripe/email", true)).text("@id");
    assertThat(refusal(identity("/_simtenant/stripe/chargeId", true)))
        .contains(first)
        .contains("primary");
    assertThat(c.post(DESC, identity("/_simtenant/stripe/chargeId", false)).status())
        .isEqualTo(201);
  }

  @Test
  void listGroupsByTypeInTheAcceptedFormAndFiltersBySchema() {
    String id = c.post(DESC, identity("/_simtenant/stripe/email", true)).text("@id");
    SimClient.Resp ids =
        c.get(
            DESC + "?property=" + SimClient.enc("xdm:sourceSchema==" + schemaId),
            "application/vnd.adobe.xdm-id+json");
    assertThat(ids.json().path("xdm:descriptorIdentity"))
        .extracting(JsonNode::asText)
        .containsExactly(id);
    JsonNode full = c.get(DESC, "application/vnd.adobe.xdm+json").json();
    assertThat(full.at("/xdm:descriptorIdentity/0/xdm:namespace").asText()).isEqualTo("Email");
    assertThat(
            c.get(
                    DESC + "?property=" + SimClient.enc("xdm:sourceSchema==other"),
                    "application/vnd.adobe.xdm-id+json")
                .json()
                .has("xdm:descriptorIdentity"))
        .isFalse();
    SimClient.Resp bad = c.get(DESC, "application/vnd.adobe.xed+json");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("type")).endsWith("XDM-1008-400");
  }

  @Test
  void lookupPutAndDeleteWorkByAtId() {
    String id = c.post(DESC, identity("/_simtenant/stripe/email", true)).text("@id");
    assertThat(c.get(DESC + "/" + id).text("xdm:namespace")).isEqualTo("Email");
    Map<String, Object> replaced = identity("/_simtenant/stripe/email", true);
    replaced.put("xdm:namespace", "CustomerId");
    SimClient.Resp put = c.put(DESC + "/" + id, replaced);
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.text("@id")).isEqualTo(id);
    assertThat(c.get(DESC + "/" + id).text("xdm:namespace")).isEqualTo("CustomerId");
    assertThat(c.delete(DESC + "/" + id).status()).isEqualTo(204);
    assertThat(c.get(DESC + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void deletingTheSchemaDeletesItsDescriptors() {
    String id = c.post(DESC, identity("/_simtenant/stripe/email", true)).text("@id");
    assertThat(c.delete(SCHEMAS + "/tenant/schemas/" + SimClient.enc(schemaId)).status())
        .isEqualTo(204);
    assertThat(c.get(DESC + "/" + id).status()).isEqualTo(404);
  }
}

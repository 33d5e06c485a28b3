package dev.aep.operator.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingCheck;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PreviewRow;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.SourceSchema;
import dev.aep.operator.testing.FieldTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Explore with preview and the Data Prep checks that store nothing (platform-api.md 13, 14): the
 * exact requests, and answers read without ever keeping record values.
 */
class DataPathChecksTest {

  private static final String SCHEMA = "https://ns.adobe.com/acme/schemas/s1";
  private static final String CONVERSION = "/data/foundation/conversion/mappingSets";

  @RegisterExtension final PlatformSessionFixture fixture = new PlatformSessionFixture("prod");

  private static MappingSetRequest request() {
    return new MappingSetRequest(
        "m",
        SchemaRef.forMapping(SCHEMA),
        List.of(
            Mapping.attribute("data.id", "_acme.stripe.id"),
            Mapping.expression("lower(data.currency)", "_acme.stripe.currency")));
  }

  // --- explore ---

  /** Explored charges with two records; some fields have no type, one a list of types. */
  private static final String EXPLORED_CHARGES =
      "{\"format\":\"hierarchical\",\"schema\":{"
          + "\"type\":\"object\",\"properties\":{\"data\":{\"type\":\"object\",\"properties\":{"
          + "\"id\":{\"type\":\"string\"},"
          + "\"amount\":{\"type\":\"integer\",\"minimum\":-9007199254740991},\"description\":{},"
          + "\"payment_method_details\":{\"type\":\"object\",\"properties\":{"
          + "\"card\":{\"properties\":{\"brand\":{\"type\":\"string\"},\"last4\":{\"type\":[\"null\",\"string\"]}}}}},"
          + "\"refunds\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}}"
          + "}}}},\"data\":[{\"data\":{\"id\":\"ch_1\",\"amount\":100,\"description\":null}},"
          + "{\"data\":{\"id\":\"ch_2\",\"amount\":250,\"payment_method_details\":{\"card\":{\"brand\":\"visa\"}}}}]}";

  @Test
  void exploreListsEveryPathUnderTheDataObjectParentsFirstWithUntypedFieldsAsEmptyType() {
    SourceSchema explored = fixture.explored(EXPLORED_CHARGES);

    assertThat(explored.fields())
        .containsExactlyEntriesOf(
            FieldTable.of(
                "data:object data.id:string data.amount:integer data.description:"
                    + " data.payment_method_details:object data.payment_method_details.card:"
                    + " data.payment_method_details.card.brand:string"
                    + " data.payment_method_details.card.last4:string data.refunds:array"));
    assertThat(explored.samples()).hasSize(2);
    assertThat(explored.samples().get(0)).containsOnlyKeys("data");
    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) explored.samples().get(0).get("data");
    assertThat(first).containsEntry("id", "ch_1").containsEntry("description", null);
    assertThat(fixture.last().getUrl().queryParameter("preview")).isEqualTo("true");
    assertThat(fixture.last().getUrl().queryParameter("fileType")).isEqualTo("json");
  }

  // --- validate ---

  @Test
  void validateSendsTheMappingSetWithoutIdentityFlagsAndReadsOneVerdictPerMapping() {
    fixture.answer(
        200,
        "{\"validationResponse\":["
            + "{\"status\":\"SUCCESS\",\"errors\":null},"
            + "{\"status\":\"FAILED\",\"errors\":[{\"source\":\"lower(data.currency)\","
            + "\"destination\":\"_acme.stripe.currency\",\"sourceType\":\"EXPRESSION\","
            + "\"columnName\":\"currency\",\"exception\":\"Function lower expects a string\"},"
            + "{\"destination\":\"_acme.stripe.currency\"}]}]}");
    List<MappingCheck> checks = fixture.session.dataPrep().validateMappingSet(request());

    assertThat(checks)
        .containsExactly(
            new MappingCheck(0, true, List.of()),
            new MappingCheck(
                1,
                false,
                List.of(
                    "Function lower expects a string",
                    "the mapping to _acme.stripe.currency was refused without a message")));
    fixture.assertLastSent(
        "POST " + CONVERSION + "/validate",
        "{\"name\":\"m\",\"outputSchema\":{\"schemaRef\":"
            + "{\"id\":\""
            + SCHEMA
            + "\",\"contentType\":\"application/vnd.adobe.xed-full+json;version=1\"}},"
            + "\"mappings\":[{\"sourceType\":\"ATTRIBUTE\",\"source\":\"data.id\",\"destination\":\"_acme.stripe.id\"},"
            + "{\"sourceType\":\"EXPRESSION\",\"source\":\"lower(data.currency)\","
            + "\"destination\":\"_acme.stripe.currency\"}]}");
  }

  @Test
  void createMappingSetSendsNoIdentityFlag() {
    fixture.answer(200, "{\"id\":\"e7c80e4c0d8f4a98a7d400b4e178b635\",\"version\":0}");
    fixture.session.dataPrep().createMappingSet(request());
    for (JsonNode m : fixture.lastBody().get("mappings")) {
      assertThat(m.has("identity")).isFalse();
    }
  }

  @Test
  void aValidationVerdictWithoutAStatusIsDecidedByItsErrors() {
    fixture.answer(
        200, "{\"validationResponse\":[{\"errors\":[]}," + "{\"errors\":[\"bad path\"]}]}");
    assertThat(fixture.session.dataPrep().validateMappingSet(request()))
        .extracting(MappingCheck::ok)
        .containsExactly(true, false);
  }

  // --- preview ---

  private static List<Map<String, Object>> samples() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", "ch_secret_customer_1");
    record.put("amount", 1234);
    record.put("currency", "USD");
    record.put("receipt_email", null);
    return List.of(Map.of("data", record));
  }

  @Test
  void previewSendsTheRecordsWithTheMappingSetAndReturnsOnlyTheFilledLeafPaths() {
    fixture.answer(
        200,
        "[{\"data\":{\"_acme\":{\"stripe\":{"
            + "\"id\":\"ch_secret_customer_1\",\"currency\":\"usd\",\"email\":null,\"card\":{}}},"
            + "\"_id\":\"1234\",\"tags\":[\"a\"]},\"errors\":null}]");
    List<PreviewRow> rows = fixture.session.dataPrep().previewMappingSet(request(), samples());

    assertThat(rows)
        .containsExactly(
            new PreviewRow(
                java.util.Set.of("_acme.stripe.id", "_acme.stripe.currency", "_id", "tags"),
                List.of()));
    assertThat(rows.toString()).doesNotContain("ch_secret_customer_1").doesNotContain("usd");
    assertThat(fixture.lastCall()).isEqualTo("POST " + CONVERSION + "/preview");
    JsonNode body = fixture.lastBody();
    assertThat(body.get("data"))
        .isEqualTo(
            PlatformSessionFixture.jsonTree(
                "[{\"data\":{\"id\":\"ch_secret_customer_1\","
                    + "\"amount\":1234,\"currency\":\"USD\",\"receipt_email\":null}}]"));
    assertThat(body.at("/mappingSet/outputSchema/schemaRef/id").asText()).isEqualTo(SCHEMA);
    assertThat(body.at("/mappingSet/mappings")).hasSize(2);
  }

  @Test
  void previewErrorsKeepThePlatformMessageButNotTheRecordValuesItQuotes() {
    fixture.answer(
        200,
        "[{\"data\":{},\"errors\":[{\"destination\":\"_acme.stripe.amount\","
            + "\"exception\":\"Cannot convert 'ch_secret_customer_1' to integer\"}]}]");
    List<PreviewRow> rows = fixture.session.dataPrep().previewMappingSet(request(), samples());

    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.filledDestinations()).isEmpty();
              assertThat(row.errors())
                  .singleElement()
                  .asString()
                  .startsWith("Cannot convert")
                  .doesNotContain("ch_secret_customer_1");
            });
  }

  @Test
  void aRefusedPreviewDoesNotQuoteTheRecordsInItsException() {
    fixture.answer(400, "{\"message\":\"bad record {id=ch_secret_customer_1}\"}");
    assertThatThrownBy(() -> fixture.session.dataPrep().previewMappingSet(request(), samples()))
        .isInstanceOf(PlatformException.class)
        .hasMessageNotContaining("ch_secret_customer_1");
  }

  @Test
  void aPreviewAnsweredAsOneObjectIsOneRow() {
    fixture.answer(
        200, "{\"data\":{\"person\":{\"name\":{\"firstName\":\"Jim\"}}," + "\"_id\":\"1234\"}}");
    assertThat(fixture.session.dataPrep().previewMappingSet(request(), samples()))
        .singleElement()
        .extracting(PreviewRow::filledDestinations)
        .isEqualTo(java.util.Set.of("person.name.firstName", "_id"));
  }
}

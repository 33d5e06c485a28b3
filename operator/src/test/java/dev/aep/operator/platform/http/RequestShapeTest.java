package dev.aep.operator.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.SourceSchema;
import dev.aep.operator.platform.Transformation;
import dev.aep.operator.testing.FieldTable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What goes on the wire: headers, etags, JSON Patch arrays, request bodies, IMS form. */
class RequestShapeTest {

  /** An explore answer whose data root is an array of charge records, and no sample records. */
  private static final String EXPLORED_ARRAY_ROOT =
      "{\"format\":\"hierarchical\",\"schema\":{\"type\":\"object\","
          + "\"properties\":{\"data\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
          + "\"properties\":{\"id\":{\"type\":\"string\"},\"amount\":{\"type\":\"integer\"},"
          + "\"currency\":{\"type\":\"string\"}}}}}}}";

  @RegisterExtension final PlatformSessionFixture fixture = new PlatformSessionFixture("Prod");

  @Test
  void everyPlatformCallCarriesTokenApiKeyOrgAndLowerCaseSandbox() {
    fixture.answer(200, "{\"items\":[]}");
    fixture.flows().list(dev.aep.operator.platform.ListQuery.all());
    fixture.session.catalog().getDataset("abc");
    fixture.session.schemaRegistry().getSchema("https://ns.adobe.com/t/schemas/1");
    fixture.session.dataPrep().getMappingSet("m1");
    assertThat(fixture.server.platformRequests)
        .hasSize(4)
        .allSatisfy(
            r -> {
              assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
              assertThat(r.getHeaders().get("x-api-key")).isEqualTo("client-id-1");
              assertThat(r.getHeaders().get("x-gw-ims-org-id")).isEqualTo("ORG1@AdobeOrg");
              assertThat(r.getHeaders().get("x-sandbox-name")).isEqualTo("prod");
            });
  }

  @Test
  void imsTokenRequestSendsCredentialsInFormBodyNotUrl() {
    fixture.answer(200, "{\"items\":[]}");
    fixture.flows().get("f1");
    RecordedRequest ims = fixture.server.imsRecorded.get(0);
    assertThat(ims.getMethod()).isEqualTo("POST");
    assertThat(ims.getUrl().query()).isNull();
    assertThat(ims.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    String form = ims.getBody().utf8();
    assertThat(form)
        .contains(
            "grant_type=client_credentials",
            "client_id=client-id-1",
            "client_secret=client-secret-1",
            "scope=openid%2CAdobeID");
  }

  @Test
  void patchSendsExactEtagWithQuotesAndJsonPatchArray() {
    fixture.answer(200, "{\"id\":\"f1\",\"etag\":\"\\\"new-etag\\\"\"}");
    List<JsonPatchOp> ops =
        List.of(
            JsonPatchOp.replace("/scheduleParams/interval", 30),
            JsonPatchOp.replace("/transformations/0", Transformation.mapping("m1", 2)),
            JsonPatchOp.add("/description", "d"),
            JsonPatchOp.remove("/labels"));
    EntityRef ref = fixture.flows().patch("f1", "\"1a0037e4-0000-0200-0000-602e06f60000\"", ops);
    assertThat(ref).isEqualTo(new EntityRef("f1", "\"new-etag\""));
    RecordedRequest r = fixture.last();
    assertThat(fixture.lastCall()).isEqualTo("PATCH /data/foundation/flowservice/flows/f1");
    assertThat(r.getHeaders().get("If-Match"))
        .isEqualTo("\"1a0037e4-0000-0200-0000-602e06f60000\"");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = fixture.lastBody();
    assertThat(body.isArray()).isTrue();
    assertThat(body.findValuesAsText("op")).containsExactly("replace", "replace", "add", "remove");
    assertThat(body.get(1).get("value").get("params").get("mappingVersion").asInt()).isEqualTo(2);
    assertThat(body.get(1).get("value").get("name").asText()).isEqualTo("Mapping");
    assertThat(body.get(3).has("value")).isFalse();
  }

  @Test
  void createFlowSendsStartTimeAsStringAndOmitsState() {
    fixture.answer(201, "{\"id\":\"f1\",\"etag\":\"\\\"e1\\\"\"}");
    fixture.flows().create(Requests.NEW_FLOW);
    JsonNode body = fixture.lastBody();
    assertThat(body.has("state")).isFalse();
    assertThat(body.at("/flowSpec/id").asText()).isEqualTo("6499120c-0b15-42dc-936e-847ea3c24d72");
    assertThat(body.at("/scheduleParams/startTime").isTextual()).isTrue();
    assertThat(body.at("/scheduleParams/startTime").asText()).isEqualTo("1710267858");
    assertThat(body.at("/scheduleParams/interval").asInt()).isEqualTo(15);
    assertThat(body.at("/transformations/0/params/mappingId").asText()).isEqualTo("m1");
    assertThat(body.at("/sourceConnectionIds/0").asText()).isEqualTo("s1");
  }

  @Test
  void createBaseConnectionSendsStripeSpecAndAuthParams() {
    fixture.answer(201, "{\"id\":\"b1\",\"etag\":\"\\\"e1\\\"\"}");
    EntityRef ref =
        fixture
            .flowService()
            .baseConnections()
            .create(BaseConnectionRequest.stripe("n", null, "sk_test_123"));
    assertThat(ref.id()).isEqualTo("b1");
    JsonNode body = fixture.lastBody();
    assertThat(body.at("/auth/specName").asText()).isEqualTo("OAuth2 Refresh Code");
    assertThat(body.at("/auth/params/accessToken").asText()).isEqualTo("sk_test_123");
    assertThat(body.at("/connectionSpec/id").asText())
        .isEqualTo("cc2c31d6-7b8c-4581-b49f-5c8698aa3ab3");
    assertThat(body.has("description")).isFalse();
  }

  @Test
  void exploreAsksForAPreviewWithBase64SourceParamsAndReturnsEveryFieldPathUnderData() {
    SourceSchema explored = fixture.explored(EXPLORED_ARRAY_ROOT);
    assertThat(explored.fields())
        .containsExactlyEntriesOf(
            FieldTable.of("data:array data.id:string data.amount:integer data.currency:string"));
    assertThat(explored.samples()).isEmpty();
    RecordedRequest r = fixture.last();
    assertThat(r.getUrl().encodedPath())
        .isEqualTo("/data/foundation/flowservice/connections/b1/explore");
    assertThat(r.getUrl().queryParameter("objectType")).isEqualTo("rest");
    assertThat(r.getUrl().queryParameter("preview")).isEqualTo("true");
    String decoded =
        new String(
            Base64.getDecoder().decode(r.getUrl().queryParameter("sourceParams")),
            StandardCharsets.UTF_8);
    assertThat(decoded).isEqualTo("{\"resourcePath\":\"charges\"}");
  }

  @Test
  void schemaLookupSendsVersionedAcceptAndEncodesIdAsOneSegment() {
    fixture.answer(
        200,
        "{\"$id\":\"https://ns.adobe.com/t/schemas/1\","
            + "\"meta:altId\":\"_t.schemas.1\",\"version\":\"1.2\",\"title\":\"T\","
            + "\"meta:class\":\"https://ns.adobe.com/xdm/context/profile\",\"allOf\":["
            + "{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"},{\"$ref\":\"https://ns.adobe.com/t/mixins/fg\"}]}");
    var schema =
        fixture
            .session
            .schemaRegistry()
            .getSchema("https://ns.adobe.com/t/schemas/1")
            .orElseThrow();
    assertThat(schema.version()).isEqualTo("1.2");
    assertThat(schema.classId()).isEqualTo("https://ns.adobe.com/xdm/context/profile");
    assertThat(schema.fieldGroupIds()).containsExactly("https://ns.adobe.com/t/mixins/fg");
    RecordedRequest r = fixture.last();
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/vnd.adobe.xed+json; version=1");
    assertThat(r.getUrl().encodedPath())
        .isEqualTo(
            "/data/foundation/schemaregistry/tenant/schemas/https:%2F%2Fns.adobe.com%2Ft%2Fschemas%2F1");
  }

  @Test
  void schemaFindByTitleUsesSummaryAcceptAndPropertyFilter() {
    fixture.answer(
        200,
        "{\"results\":[{\"$id\":\"x\",\"title\":\"Stripe Charges\","
            + "\"version\":\"1.0\",\"meta:altId\":\"_t.schemas.x\"}],\"_page\":{\"count\":1}}");
    assertThat(
            fixture.session.schemaRegistry().schemas().findByName("Stripe Charges").stream()
                .findFirst())
        .get()
        .extracting(s -> s.id())
        .isEqualTo("x");
    RecordedRequest r = fixture.last();
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/vnd.adobe.xed-id+json");
    assertThat(r.getUrl().queryParameter("property")).isEqualTo("title==Stripe Charges");
  }

  @Test
  void enableAndDisableUseTheActionEndpoint() {
    fixture.answer(200, "{\"id\":\"f1\",\"etag\":\"\\\"e2\\\"\"}");
    assertThat(fixture.flowService().disableFlow("f1").etag()).isEqualTo("\"e2\"");
    assertThat(fixture.last().getUrl().toString()).endsWith("/flows/f1/action?op=disable");
    fixture.flowService().enableFlow("f1");
    assertThat(fixture.last().getUrl().queryParameter("op")).isEqualTo("enable");
    assertThat(fixture.last().getMethod()).isEqualTo("POST");
  }

  @Test
  void datasetCreateParsesTheArrayReference() {
    fixture.answer(201, "[\"@/dataSets/5c8c3c555033b814b69f947f\"]");
    String id =
        fixture
            .session
            .catalog()
            .createDataset(
                new dev.aep.operator.platform.DatasetRequest(
                    "n",
                    "d",
                    dev.aep.operator.platform.SchemaRef.forDataset("https://s"),
                    Map.of("managedBy", List.of("op"))));
    assertThat(id).isEqualTo("5c8c3c555033b814b69f947f");
    JsonNode body = fixture.lastBody();
    assertThat(body.at("/schemaRef/contentType").asText())
        .isEqualTo("application/vnd.adobe.xed+json;version=1");
    assertThat(body.at("/tags/managedBy/0").asText()).isEqualTo("op");
  }

  @Test
  void listRunsFiltersByFlowNewestFirst() {
    fixture.answer(
        200,
        "{\"items\":["
            + "{\"id\":\"old\",\"flowId\":\"f1\",\"createdAt\":1000},"
            + "{\"id\":\"new\",\"flowId\":\"f1\",\"createdAt\":3000},"
            + "{\"id\":\"mid\",\"flowId\":\"f1\",\"createdAt\":\"2000\"}]}");
    var runs = fixture.flowService().listRuns("f1", 2);
    assertThat(runs).extracting(run -> run.id()).containsExactly("new", "mid");
    RecordedRequest r = fixture.last();
    assertThat(r.getUrl().queryParameter("property")).isEqualTo("flowId==f1");
    assertThat(r.getUrl().queryParameter("orderby")).isEqualTo("-createdAt");
    assertThat(r.getUrl().queryParameter("limit")).isEqualTo("2");
  }
}

package dev.aep.simulator;

import static dev.aep.simulator.SimClient.FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Base and source connections: ids, etags, masking, If-Match PATCH rules, Stripe checks, explore,
 * list semantics.
 */
class ConnectionsTest extends SimulatorTestBase {

  private SimClient.Resp createBase(String name) {
    SimClient.Resp r =
        c.post(FLOW + "/connections", Fixtures.baseConnection(name, "sk_test_" + name));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r;
  }

  @Test
  void createAnswers201WithUuidAndQuotedEtagAndLocation() {
    SimClient.Resp r = createBase("a");
    assertThat(r.text("id"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(r.text("etag")).matches("\"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}\"");
    assertThat(r.header("Location")).endsWith("/connections/" + r.text("id"));
    assertThat(r.json().size()).isEqualTo(2);
  }

  @Test
  void getWrapsInItemsMasksTheTokenAndCarriesServerFields() {
    String id = createBase("a").text("id");
    SimClient.Resp r = c.get(FLOW + "/connections/" + id);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("items")).hasSize(1);
    JsonNode item = r.item();
    assertThat(item.path("auth").path("specName").asText()).isEqualTo("OAuth2 Refresh Code");
    assertThat(item.path("auth").path("params").path("accessToken").asText())
        .doesNotContain("sk_test_a");
    assertThat(r.body()).doesNotContain("sk_test_a");
    assertThat(item.path("etag").asText()).isEqualTo(item.path("version").asText());
    assertThat(item.path("state").asText()).isEqualTo("enabled");
    for (String f :
        List.of(
            "createdAt",
            "updatedAt",
            "createdBy",
            "createdClient",
            "sandboxId",
            "sandboxName",
            "imsOrgId")) {
      assertThat(item.has(f)).as(f).isTrue();
    }
    assertThat(item.path("sandboxName").asText()).isEqualTo("prod");
  }

  @Test
  void unknownIdIs404ProblemDetails() {
    SimClient.Resp r = c.get(FLOW + "/connections/7b1b6f5e-0000-4000-8000-000000000000");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text("type")).startsWith("https://ns.adobe.com/aep/errors/FLOW-");
    assertThat(r.json().path("report").has("detailed-message")).isTrue();
    assertThat(r.json().path("status").asInt()).isEqualTo(404);
  }

  @Test
  void createChecksStripeSpecAuthSpecAndToken() {
    Map<String, Object> badSpec = new HashMap<>(Fixtures.baseConnection("x", "sk"));
    badSpec.put(
        "connectionSpec", Map.of("id", "00000000-0000-0000-0000-000000000000", "version", "1.0"));
    assertThat(c.post(FLOW + "/connections", badSpec).text("type")).endsWith("FLOW-1413-400");

    Map<String, Object> badAuth = new HashMap<>(Fixtures.baseConnection("x", "sk"));
    badAuth.put(
        "auth", Map.of("specName", "Basic Authentication", "params", Map.of("accessToken", "sk")));
    assertThat(c.post(FLOW + "/connections", badAuth).text("type")).endsWith("FLOW-1415-400");

    Map<String, Object> noToken = new HashMap<>(Fixtures.baseConnection("x", "sk"));
    noToken.put("auth", Map.of("specName", "OAuth2 Refresh Code", "params", Map.of()));
    assertThat(c.post(FLOW + "/connections", noToken).status()).isEqualTo(400);

    assertThat(c.post(FLOW + "/connections", "").text("type")).endsWith("FLOW-1405-400");
    assertThat(sim.inventory().count(Kind.CONNECTION)).isZero();
  }

  @Test
  void rejectedStripeTokenFailsCreateAndExplore() {
    sim.stripe().rejectToken("sk_test_bad");
    SimClient.Resp r = c.post(FLOW + "/connections", Fixtures.baseConnection("x", "sk_test_bad"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("sk_test_bad");

    String id = createBase("good").text("id");
    sim.stripe().rejectToken("sk_test_good");
    SimClient.Resp explore =
        explore(id, "objectType=rest&object=json&fileType=json&preview=false", "charges");
    assertThat(explore.status()).isEqualTo(400);
    assertThat(explore.text("type")).startsWith("https://ns.adobe.com/aep/errors/FLOW-");
    assertThat(c.get(FLOW + "/connections/" + id + "/test").json().get("result").asBoolean())
        .isFalse();
  }

  /** GET explore of a base connection with these query parameters and a resource path. */
  private SimClient.Resp explore(String id, String query, String resourcePath) {
    return c.get(
        FLOW
            + "/connections/"
            + id
            + "/explore?"
            + query
            + "&sourceParams="
            + SimClient.enc(Fixtures.sourceParams(resourcePath)));
  }

  @Test
  void exploreRootIsOneDataObjectHoldingTheResourceFieldsWithStripeNesting() {
    String id = createBase("a").text("id");
    SimClient.Resp r =
        explore(id, "objectType=rest&object=json&fileType=json&preview=false", "charges");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.text("format")).isEqualTo("hierarchical");
    assertThat(r.json().at("/schema/properties").size()).isEqualTo(1);
    assertThat(r.json().at("/schema/properties/data/type").asText()).isEqualTo("object");
    JsonNode fields = r.json().at("/schema/properties/data/properties");
    assertThat(fields.has("amount")).isTrue();
    assertThat(fields.at("/created/type").asText()).isEqualTo("integer");
    assertThat(fields.at("/created/maximum").asLong()).isEqualTo(9007199254740991L);
    assertThat(fields.at("/payment_method_details/properties/card/properties").has("last4"))
        .isTrue();
    assertThat(fields.at("/billing_details/properties/address/properties").has("postal_code"))
        .isTrue();
    assertThat(fields.at("/outcome/properties").has("risk_level")).isTrue();
    assertThat(fields.at("/metadata/type").asText()).isEqualTo("object");
    assertThat(fields.at("/metadata").has("properties")).isFalse();
    assertThat(r.json().has("data")).isFalse();

    SimClient.Resp prices = explore(id, "objectType=rest", "prices");
    assertThat(
            prices
                .json()
                .at("/schema/properties/data/properties/recurring/properties")
                .has("interval_count"))
        .isTrue();

    SimClient.Resp unknown = explore(id, "objectType=rest", "invoices");
    assertThat(unknown.status()).isEqualTo(400);
  }

  @Test
  void explorePreviewAddsRealisticRecordsUnderTheSameRoot() {
    String id = createBase("a").text("id");
    SimClient.Resp customers = explore(id, "objectType=rest&preview=true", "customers");
    assertThat(customers.json().at("/schema/properties/data/properties").has("email")).isTrue();
    JsonNode records = customers.json().get("data");
    assertThat(records).isNotEmpty();
    for (JsonNode rec : records) {
      assertThat(rec.fieldNames()).toIterable().containsExactly("data");
      assertThat(rec.at("/data/id").asText()).matches("cus_[A-Za-z0-9]{24}");
      assertThat(rec.at("/data/object").asText()).isEqualTo("customer");
      assertThat(rec.at("/data/email").asText()).endsWith("@example.com");
      assertThat(rec.at("/data/currency").asText()).matches("[a-z]{3}");
    }
    SimClient.Resp again = explore(id, "objectType=rest&preview=true", "customers");
    assertThat(again.json().get("data")).isEqualTo(records);
  }

  @Test
  void patchRequiresIfMatchAndRefusesStaleEtag() {
    SimClient.Resp created = createBase("a");
    String id = created.text("id");
    List<Map<String, Object>> rename =
        List.of(Map.of("op", "replace", "path", "/name", "value", "renamed"));

    SimClient.Resp missing = c.patch(FLOW + "/connections/" + id, rename, null);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.text("type")).endsWith("FLOW-1403-400");

    SimClient.Resp ok = c.patch(FLOW + "/connections/" + id, rename, created.text("etag"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.text("id")).isEqualTo(id);
    assertThat(ok.text("etag")).isNotEqualTo(created.text("etag")).startsWith("\"").endsWith("\"");

    SimClient.Resp stale = c.patch(FLOW + "/connections/" + id, rename, created.text("etag"));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.text("type")).endsWith("FLOW-1404-412");
    assertThat(c.get(FLOW + "/connections/" + id).item().path("name").asText())
        .isEqualTo("renamed");
  }

  @Test
  void patchAcceptsEtagWithOrWithoutQuotesAndTrailingSlash() {
    SimClient.Resp created = createBase("a");
    String bare = created.text("etag").replace("\"", "");
    SimClient.Resp r =
        c.patch(
            FLOW + "/connections/" + created.text("id") + "/",
            List.of(Map.of("op", "add", "path", "/description", "value", "d")),
            bare);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  @Test
  void patchOnlyAcceptsDocumentedOpsAndPaths() {
    SimClient.Resp created = createBase("a");
    String id = created.text("id");
    String etag = created.text("etag");
    Function<Map<String, String>, SimClient.Resp> patch =
        op -> c.patch(FLOW + "/connections/" + id, List.of(op), etag);
    assertThat(
            patch.apply(Map.of("op", "move", "from", "/name", "path", "/description")).text("type"))
        .endsWith("FLOW-1434-400");
    assertThat(
            patch
                .apply(Map.of("op", "replace", "path", "/connectionSpec/id", "value", "x"))
                .text("type"))
        .endsWith("FLOW-1414-400");
    assertThat(
            patch
                .apply(Map.of("op", "replace", "path", "/state", "value", "disabled"))
                .text("type"))
        .endsWith("FLOW-1455-400");
    assertThat(patch.apply(Map.of("op", "replace", "path", "/name")).text("type"))
        .endsWith("FLOW-1455-400");
    // nothing above was applied: the original etag still works
    assertThat(patch.apply(Map.of("op", "REPLACE", "path", "/name", "value", "n")).status())
        .isEqualTo(200);
  }

  /** PATCH replace /auth/params of a base connection: a new Stripe key. */
  private SimClient.Resp replaceKey(String id, String accessToken, String etag) {
    return c.patchOne(
        FLOW + "/connections/" + id,
        "replace",
        "/auth/params",
        Map.of("accessToken", accessToken),
        etag);
  }

  @Test
  void patchAuthParamsRotatesTheSecretAndIsCheckedAgainstStripe() {
    SimClient.Resp created = createBase("a");
    String id = created.text("id");
    sim.stripe().rejectToken("sk_revoked");
    SimClient.Resp refused = replaceKey(id, "sk_revoked", created.text("etag"));
    assertThat(refused.status()).isEqualTo(400);
    SimClient.Resp ok = replaceKey(id, "sk_new", created.text("etag"));
    assertThat(ok.status()).isEqualTo(200);
    sim.stripe().rejectToken("sk_test_a");
    // the old key no longer matters: explore uses the rotated one
    assertThat(explore(id, "objectType=rest", "refunds").status()).isEqualTo(200);
    assertThat(c.get(FLOW + "/connections/" + id).body()).doesNotContain("sk_new");
  }

  @Test
  void deleteAnswers204ThenGetIs404() {
    String id = createBase("a").text("id");
    SimClient.Resp r = c.delete(FLOW + "/connections/" + id + "/");
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(c.get(FLOW + "/connections/" + id).status()).isEqualTo(404);
  }

  @Test
  void sourceConnectionNeedsExistingBaseAndKnownResourcePath() {
    String baseId = createBase("a").text("id");
    assertThat(
            c.post(FLOW + "/sourceConnections", Fixtures.sourceConnection(baseId, "invoices"))
                .status())
        .isEqualTo(400);
    assertThat(
            c.post(
                    FLOW + "/sourceConnections",
                    Fixtures.sourceConnection("9d3c1f2e-0000-4000-8000-000000000000", "charges"))
                .status())
        .isEqualTo(400);
    SimClient.Resp ok =
        c.post(FLOW + "/sourceConnections", Fixtures.sourceConnection(baseId, "charges"));
    assertThat(ok.status()).isEqualTo(201);
    JsonNode item = c.get(FLOW + "/sourceConnections/" + ok.text("id")).item();
    assertThat(item.path("baseConnectionId").asText()).isEqualTo(baseId);
    assertThat(item.path("params").path("resourcePath").asText()).isEqualTo("charges");
    assertThat(item.path("data").path("format").asText()).isEqualTo("json");
  }

  @Test
  void sourceConnectionPatchAllowsOnlyNameAndDescription() {
    String baseId = createBase("a").text("id");
    SimClient.Resp sc =
        c.post(FLOW + "/sourceConnections", Fixtures.sourceConnection(baseId, "charges"));
    SimClient.Resp bad =
        c.patch(
            FLOW + "/sourceConnections/" + sc.text("id"),
            List.of(Map.of("op", "replace", "path", "/params/resourcePath", "value", "refunds")),
            sc.text("etag"));
    assertThat(bad.text("type")).endsWith("FLOW-1455-400");
    assertThat(
            c.patch(
                    FLOW + "/sourceConnections/" + sc.text("id"),
                    List.of(Map.of("op", "replace", "path", "/name", "value", "n")),
                    null)
                .status())
        .isEqualTo(400);
    assertThat(
            c.patch(
                    FLOW + "/sourceConnections/" + sc.text("id"),
                    List.of(Map.of("op", "replace", "path", "/name", "value", "n")),
                    sc.text("etag"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void listFiltersAreAndedAndOrderable() {
    createBase("charlie");
    createBase("alpha");
    createBase("bravo");
    assertThat(connectionsWhere("name==alpha").json().get("items")).hasSize(1);
    assertThat(
            connectionsWhere("name==alpha,bravo", "connectionSpec.id==" + Fixtures.STRIPE_SPEC)
                .json()
                .get("items"))
        .hasSize(2);
    assertThat(connectionsWhere("name==alpha", "state==disabled").json().get("items")).isEmpty();
    SimClient.Resp ordered = c.get(FLOW + "/connections?orderby=-name");
    assertThat(ordered.json().get("items").findValuesAsText("name"))
        .containsExactly("charlie", "bravo", "alpha");
    assertThat(c.get(FLOW + "/connections?orderby=" + SimClient.enc("name desc")).text("type"))
        .endsWith("FLOW-1432-400");
    assertThat(c.get(FLOW + "/connections?property=" + SimClient.enc("==x")).status())
        .isEqualTo(400);
  }

  /** GET /connections with one property filter per condition (filters are ANDed). */
  private SimClient.Resp connectionsWhere(String... conditions) {
    StringBuilder query = new StringBuilder();
    for (String condition : conditions) {
      query
          .append(query.isEmpty() ? "?" : "&")
          .append("property=")
          .append(SimClient.enc(condition));
    }
    return c.get(FLOW + "/connections" + query);
  }

  @Test
  void limitPagesWithContinuationTokenAndCountCannotCombine() {
    for (String n : List.of("a", "b", "c", "d", "e")) {
      createBase(n);
    }
    SimClient.Resp page1 = c.get(FLOW + "/connections?limit=2&orderby=name");
    assertThat(page1.json().get("items").findValuesAsText("name")).containsExactly("a", "b");
    String next = page1.json().at("/_links/next/href").asText();
    assertThat(next).startsWith("/connections?").contains("continuationToken=");
    SimClient.Resp page2 = c.get(FLOW + next);
    assertThat(page2.json().get("items").findValuesAsText("name")).containsExactly("c", "d");
    SimClient.Resp page3 = c.get(FLOW + page2.json().at("/_links/next/href").asText());
    assertThat(page3.json().get("items").findValuesAsText("name")).containsExactly("e");
    assertThat(page3.json().at("/_links/next").isMissingNode()).isTrue();

    assertThat(c.get(FLOW + "/connections?count=true").json().get("count").asInt()).isEqualTo(5);
    assertThat(c.get(FLOW + "/connections?count=true&limit=2").text("type"))
        .endsWith("FLOW-1401-400");
  }
}

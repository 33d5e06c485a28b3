package dev.aep.simulator;

import static dev.aep.simulator.SimClient.FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator serves only routes that Adobe's OpenAPI files declare, and refuses bodies that lack
 * what those files mark required. The facts come from src/test/resources/openapi-routes.tsv
 * (extracted from the spec files; its header names the files and commit).
 */
class OpenApiRoutesTest extends SimulatorTestBase {
  /**
   * Documented outside the Platform specs: the IMS token endpoint (platform-api.md 1.1, DOC:IMS).
   */
  private static final List<String> NOT_IN_PLATFORM_SPECS = List.of("POST /ims/token/v3");

  record SpecRoute(String spec, String method, String path, List<String> required) {}

  /** A request that the simulator accepts as is: where to send it and with what. */
  record Sample(
      String method, String path, JsonNode body, Map<String, String> headers, int okStatus) {}

  static List<SpecRoute> table;

  @BeforeAll
  static void loadTable() throws IOException {
    table = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    OpenApiRoutesTest.class.getResourceAsStream("/openapi-routes.tsv")),
                StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] cols = line.split("\t", -1);
        List<String> required = cols[3].isEmpty() ? List.of() : List.of(cols[3].split(","));
        table.add(new SpecRoute(cols[0], cols[1], cols[2], required));
      }
    }
  }

  /**
   * Same method; same segments, where a spec placeholder matches any segment (the registry's
   * {CONTAINER_ID} is "tenant" here) and our placeholders match spec placeholders; a trailing slash
   * and letter case are ignored (platform-api.md 2.3: PATCH/DELETE /connections/{id}/).
   */
  static boolean matches(SpecRoute spec, Endpoint route) {
    if (!spec.method().equals(route.method())) {
      return false;
    }
    String[] s = trim(spec.path()).split("/");
    String[] r = trim(route.path()).split("/");
    if (s.length != r.length) {
      return false;
    }
    for (int i = 0; i < s.length; i++) {
      boolean specParam = s[i].startsWith("{");
      boolean ourParam = r[i].startsWith("{");
      if (ourParam && !specParam) {
        return false;
      }
      if (!specParam && !s[i].equalsIgnoreCase(r[i])) {
        return false;
      }
    }
    return true;
  }

  private static String trim(String p) {
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static SpecRoute specFor(Endpoint route) {
    return table.stream().filter(s -> matches(s, route)).findFirst().orElse(null);
  }

  @Test
  void tableCarriesItsSource() throws IOException {
    try (var in = OpenApiRoutesTest.class.getResourceAsStream("/openapi-routes.tsv")) {
      String text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text)
          .contains("AdobeDocs/experience-platform-apis")
          .contains("16c60cd7a5617582fc21500f5ab3edf0e2ee308b");
    }
    assertThat(table)
        .extracting(SpecRoute::spec)
        .contains("flow-service.yaml", "schema-registry.yaml", "catalog.yaml", "data-prep.yaml");
  }

  @Test
  void everyServedRouteIsDeclaredInTheSpecs() {
    List<String> undeclared = new ArrayList<>();
    for (Endpoint route : sim.routes()) {
      if (!NOT_IN_PLATFORM_SPECS.contains(route.toString()) && specFor(route) == null) {
        undeclared.add(route.toString());
      }
    }
    assertThat(undeclared).isEmpty();
    assertThat(sim.routes()).hasSizeGreaterThan(30);
  }

  @Test
  void matchingToleratesOnlyTheDocumentedDifferences() {
    SpecRoute patchConn =
        new SpecRoute(
            "f",
            "PATCH",
            "/data/foundation/flowservice/connections/{BASE_CONNECTION_ID}/",
            List.of());
    assertThat(
            matches(
                patchConn,
                new Endpoint("PATCH", "/data/foundation/flowservice/connections/{id}", Kind.OTHER)))
        .isTrue();
    assertThat(
            matches(
                patchConn,
                new Endpoint("PUT", "/data/foundation/flowservice/connections/{id}", Kind.OTHER)))
        .isFalse();
    assertThat(
            matches(
                patchConn,
                new Endpoint("PATCH", "/data/foundation/flowservice/flows/{id}", Kind.OTHER)))
        .isFalse();
    assertThat(
            matches(
                new SpecRoute("f", "GET", "/a/search", List.of()),
                new Endpoint("GET", "/a/{id}", Kind.OTHER)))
        .isFalse();
  }

  @Test
  void bodiesMissingASpecRequiredFieldAreRefused() {
    Map<String, Supplier<Sample>> samples = samples();
    List<String> problems = new ArrayList<>();
    for (Endpoint route : sim.routes()) {
      SpecRoute spec = specFor(route);
      if (spec == null || spec.required().isEmpty()) {
        continue;
      }
      Supplier<Sample> sample = samples.get(route.toString());
      if (sample == null) {
        problems.add(route + ": no sample body in this test for required " + spec.required());
        continue;
      }
      Sample valid = sample.get();
      SimClient.Resp ok = send(valid, valid.body());
      if (ok.status() != valid.okStatus()) {
        problems.add(route + ": the valid sample was refused: " + ok);
      }
      for (String field : spec.required()) {
        Sample fresh = sample.get();
        JsonNode without = without(fresh.body(), field);
        SimClient.Resp r = send(fresh, without);
        if (r.status() != 400) {
          problems.add(route + " without " + field + " answered " + r);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private SimClient.Resp send(Sample s, JsonNode body) {
    return c.send(s.method(), s.path(), SimClient.json(body), s.headers());
  }

  /** The body with a dotted field removed; "[]." applies to every element of an array body. */
  static JsonNode without(JsonNode body, String field) {
    JsonNode copy = body.deepCopy();
    if (field.startsWith("[].")) {
      for (JsonNode el : copy) {
        remove((ObjectNode) el, field.substring(3));
      }
    } else if (copy.isArray()) {
      // the connection PATCH row describes one instruction; the documented body is an array of them
      for (JsonNode el : copy) {
        remove((ObjectNode) el, field);
      }
    } else {
      remove((ObjectNode) copy, field);
    }
    return copy;
  }

  private static void remove(ObjectNode node, String dotted) {
    String[] parts = dotted.split("\\.");
    ObjectNode parent = node;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = parent.get(parts[i]);
      if (!(next instanceof ObjectNode o)) {
        return;
      }
      parent = o;
    }
    parent.remove(parts[parts.length - 1]);
  }

  private static JsonNode tree(Object o) {
    return SimClient.JSON.valueToTree(o);
  }

  /** One valid request per route that has spec-required fields, each over fresh prerequisites. */
  private Map<String, Supplier<Sample>> samples() {
    Map<String, Supplier<Sample>> m = new LinkedHashMap<>();
    long now = sim.clock().now().getEpochSecond();
    postSample(m, FLOW + "/connections", () -> Fixtures.baseConnection("b", "sk_test"));
    postSample(
        m, FLOW + "/sourceConnections", () -> Fixtures.sourceConnection(newBase(), "charges"));
    postSample(
        m,
        FLOW + "/targetConnections",
        () -> {
          Fixtures.Chain ch = freshChain(now);
          return Fixtures.targetConnection(ch.schemaId(), ch.datasetId());
        });
    postSample(
        m,
        FLOW + "/flows",
        () -> {
          Fixtures.Chain ch = freshChain(now);
          return Fixtures.flow(
              "f",
              ch.sourceId(),
              ch.targetId(),
              ch.mappingId(),
              0,
              Fixtures.schedule("once", null, now));
        });
    renameSample(
        m,
        "/connections",
        () -> {
          SimClient.Resp b = c.post(FLOW + "/connections", Fixtures.baseConnection("b", "sk"));
          // the spec's trailing slash (platform-api.md 2.3)
          return new Target(b.text("id") + "/", b.text("etag"));
        });
    renameSample(
        m,
        "/sourceConnections",
        () -> {
          SimClient.Resp s =
              c.post(FLOW + "/sourceConnections", Fixtures.sourceConnection(newBase(), "charges"));
          return new Target(s.text("id"), s.text("etag"));
        });
    renameSample(
        m,
        "/targetConnections",
        () -> {
          String id = freshChain(now).targetId();
          return new Target(
              id, c.get(FLOW + "/targetConnections/" + id).item().path("etag").asText());
        });
    renameSample(
        m,
        "/flows",
        () -> {
          Fixtures.Chain ch = freshChain(now);
          return new Target(ch.flowId(), ch.flowEtag());
        });
    registrySamples(m, "schemas", Fixtures::schema);
    registrySamples(m, "fieldgroups", Fixtures::fieldGroup);
    return m;
  }

  /** An object to PATCH: its id (as the path writes it) and its etag. */
  private record Target(String id, String etag) {}

  /** A POST sample of {@code path} whose valid body {@code body} makes. */
  private static void postSample(
      Map<String, Supplier<Sample>> m, String path, Supplier<Object> body) {
    m.put("POST " + path, () -> new Sample("POST", path, tree(body.get()), Map.of(), 201));
  }

  /** A PATCH sample renaming a fresh object of a Flow Service collection, with its If-Match. */
  private static void renameSample(
      Map<String, Supplier<Sample>> m, String collection, Supplier<Target> target) {
    JsonNode rename = tree(List.of(Map.of("op", "replace", "path", "/name", "value", "renamed")));
    m.put(
        "PATCH " + FLOW + collection + "/{id}",
        () -> {
          Target t = target.get();
          return new Sample(
              "PATCH", FLOW + collection + "/" + t.id(), rename, Map.of("If-Match", t.etag()), 200);
        });
  }

  private String newBase() {
    return c.post(FLOW + "/connections", Fixtures.baseConnection("b", "sk")).text("id");
  }

  /**
   * POST, PUT and PATCH samples of a tenant registry collection whose bodies {@code body} makes
   * from a unique title.
   */
  private void registrySamples(
      Map<String, Supplier<Sample>> m, String collection, Function<String, Object> body) {
    String path = SimClient.SCHEMAS + "/tenant/" + collection;
    postSample(m, path, () -> body.apply(unique()));
    Supplier<String> created =
        () -> path + "/" + SimClient.enc(c.post(path, body.apply(unique())).text("$id"));
    m.put(
        "PUT " + path + "/{id}",
        () -> new Sample("PUT", created.get(), tree(body.apply(unique())), Map.of(), 200));
    m.put(
        "PATCH " + path + "/{id}",
        () ->
            new Sample(
                "PATCH",
                created.get(),
                tree(List.of(Map.of("op", "replace", "path", "/description", "value", "patched"))),
                Map.of(),
                200));
  }

  private static String unique() {
    return "t" + System.nanoTime();
  }

  private int chains;

  private Fixtures.Chain freshChain(long now) {
    return Fixtures.chain(
        c,
        "c" + (chains++) + "-" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT),
        Fixtures.schedule("once", null, now));
  }
}

package dev.aep.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aep.operator.testing.RepoRoot;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/ and samples/ build with `kubectl kustomize` (as `kubectl apply -k` would) and say what
 * the design asks: least-privilege RBAC without wildcards, a hardened Deployment configured as the
 * README's "Install in a cluster" describes, and overlays that narrow RBAC to namespaces or point
 * the operator at the simulator.
 */
class DeployManifestsTest {

  private static final List<String> RBAC_KINDS = List.of("ClusterRole", "Role");

  /** kubectl's output per directory, built once for the class. */
  private static final Map<String, String> BUILT = new ConcurrentHashMap<>();

  @BeforeAll
  static void requireKubectl() {
    assumeTrue(onPath("kubectl"), "kubectl is not installed: skipping the kustomize builds");
  }

  @Test
  void baseInstallsTheCommittedCrdTheOperatorAndClusterWideRbac() throws Exception {
    List<Map<String, Object>> objects = kustomize("deploy/base");
    assertThat(kinds(objects))
        .contains(
            "CustomResourceDefinition",
            "Namespace",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Deployment",
            "Service");
    Map<String, Object> crd = only(objects, "CustomResourceDefinition");
    // The same CRD as crds/, plus the part-of label the base adds to everything.
    assertThat(wholeNumbersAsLongs(crd))
        .isEqualTo(
            wholeNumbersAsLongs(
                withPartOfLabel(Manifests.documents(RepoFiles.committedCrd()).get(0))));

    List<Map<String, Object>> rules = maps(only(objects, "ClusterRole").get("rules"));
    assertThat(rules)
        .extracting(r -> strings(r.get("resources")).toString() + " " + strings(r.get("verbs")))
        .containsExactlyInAnyOrder(
            "[stripeingestionflows] [get, list, watch, patch]",
            "[stripeingestionflows/status] [patch]",
            "[stripeingestionflows/finalizers] [update]",
            "[secrets] [get, list, watch]",
            "[events] [create, patch]");
    Map<String, Object> lease = only(objects, "Role");
    assertThat(maps(lease.get("rules")))
        .allSatisfy(r -> assertThat(strings(r.get("resources"))).containsOnly("leases"));
    Map<String, Object> binding = only(objects, "ClusterRoleBinding");
    assertThat(maps(binding.get("subjects")).get(0))
        .containsEntry("kind", "ServiceAccount")
        .containsEntry("name", "stripe-aep-operator")
        .containsEntry("namespace", "stripe-aep-operator");
  }

  @Test
  void deploymentIsHardenedProbedAndConfiguredFromTheEnvironment() throws Exception {
    Map<String, Object> deployment = only(kustomize("deploy/base"), "Deployment");
    Map<String, Object> podSpec = map(map(map(deployment, "spec"), "template"), "spec");
    assertThat(podSpec).containsEntry("serviceAccountName", "stripe-aep-operator");
    assertThat(map(podSpec, "securityContext")).containsEntry("runAsNonRoot", true);
    Map<String, Object> container = maps(podSpec.get("containers")).get(0);
    assertThat(container.get("image")).isEqualTo("ghcr.io/aep-dev/stripe-aep-operator:0.1.0");
    assertThat(map(map(container, "livenessProbe"), "httpGet")).containsEntry("path", "/healthz");
    assertThat(map(map(container, "readinessProbe"), "httpGet")).containsEntry("path", "/readyz");
    assertThat(map(map(container, "resources"), "requests")).containsKeys("cpu", "memory");
    assertThat(map(map(container, "resources"), "limits")).containsKeys("cpu", "memory");
    Map<String, Object> security = map(container, "securityContext");
    assertThat(security)
        .containsEntry("runAsNonRoot", true)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("allowPrivilegeEscalation", false);
    assertThat(map(security, "capabilities")).containsEntry("drop", List.of("ALL"));
    assertThat(env(container))
        .containsKeys(
            "AEP_PLATFORM_URL",
            "AEP_IMS_URL",
            "AEP_ALLOW_HTTP",
            "WATCH_NAMESPACES",
            "RESYNC_INTERVAL",
            "PLATFORM_MAX_RPS",
            "HTTP_PORT");
    assertThat(env(container))
        .containsEntry("AEP_PLATFORM_URL", "https://platform.adobe.io")
        .containsEntry("AEP_ALLOW_HTTP", "false")
        .containsEntry("HTTP_PORT", "8080");
  }

  @Test
  void namespacedOverlayReplacesClusterRightsWithARoleInTheWatchedNamespace() throws Exception {
    List<Map<String, Object>> objects = kustomize("deploy/overlays/namespaced");
    assertThat(kinds(objects)).doesNotContain("ClusterRole", "ClusterRoleBinding");
    Map<String, Object> role = find(objects, "Role", "namespace", "payments");
    assertThat(maps(role.get("rules")))
        .extracting(r -> strings(r.get("resources")).get(0))
        .contains("stripeingestionflows", "stripeingestionflows/status", "secrets", "events");
    Map<String, Object> container = operatorContainer(objects);
    assertThat(env(container)).containsEntry("WATCH_NAMESPACES", "payments");
  }

  @Test
  void simulatorOverlayRunsTheSimulatorAsAServiceAndPointsTheOperatorAtIt() throws Exception {
    List<Map<String, Object>> objects = kustomize("deploy/overlays/simulator");
    Map<String, Object> simulator = find(objects, "Deployment", "name", "aep-platform-simulator");
    Map<String, Object> service = find(objects, "Service", "name", "aep-platform-simulator");
    assertThat(map(service, "metadata").get("namespace"))
        .isEqualTo(map(simulator, "metadata").get("namespace"))
        .isEqualTo("stripe-aep-operator");
    assertThat(maps(map(service, "spec").get("ports")).get(0)).containsEntry("port", 8081);
    Map<String, Object> container = operatorContainer(objects);
    assertThat(env(container))
        .containsEntry("AEP_PLATFORM_URL", "http://aep-platform-simulator:8081")
        .containsEntry("AEP_IMS_URL", "http://aep-platform-simulator:8081")
        .containsEntry("AEP_ALLOW_HTTP", "true");
  }

  @Test
  void noRbacRuleAnywhereUsesAWildcard() throws Exception {
    for (String dir :
        List.of("deploy/base", "deploy/overlays/namespaced", "deploy/overlays/simulator")) {
      for (Map<String, Object> object : kustomize(dir)) {
        if (RBAC_KINDS.contains(object.get("kind"))) {
          for (Map<String, Object> rule : maps(object.get("rules"))) {
            for (String key : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
              if (rule.containsKey(key)) {
                assertThat(strings(rule.get(key)))
                    .as("%s %s in %s", object.get("kind"), key, dir)
                    .doesNotContain("*");
              }
            }
          }
        }
      }
    }
  }

  @Test
  void samplesBuildIntoTwoSecretsAndAFlowPerFile() throws Exception {
    List<Map<String, Object>> objects = kustomize("samples");
    assertThat(
            objects.stream()
                .filter(o -> "Secret".equals(o.get("kind")))
                .map(o -> map(o, "metadata").get("name")))
        .containsExactlyInAnyOrder("aep-credentials", "stripe");
    long flowFiles =
        Manifests.yamlFiles(RepoRoot.path().resolve("samples")).stream()
            .filter(f -> Manifests.documents(f).stream().anyMatch(Manifests::isFlow))
            .count();
    assertThat(objects.stream().filter(Manifests::isFlow).count())
        .isEqualTo(flowFiles)
        .isGreaterThanOrEqualTo(8);
    assertThat(objects)
        .allSatisfy(o -> assertThat(map(o, "metadata")).doesNotContainKey("namespace"));
    Map<String, Object> credentials = find(objects, "Secret", "name", "aep-credentials");
    assertThat(map(credentials, "stringData")).containsKeys("clientId", "clientSecret", "orgId");
  }

  @Test
  void crdsDirectoryBuildsAlone() throws Exception {
    assertThat(kinds(kustomize("crds"))).containsExactly("CustomResourceDefinition");
  }

  private static Map<String, Object> withPartOfLabel(Map<String, Object> crd) {
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) OfflineAdmission.normalize(crd);
    map(copy, "metadata").put("labels", Map.of("app.kubernetes.io/part-of", "stripe-aep-operator"));
    return copy;
  }

  /** kustomize prints `minimum: 1.0` as `1`: compare numbers by value. */
  private static Object wholeNumbersAsLongs(Object value) {
    Object normalized = OfflineAdmission.normalize(value);
    if (normalized instanceof Map) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      ((Map<?, ?>) normalized).forEach((k, v) -> copy.put((String) k, wholeNumbersAsLongs(v)));
      return copy;
    }
    if (normalized instanceof List) {
      return ((List<?>) normalized)
          .stream().map(DeployManifestsTest::wholeNumbersAsLongs).collect(Collectors.toList());
    }
    if (normalized instanceof Double && ((Double) normalized) == Math.rint((Double) normalized)) {
      return ((Double) normalized).longValue();
    }
    return normalized;
  }

  private static Map<String, Object> operatorContainer(List<Map<String, Object>> objects) {
    Map<String, Object> deployment = find(objects, "Deployment", "name", "stripe-aep-operator");
    return maps(map(map(map(deployment, "spec"), "template"), "spec").get("containers")).get(0);
  }

  /** The object of {@code kind} whose metadata has {@code value} under {@code key}. */
  private static Map<String, Object> find(
      List<Map<String, Object>> objects, String kind, String key, String value) {
    return objects.stream()
        .filter(o -> kind.equals(o.get("kind")) && value.equals(map(o, "metadata").get(key)))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, String> env(Map<String, Object> container) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (Map<String, Object> var : maps(container.get("env"))) {
      env.put(
          (String) var.get("name"),
          var.get("value") == null ? "<from>" : String.valueOf(var.get("value")));
    }
    return env;
  }

  private static List<String> kinds(List<Map<String, Object>> objects) {
    return objects.stream().map(o -> (String) o.get("kind")).collect(Collectors.toList());
  }

  private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
    List<Map<String, Object>> matching =
        objects.stream().filter(o -> kind.equals(o.get("kind"))).collect(Collectors.toList());
    assertThat(matching).as("objects of kind %s", kind).hasSize(1);
    return matching.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) Objects.requireNonNull(parent.get(key), key);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return (List<Map<String, Object>>) Objects.requireNonNull(value);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return (List<String>) Objects.requireNonNull(value);
  }

  /**
   * The objects {@code kubectl kustomize dir} prints, parsed afresh on every call (tests may change
   * them); kubectl runs once per directory, as the output cannot change during the run.
   */
  private static List<Map<String, Object>> kustomize(String dir)
      throws IOException, InterruptedException {
    String built = BUILT.get(dir);
    if (built == null) {
      built = runKustomize(dir);
      BUILT.put(dir, built);
    }
    try (MappingIterator<Map<String, Object>> docs =
        new YAMLMapper().readerFor(new TypeReference<Map<String, Object>>() {}).readValues(built)) {
      List<Map<String, Object>> objects = new ArrayList<>();
      docs.forEachRemaining(
          d -> Optional.ofNullable(d).filter(m -> !m.isEmpty()).ifPresent(objects::add));
      return objects;
    }
  }

  private static String runKustomize(String dir) throws IOException, InterruptedException {
    Path root = RepoRoot.path();
    Path out = Files.createTempFile("kustomize", ".yaml");
    Path err = Files.createTempFile("kustomize", ".err");
    try {
      Process process =
          new ProcessBuilder("kubectl", "kustomize", root.resolve(dir).toString())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS))
          .as("kubectl kustomize %s finished", dir)
          .isTrue();
      assertThat(process.exitValue())
          .as("kubectl kustomize %s: %s", dir, Files.readString(err, StandardCharsets.UTF_8))
          .isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static boolean onPath(String command) {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}

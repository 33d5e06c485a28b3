package dev.aep.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.aep.operator.testing.RepoRoot;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The committed CRD, evaluated offline the way the API server admits objects: every sample is
 * admitted, every manifest of the invalid catalogue is rejected with its expected message, and
 * legitimate updates pass the immutability rules.
 */
class AdmissionTest {

  /**
   * Annotation on a catalogue manifest (the new object, for updates) holding the message it must be
   * rejected with.
   */
  static final String EXPECTED_ERROR = "admission.aep.dev/expected-error";

  private static OfflineAdmission admission;

  @BeforeAll
  static void loadCrd() {
    admission = OfflineAdmission.fromCrd(RepoFiles.committedCrd());
  }

  private static Path samplesDir() {
    return RepoRoot.path().resolve("samples");
  }

  private static Path catalogue(String name) {
    return RepoRoot.path().resolve("operator/src/test/resources/admission").resolve(name);
  }

  private static List<Map<String, Object>> sampleFlows() {
    return Manifests.yamlFiles(samplesDir()).stream()
        .flatMap(f -> Manifests.documents(f).stream())
        .filter(Manifests::isFlow)
        .collect(Collectors.toList());
  }

  @Test
  void everyCelRuleInTheCrdCompiles() {
    List<String> rules = admission.allRules();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
    rules.forEach(admission::compile);
  }

  @TestFactory
  Stream<DynamicTest> everySampleFlowIsAdmittedOnCreateAndOnAnUnchangedUpdate() {
    List<Map<String, Object>> flows = sampleFlows();
    assertThat(flows).hasSizeGreaterThanOrEqualTo(8);
    return flows.stream()
        .map(
            flow ->
                dynamicTest(
                    name(flow),
                    () -> {
                      assertThat(admission.create(flow))
                          .as("errors creating %s", name(flow))
                          .isEmpty();
                      assertThat(admission.update(flow, flow))
                          .as("errors re-applying %s", name(flow))
                          .isEmpty();
                    }));
  }

  @Test
  void samplesCoverEveryResourcePathBothTargetChoicesAndAOneTimeSchedule() {
    List<Map<String, Object>> specs =
        sampleFlows().stream().map(AdmissionTest::spec).collect(Collectors.toList());
    Set<Object> paths =
        specs.stream()
            .map(s -> s.get("resourcePath"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(paths)
        .containsExactly(
            "balance_transactions", "charges", "customers", "prices", "refunds", "subscriptions");
    assertThat(specs)
        .anySatisfy(
            s -> {
              assertThat(child(child(s, "target"), "schema")).containsKey("create");
              assertThat(child(child(s, "target"), "dataset")).containsKey("create");
            });
    assertThat(specs)
        .anySatisfy(
            s -> {
              assertThat(child(child(s, "target"), "schema")).containsKey("id");
              assertThat(child(child(s, "target"), "dataset")).containsKey("id");
            });
    assertThat(specs)
        .anySatisfy(s -> assertThat(child(s, "schedule")).containsEntry("frequency", "once"));
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidManifestIsRejectedWithItsExpectedMessage() {
    List<Path> files = Manifests.yamlFiles(catalogue("invalid"));
    assertThat(files).as("invalid catalogue size").hasSizeGreaterThanOrEqualTo(25);
    return perFile(
        files,
        (file, docs) -> {
          assertThat(docs)
              .as("one manifest (create) or two (old, new: update)")
              .hasSizeBetween(1, 2);
          Map<String, Object> manifest = docs.get(docs.size() - 1);
          String expected = Manifests.annotation(manifest, EXPECTED_ERROR);
          assertThat(expected)
              .as("%s carries the %s annotation", file, EXPECTED_ERROR)
              .isNotBlank();
          List<String> errors;
          if (docs.size() == 2) {
            assertThat(admission.create(docs.get(0)))
                .as("the old object of %s is itself valid", file)
                .isEmpty();
            errors = admission.update(docs.get(0), manifest);
          } else {
            errors = admission.create(manifest);
          }
          assertThat(errors)
              .as("errors for %s", file)
              .anySatisfy(e -> assertThat(e).contains(expected));
          // Each manifest breaks one thing, so nothing else may be reported: no
          // over-broad rule hides behind it.
          assertThat(errors)
              .as("errors for %s", file)
              .allSatisfy(
                  e ->
                      assertThat(e)
                          .satisfiesAnyOf(
                              m -> assertThat(m).contains(expected),
                              m -> assertThat(m).isEqualTo(OfflineAdmission.RULES_NOT_CHECKED)));
        });
  }

  @TestFactory
  Stream<DynamicTest> updatesThatKeepTheIdentityFieldsAreAdmitted() {
    List<Path> files = Manifests.yamlFiles(catalogue("valid-updates"));
    assertThat(files).isNotEmpty();
    return perFile(
        files,
        (file, docs) -> {
          assertThat(docs).hasSize(2);
          assertThat(admission.create(docs.get(0))).isEmpty();
          assertThat(admission.update(docs.get(0), docs.get(1)))
              .as("errors updating per %s", file)
              .isEmpty();
        });
  }

  @Test
  void immutableFieldsAreCheckedOnlyOnUpdate() {
    Map<String, Object> flow = firstSampleFlow();
    Map<String, Object> moved = deepCopy(flow);
    child(spec(moved), "platform").put("sandbox", "dev");
    assertThat(admission.create(moved)).isEmpty();
    assertThat(admission.update(flow, moved))
        .containsExactly(
            "spec.platform.sandbox: Invalid value: \"string\": platform.sandbox is immutable:"
                + " create a new StripeIngestionFlow instead");
  }

  @Test
  void nullsArePrunedAndDefaultsAppliedBeforeTheRulesRun() {
    Map<String, Object> flow = firstSampleFlow();
    Map<String, Object> schedule = new HashMap<>();
    schedule.put("frequency", "once");
    schedule.put("interval", null); // the API server drops it, so `once without interval` holds
    spec(flow).put("schedule", schedule);
    spec(flow).put("state", null);
    assertThat(admission.create(flow)).isEmpty();
  }

  @Test
  void typeErrorsStopTheRulesLikeTheApiServerDoes() {
    Map<String, Object> flow = firstSampleFlow();
    child(spec(flow), "schedule").put("interval", "fifteen");
    assertThat(admission.create(flow))
        .anySatisfy(
            e -> assertThat(e).startsWith("spec.schedule.interval: string found, integer expected"))
        .contains(OfflineAdmission.RULES_NOT_CHECKED);
  }

  /** What one manifest file of a catalogue must satisfy, given its YAML documents. */
  @FunctionalInterface
  private interface FileCheck {
    void check(Path file, List<Map<String, Object>> docs);
  }

  /** One dynamic test per file, named after it. */
  private static Stream<DynamicTest> perFile(List<Path> files, FileCheck check) {
    return files.stream()
        .map(
            file ->
                dynamicTest(
                    file.getFileName().toString(),
                    () -> check.check(file, Manifests.documents(file))));
  }

  private static Map<String, Object> firstSampleFlow() {
    return deepCopy(sampleFlows().get(0));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> manifest) {
    return (Map<String, Object>) OfflineAdmission.normalize(manifest);
  }

  private static Map<String, Object> spec(Map<String, Object> manifest) {
    return child(manifest, "spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  private static String name(Map<String, Object> manifest) {
    return String.valueOf(child(manifest, "metadata").get("name"));
  }
}

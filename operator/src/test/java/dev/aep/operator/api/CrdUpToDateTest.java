package dev.aep.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed crds/ must be exactly the CRD the build generated from the model: the operator
 * build writes it to operator/target/crds/ during process-classes (crd-generator-maven-plugin, then
 * {@link CrdFiles}), and `make crds` copies it to crds/. This test only compares; it never writes.
 */
class CrdUpToDateTest {

  @Test
  void committedCrdIsWhatTheBuildGenerated() throws IOException {
    Path built = RepoFiles.builtCrd();
    Path committed = RepoFiles.committedCrd();
    assertThat(built)
        .as(
            "the operator build writes %s during process-classes: run the tests through Maven (mvn verify)",
            built)
        .exists();
    assertThat(committed)
        .as("crds/ holds the generated CRD (run `make crds` and commit the result)")
        .exists();
    assertThat(Files.readString(committed))
        .as(
            "crds/%s is out of date with api.v1alpha1: run `make crds` and commit the result",
            CrdFiles.CRD_FILE_NAME)
        .isEqualTo(Files.readString(built));
  }

  @Test
  void crdsDirectoryHoldsOnlyTheCrdAndItsKustomization() throws IOException {
    try (var files = Files.list(RepoFiles.committedCrd().getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(CrdFiles.CRD_FILE_NAME, "kustomization.yaml");
    }
  }
}

package dev.aep.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed crds/ must be exactly what the model generates; `make crds` rewrites it. */
class CrdUpToDateTest {

  @Test
  void committedCrdMatchesWhatTheModelGenerates() throws IOException {
    String expected = CrdFiles.expectedCommittedCrd();
    Path committed = CrdFiles.committedCrd();
    if (Boolean.getBoolean("crds.update")) {
      Files.createDirectories(committed.getParent());
      Files.writeString(committed, expected);
    }
    assertThat(committed).as("crds/ holds the generated CRD (run `make crds`)").exists();
    assertThat(Files.readString(committed))
        .as("crds/%s is out of date with api.v1alpha1: run `make crds` and commit the result", CrdFiles.CRD_FILE_NAME)
        .isEqualTo(expected);
  }

  @Test
  void crdsDirectoryHoldsOnlyTheCrdAndItsKustomization() throws IOException {
    try (var files = Files.list(CrdFiles.committedCrd().getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(CrdFiles.CRD_FILE_NAME, "kustomization.yaml");
    }
  }
}

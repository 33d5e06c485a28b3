package dev.aep.operator.api;

import dev.aep.operator.testing.RepoRoot;
import java.nio.file.Path;

/** Where the tests find the CRD: the one committed, and the one the build finished. */
final class RepoFiles {

  private RepoFiles() {}

  /**
   * The CRD the operator build wrote during process-classes: the crd-generator-maven-plugin's
   * output finished by {@link CrdFiles}. `make crds` copies it to crds/.
   */
  static Path builtCrd() {
    return RepoRoot.path().resolve("operator/target/crds").resolve(CrdFiles.CRD_FILE_NAME);
  }

  /** The committed CRD, as installed by deploy/ and `kubectl apply -k crds/`. */
  static Path committedCrd() {
    return RepoRoot.path().resolve("crds").resolve(CrdFiles.CRD_FILE_NAME);
  }
}

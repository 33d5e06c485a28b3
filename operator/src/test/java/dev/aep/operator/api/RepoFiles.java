package dev.aep.operator.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the repository's files: the committed CRD, the CRD the build finished,
 * samples.
 */
final class RepoFiles {

  private RepoFiles() {}

  /** The repository root: the directory holding the parent pom and the operator module. */
  static Path repoRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isRegularFile(candidate.resolve("pom.xml"))
          && Files.isRegularFile(candidate.resolve("operator/pom.xml"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no repository root above " + dir);
  }

  /**
   * The CRD the operator build wrote during process-classes: the crd-generator-maven-plugin's
   * output finished by {@link CrdFiles}. `make crds` copies it to crds/.
   */
  static Path builtCrd() {
    return repoRoot().resolve("operator/target/crds").resolve(CrdFiles.CRD_FILE_NAME);
  }

  /** The committed CRD, as installed by deploy/ and `kubectl apply -k crds/`. */
  static Path committedCrd() {
    return repoRoot().resolve("crds").resolve(CrdFiles.CRD_FILE_NAME);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

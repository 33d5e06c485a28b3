package dev.aep.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in: its root, and its files read as text. */
public final class RepoRoot {
  private RepoRoot() {}

  /** The directory holding the parent pom and the operator module, above the working directory. */
  public static Path path() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isRegularFile(candidate.resolve("pom.xml"))
          && Files.isRegularFile(candidate.resolve("operator/pom.xml"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no repository root above " + dir);
  }

  /** The text of {@code relative} below the root, e.g. {@code samples/charges.yaml}. */
  public static String read(String relative) {
    return read(path().resolve(relative));
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.aep.operator.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures a scenario run produced, as one block on stdout and in {@code
 * systemtest/target/reliability/<scenario>.txt} (failsafe sends test output to files, and {@code
 * make chaos} prints these files at the end).
 */
final class ScenarioReport {
  private final String scenario;
  private final String title;
  private final List<String[]> rows = new ArrayList<>();

  ScenarioReport(String scenario, String title) {
    this.scenario = scenario;
    this.title = title;
  }

  ScenarioReport line(String key, Object value) {
    rows.add(new String[] {key, String.valueOf(value)});
    return this;
  }

  /**
   * Prints the block and writes the file; call it before asserting, so a failing run reports too.
   */
  String publish() {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    StringBuilder text =
        new StringBuilder("== ").append(title).append(" (").append(scenario).append(") ==\n");
    for (String[] row : rows) {
      text.append(String.format("%-" + width + "s : %s%n", row[0], row[1]));
    }
    System.out.print(text);
    Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("reliability");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(scenario + ".txt"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A duration as seconds with one decimal, e.g. {@code 12.3 s}. */
  static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}

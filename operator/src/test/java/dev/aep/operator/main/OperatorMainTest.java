package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The entry point refuses a bad environment with one line naming the variable, before logging
 * starts.
 */
class OperatorMainTest {

  @Test
  void badValueIsRefusedWithOneLineNamingTheVariable() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Optional<OperatorConfig> config =
        OperatorMain.configure(
            Map.of("RESYNC_INTERVAL", "soon"), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(config).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "error: RESYNC_INTERVAL: expected a duration such as 30s, 10m or 1h, got \"soon\""
                + System.lineSeparator());
  }

  @Test
  void validEnvironmentSelectsTheLogFormatBeforeAnyLoggerExists() {
    String previous = System.getProperty("aep.log.format");
    try {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Optional<OperatorConfig> config =
          OperatorMain.configure(
              Map.of("LOG_FORMAT", "JSON"), new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(config).isPresent();
      assertThat(err.size()).isZero();
      assertThat(System.getProperty("aep.log.format")).isEqualTo("json");
    } finally {
      if (previous == null) {
        System.clearProperty("aep.log.format");
      } else {
        System.setProperty("aep.log.format", previous);
      }
    }
  }
}

package dev.aep.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The simulator run alone, as {@code java -jar simulator.jar} does: its own JVM, a port from the
 * command line, the Platform served until it is stopped; a bad argument ends with one line.
 */
class SimulatorMainTest {
  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  private static Process launch(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SimulatorMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  @Test
  void runsAloneOnTheGivenPortServesThePlatformAndStopsOnSignal() throws Exception {
    Process process = launch("--port", "0");
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).isNotNull();
      Matcher m = LISTENING.matcher(first);
      assertThat(m.find()).as(first).isTrue();
      assertThat(out.readLine()).contains("AEP_ALLOW_HTTP=true");

      SimClient.Resp connections =
          SimClient.authenticated(m.group(1)).get(SimClient.FLOW + "/connections");
      assertThat(connections.status()).isEqualTo(200);
    } finally {
      process.destroy();
    }
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aBadArgumentEndsWithOneLineNamingItAndExitCode2() throws Exception {
    Process process = launch("--port", "eighty");
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(err.lines().toList())
        .containsExactly("error: --port: expected a port number 0..65535, got \"eighty\"");
  }
}

package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The export command's usage and configuration errors: one clear line, exit 2, nothing on stdout.
 */
class ExportCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(List<String> args, Map<String, String> env) {
    return ExportCommand.run(args, env, new PrintStream(out, true), new PrintStream(err, true));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutASandboxOrWithoutFlowsToExportItPrintsTheUsage() {
    assertThat(run(List.of("--all-stripe"), Map.of()))
        .isEqualTo(OperatorMain.EXIT_BAD_CONFIGURATION);
    assertThat(run(List.of("--sandbox", "prod"), Map.of()))
        .isEqualTo(OperatorMain.EXIT_BAD_CONFIGURATION);
    assertThat(err()).contains("usage: java -jar operator.jar export --sandbox NAME");
    assertThat(out.size()).isZero();
  }

  @Test
  void anUnknownArgumentIsNamed() {
    assertThat(run(List.of("--sandbox", "prod", "--everything"), Map.of())).isEqualTo(2);
    assertThat(err()).contains("unknown argument --everything");
  }

  @Test
  void missingCredentialsAreNamedAndNoValueIsEchoed() {
    int exit =
        run(
            List.of("--sandbox", "prod", "--flow-id", "f1"),
            Map.of("AEP_CLIENT_ID", "client", "AEP_CLIENT_SECRET", "p@ss-w0rd-secret"));
    assertThat(exit).isEqualTo(2);
    assertThat(err())
        .contains("AEP_ORG_ID")
        .doesNotContain("p@ss-w0rd-secret")
        .doesNotContain("AEP_CLIENT_ID,");
    assertThat(out.size()).isZero();
  }

  @Test
  void argumentsAreParsedWithTheDefaultSecretName() {
    var parsed =
        ExportCommand.parse(
                List.of("--sandbox", "prod", "--flow-id", "a", "--flow-id", "b"),
                new PrintStream(err, true))
            .orElseThrow();
    assertThat(parsed.sandbox()).isEqualTo("prod");
    assertThat(parsed.flowIds()).containsExactly("a", "b");
    assertThat(parsed.allStripe()).isFalse();
    assertThat(parsed.credentialsSecret()).isEqualTo("aep-credentials");
  }
}

package dev.aep.operator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `make demo` keeps working: the whole walk-through converges against the simulator. */
class DemoTest {

  @Test
  void demoWalksTheWholeLifecycleAgainstTheSimulatorAndSucceeds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status;
    try (Demo demo = new Demo(Map.of(), out)) {
      status = demo.run();
    }
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(status).isZero();
    assertThat(text)
        .contains("all 8 flows Ready")
        .containsPattern("NAME +RESOURCE +READY +FLOW ID +SCHEDULE +LAST RUN")
        .containsPattern(
            "stripe-charges +charges +True +[0-9a-f-]{36} +minute/15 +success \\(\\d+ written, 0 failed\\)")
        .containsPattern(
            "stripe-charges +\\d+ written, 0 failed; 8 of 8 destinations filled: .*_id, timestamp")
        .contains("status.observedGeneration caught up to 2")
        .containsPattern("PATCH flow [0-9a-f-]{36}  If-Match \"[^\"]+\"")
        .contains("replace /scheduleParams/interval = 30")
        .containsPattern(
            "PATCH base connection [0-9a-f-]{36} .*\\R +replace /auth/params = \\(hidden: credentials\\)")
        .doesNotContain("sk_test_")
        .containsPattern("recreated it as [0-9a-f-]{36}")
        // Deletion order (platform-api.md 2.6): the flow first, then its connections, the base
        // connection last.
        .containsPattern(
            "1\\. DELETE flow .*\\R.*2\\. DELETE (source|target) connection .*\\R"
                + ".*3\\. DELETE (source|target) connection .*\\R.*4\\. DELETE base connection")
        .containsPattern("adopt:\\R +flowId: \"?[0-9a-f-]{36}")
        .containsPattern(
            "adopted: status.flow.id [0-9a-f-]{36}, Synced=False DriftObserved, 1 pending change")
        .containsPattern("plan: update flow [0-9a-f-]{36} \\[replace /scheduleParams/interval\\]")
        .containsPattern(
            "what the operator sent while observing:\\R +\\(no change sent to the Platform\\)")
        .containsPattern("exactly the planned write:\\R +1\\. PATCH flow [0-9a-f-]{36}")
        .contains("Platform calls by kind")
        .contains("every step converged");
  }
}

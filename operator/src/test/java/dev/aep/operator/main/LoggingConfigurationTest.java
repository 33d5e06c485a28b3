package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** logback.xml prints plain lines by default and one JSON object per line for LOG_FORMAT=json. */
class LoggingConfigurationTest {

  /** Configures a private logger context from the shipped logback.xml and captures stdout. */
  private static String logOnce(String format) throws Exception {
    URL config = OperatorMain.class.getResource("/logback.xml");
    assertThat(config).isNotNull();
    LoggerContext context = new LoggerContext();
    // A private context (the global one stays untouched) needs its own MDC adapter.
    LogbackMDCAdapter mdc = new LogbackMDCAdapter();
    context.setMDCAdapter(mdc);
    if (format != null) {
      context.putProperty("aep.log.format", format);
    }
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(config);
      mdc.put("resource.namespace", "payments");
      mdc.put("resource.name", "charges");
      context.getLogger("dev.aep.operator.reconciler.Test").info("created flow {}", "flow-123");
      mdc.clear();
      context.getLogger("dev.aep.operator.reconciler.Test").info("no flow in scope");
    } finally {
      context.stop();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textFormatIsTheDefaultAndCarriesTheFlowBeingReconciled() throws Exception {
    String out = logOnce(null);
    String[] lines = out.split("\n");

    // Two lines and nothing else: in particular no logback status dump at start.
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).contains("INFO").contains("[payments/charges] - created flow flow-123");
    assertThat(lines[1]).contains("- no flow in scope").doesNotContain("[/]");
  }

  @Test
  void jsonFormatWritesOneObjectPerLineWithTheMdc() throws Exception {
    String out = logOnce("json");
    String[] lines = out.split("\n");

    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.get("level").asText()).isEqualTo("INFO");
    assertThat(first.get("formattedMessage").asText()).isEqualTo("created flow flow-123");
    assertThat(first.get("mdc").get("resource.namespace").asText()).isEqualTo("payments");
    assertThat(first.get("mdc").get("resource.name").asText()).isEqualTo("charges");
    assertThat(new ObjectMapper().readTree(lines[1]).get("formattedMessage").asText())
        .isEqualTo("no flow in scope");
  }
}

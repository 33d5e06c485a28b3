package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.main.OperatorConfig.LogFormat;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration is read once from the environment; bad values are refused naming the variable. */
class OperatorConfigTest {

  private static Map<String, String> env(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void emptyEnvironmentGivesTheDocumentedDefaults() {
    OperatorConfig c = OperatorConfig.fromEnvironment(Map.of());

    assertThat(c.platformUrl()).isEqualTo(URI.create("https://platform.adobe.io"));
    assertThat(c.imsUrl()).isEqualTo(URI.create("https://ims-na1.adobelogin.com"));
    assertThat(c.allowHttp()).isFalse();
    assertThat(c.watchAllNamespaces()).isTrue();
    assertThat(c.watchLabelSelector()).isEmpty();
    assertThat(c.resyncInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.platformMaxRps()).isEqualTo(10.0);
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.reconcileThreads()).isEqualTo(10);
    assertThat(c.leaderElection().enabled()).isFalse();
    assertThat(c.leaderElection().leaseName()).isEqualTo(OperatorConfig.DEFAULT_LEASE_NAME);
    assertThat(c.logFormat()).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void readsEveryVariable() {
    OperatorConfig c =
        OperatorConfig.fromEnvironment(
            env(
                "AEP_PLATFORM_URL", "http://127.0.0.1:8081/",
                "AEP_IMS_URL", "http://127.0.0.1:8081",
                "AEP_ALLOW_HTTP", "TRUE",
                "WATCH_NAMESPACES", "payments, billing,",
                "WATCH_LABEL_SELECTOR", "shard in (a, b),!legacy,tier=gold",
                "RESYNC_INTERVAL", "1h30m",
                "PLATFORM_MAX_RPS", "2.5",
                "HTTP_PORT", "9090",
                "RECONCILE_THREADS", "4",
                "SHUTDOWN_TIMEOUT", "45s",
                "LEADER_ELECTION", "true",
                "LEADER_ELECTION_NAMESPACE", "aep-system",
                "LEADER_ELECTION_LEASE_NAME", "shard-a",
                "LEADER_ELECTION_IDENTITY", "pod-1",
                "LOG_FORMAT", "json"));

    assertThat(c.platformUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(c.imsUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(c.allowHttp()).isTrue();
    assertThat(c.watchNamespaces()).containsExactly("payments", "billing");
    assertThat(c.watchLabelSelector()).contains("shard in (a, b),!legacy,tier=gold");
    assertThat(c.resyncInterval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(c.platformMaxRps()).isEqualTo(2.5);
    assertThat(c.httpPort()).isEqualTo(9090);
    assertThat(c.reconcileThreads()).isEqualTo(4);
    assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.leaderElection().enabled()).isTrue();
    assertThat(c.leaderElection().leaseNamespace()).contains("aep-system");
    assertThat(c.leaderElection().leaseName()).isEqualTo("shard-a");
    assertThat(c.leaderElection().identity()).isEqualTo("pod-1");
    assertThat(c.logFormat()).isEqualTo(LogFormat.JSON);
  }

  @Test
  void leaderElectionIsOnByDefaultInsideAClusterAndCanBeTurnedOff() {
    assertThat(
            OperatorConfig.fromEnvironment(env("KUBERNETES_SERVICE_HOST", "10.0.0.1"))
                .leaderElection()
                .enabled())
        .isTrue();
    assertThat(
            OperatorConfig.fromEnvironment(
                    env("KUBERNETES_SERVICE_HOST", "10.0.0.1", "LEADER_ELECTION", "false"))
                .leaderElection()
                .enabled())
        .isFalse();
  }

  @Test
  void leaderIdentityFallsBackToThePodName() {
    assertThat(
            OperatorConfig.fromEnvironment(env("POD_NAME", "op-7d9", "HOSTNAME", "host"))
                .leaderElection()
                .identity())
        .isEqualTo("op-7d9");
    assertThat(OperatorConfig.fromEnvironment(env("HOSTNAME", "host")).leaderElection().identity())
        .isEqualTo("host");
  }

  @Test
  void blankValuesMeanUnset() {
    OperatorConfig c = OperatorConfig.fromEnvironment(env("RESYNC_INTERVAL", " ", "HTTP_PORT", ""));
    assertThat(c.resyncInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.httpPort()).isEqualTo(8080);
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "AEP_PLATFORM_URL|http://platform.example|must be https",
        "AEP_IMS_URL|http://ims.example|must be https",
        "AEP_PLATFORM_URL|ftp://platform.example|must be an https URL",
        "AEP_PLATFORM_URL|https:///data|has no host",
        "AEP_PLATFORM_URL|https://host/x?y=1|without query",
        "AEP_PLATFORM_URL|not a url|not a valid URL",
        "AEP_ALLOW_HTTP|yes|expected true or false",
        "LEADER_ELECTION|on|expected true or false",
        "RESYNC_INTERVAL|10|expected a duration",
        "RESYNC_INTERVAL|10 minutes|expected a duration",
        "RESYNC_INTERVAL|0s|longer than zero",
        "SHUTDOWN_TIMEOUT|-5s|expected a duration",
        "PLATFORM_MAX_RPS|fast|expected a number",
        "PLATFORM_MAX_RPS|0|positive number",
        "HTTP_PORT|80800|between 0 and 65535",
        "HTTP_PORT|http|whole number",
        "RECONCILE_THREADS|0|between 1 and",
        "WATCH_NAMESPACES|Payments|not a valid namespace",
        "WATCH_NAMESPACES|,|lists no namespace",
        "WATCH_LABEL_SELECTOR|shard=a=b|not a label selector",
        "LEADER_ELECTION_NAMESPACE|Aep_System|not a valid name",
        "LOG_FORMAT|xml|expected text or json",
      })
  void refusesBadValueWithOneLineNamingTheVariable(String variable, String value, String reason) {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(env(variable, value)))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              ConfigException ce = (ConfigException) e;
              assertThat(ce.variable()).isEqualTo(variable);
              assertThat(ce.getMessage()).startsWith(variable + ": ").contains(reason);
              assertThat(ce.getMessage()).doesNotContain("\n");
            });
  }

  @Test
  void httpIsAcceptedOnlyWithAllowHttp() {
    OperatorConfig c =
        OperatorConfig.fromEnvironment(
            env("AEP_PLATFORM_URL", "http://127.0.0.1:1", "AEP_ALLOW_HTTP", "true"));
    assertThat(c.platformUrl().getScheme()).isEqualTo("http");
    // The IMS default stays https: allowing http does not downgrade the defaults.
    assertThat(c.imsUrl().getScheme()).isEqualTo("https");
  }

  @Test
  void urlWithCredentialsIsRefusedWithoutEchoingThem() {
    assertThatThrownBy(
            () ->
                OperatorConfig.fromEnvironment(
                    env("AEP_IMS_URL", "https://user:s3cr3t@ims.example")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("AEP_IMS_URL: ")
        .hasMessageNotContaining("s3cr3t");
  }

  @ParameterizedTest(name = "{0} is {1} ms")
  @CsvSource({"500ms,500", "30s,30000", "10m,600000", "2h,7200000", "1h30m,5400000", "1m30s,90000"})
  void parsesDurations(String text, long millis) {
    assertThat(OperatorConfig.parseDuration(text)).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "\"{0}\" is not a duration")
  @CsvSource({"10", "m", "1d", "10m5", "PT10M", "1.5h"})
  void refusesMalformedDurations(String text) {
    assertThat(OperatorConfig.parseDuration(text)).isEmpty();
  }
}

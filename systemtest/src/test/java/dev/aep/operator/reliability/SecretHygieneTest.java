package dev.aep.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.demo.RecordingPlatform;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.platform.http.HttpPlatformOptions;
import dev.aep.operator.platform.http.PlatformEndpoints;
import dev.aep.operator.platform.http.RetryPolicy;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.MockCluster;
import dev.aep.operator.testing.Replica;
import dev.aep.simulator.Accounts;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5, secret hygiene: a full lifecycle (create, Stripe key rotations including a refused
 * key, Platform credentials rotation including a wrong secret, spec update, delete) under Platform
 * faults, with distinctive secret values and the operator's own loggers at DEBUG. Then everything
 * the operator printed (with every exception's full cause chain), every Event, every status and
 * Event it wrote to Kubernetes, every metrics scrape, and the messages of the Platform client's
 * exceptions for calls that carry secrets are searched for each secret value, its Base64 form (how
 * Secret data travels) and the IMS access tokens. None may appear.
 */
class SecretHygieneTest {
  /** What the simulator's IMS issues: {@code sim.} and 43 Base64url characters. */
  private static final Pattern ACCESS_TOKEN = Pattern.compile("sim\\.[A-Za-z0-9_-]{43}");

  @Test
  void noSecretValueAppearsInLogsEventsStatusMetricsOrExceptions() {
    int flowCount = ScenarioParameters.integer("hygiene.flows", 2);
    double faultRate = ScenarioParameters.decimal("hygiene.faultRate", 0.05);
    Duration timeout = ScenarioParameters.seconds("hygiene.timeoutSeconds", 120);
    String rootLevel = System.getProperty("hygiene.rootLevel", "");
    String ns = "hygiene";
    String clientId = "hygiene-client";
    String tag = UUID.randomUUID().toString().replace("-", "");
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("client secret", "HYGclientSECRET" + tag);
    secrets.put("rotated client secret", "HYGrotatedCLIENTsecret" + tag);
    secrets.put("wrong client secret", "HYGwrongCLIENTsecret" + tag);
    secrets.put("Stripe key", "sk_live_HYGfirst" + tag);
    secrets.put("rotated Stripe key", "sk_live_HYGsecond" + tag);
    secrets.put("refused Stripe key", "sk_live_HYGrefused" + tag);
    secrets.put("fixed Stripe key", "sk_live_HYGfixed" + tag);

    List<String> scrapes = new ArrayList<>();
    List<String> exceptions = new ArrayList<>();
    try (ReliabilityStack stack = ReliabilityStack.start();
        CapturedLogs logs =
            new CapturedLogs(true, rootLevel.isBlank() ? null : Level.toLevel(rootLevel))) {
      PlatformSimulator sim = stack.simulator();
      KubernetesClient client = stack.client();
      sim.accounts().register(clientId, secrets.get("client secret"), Accounts.DEFAULT_ORG_ID);
      sim.stripe().rejectToken(secrets.get("refused Stripe key"));
      stack.namespace(ns);
      platformSecret(stack, ns, clientId, secrets.get("client secret"));
      stack.stripeSecret(ns, secrets.get("Stripe key"));
      sim.faults().seed(ScenarioParameters.seed()).serverErrors(faultRate).rateLimit(faultRate, 1);
      List<RecordingPlatform> recorders = new ArrayList<>();
      Replica replica =
          stack.replica(
              Map.of(),
              ReliabilityStack.settings(Duration.ofSeconds(2), Duration.ofSeconds(1)),
              platform -> {
                RecordingPlatform recording = new RecordingPlatform(platform);
                recorders.add(recording);
                return recording;
              });
      replica.assembly().start();

      List<StripeIngestionFlow> flows = new ArrayList<>();
      for (int i = 0; i < flowCount; i++) {
        flows.add(stack.create(stack.charges(ns, "flow-" + i)));
      }
      stack.awaitAllReady(flows, timeout);
      scrapes.add(stack.get(replica.assembly(), "/metrics").body());

      for (String key : List.of("rotated Stripe key", "refused Stripe key", "fixed Stripe key")) {
        Secret rotated = stack.stripeSecret(ns, secrets.get(key));
        String version = rotated.getMetadata().getResourceVersion();
        boolean refused = key.startsWith("refused");
        stack.awaitEach(
            flows,
            timeout,
            now ->
                refused
                    ? FlowAssertions.hasReason(
                        now, FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC)
                    : FlowAssertions.readyForGeneration(now)
                        && FlowAssertions.usesSecretVersion(version).test(now));
        scrapes.add(stack.get(replica.assembly(), "/metrics").body());
      }

      // Rotate the Platform client secret, then put a wrong one in the Secret, then fix it.
      sim.accounts()
          .register(clientId, secrets.get("rotated client secret"), Accounts.DEFAULT_ORG_ID);
      sim.faults().expireTokens();
      platformSecret(stack, ns, clientId, secrets.get("wrong client secret"));
      stack.awaitEach(
          flows,
          timeout,
          FlowAssertions.withReason(FlowConditions.SYNCED, FlowConditions.REASON_AUTH_FAILED));
      platformSecret(stack, ns, clientId, secrets.get("rotated client secret"));
      stack.awaitEach(
          flows,
          timeout,
          FlowAssertions.withReason(
              FlowConditions.SYNCED, FlowConditions.REASON_RECONCILE_SUCCESS));
      for (StripeIngestionFlow f : flows) {
        stack.change(ns, f.getMetadata().getName(), e -> e.getSpec().getSchedule().setInterval(60));
      }
      stack.awaitAllReady(flows, timeout);
      scrapes.add(stack.get(replica.assembly(), "/metrics").body());

      // Runs whose records fail: the Platform's messages for those quote record values (here the
      // customers' emails), which must stay out of status, Events, logs and metrics.
      for (StripeIngestionFlow f : flows) {
        stack.change(
            ns,
            f.getMetadata().getName(),
            e ->
                e.getSpec()
                    .getMapping()
                    .add(MappingSpec.expression("to_integer(data.receipt_email)", "_id", null)));
      }
      stack.awaitAllReady(flows, timeout);
      sim.clock().advance(Duration.ofDays(2));
      stack.awaitEach(
          flows,
          timeout,
          FlowAssertions.withReason(FlowConditions.READY, FlowConditions.REASON_RUN_FAILED));
      Map<String, String> recordValues = quotedRecordValues(sim);
      scrapes.add(stack.get(replica.assembly(), "/metrics").body());
      // Both Event APIs: events.k8s.io/v1 (what the operator writes) and core v1.
      List<Object> bothApis =
          new ArrayList<>(client.events().v1().events().inNamespace(ns).list().getItems());
      bothApis.addAll(client.v1().events().inNamespace(ns).list().getItems());
      List<String> events = new ArrayList<>();
      bothApis.forEach(e -> events.add(client.getKubernetesSerialization().asJson(e)));
      List<String> statuses = new ArrayList<>();
      stack.flows().forEach(f -> statuses.add(client.getKubernetesSerialization().asJson(f)));

      flows.forEach(f -> client.resource(f).delete());
      Awaitility.await().atMost(timeout).until(() -> stack.flows().isEmpty());
      scrapes.add(stack.get(replica.assembly(), "/metrics").body());
      sim.faults().clear();

      List<String> operatorExceptions = recorders.get(0).exceptions();
      exceptions.addAll(clientExceptions(sim, clientId, secrets));
      List<String> operatorWrites =
          stack.kubernetesFaults().requests().stream()
              .filter(
                  r ->
                      MockCluster.OPERATOR_USER_AGENT.equals(r.userAgent())
                          && !r.method().equals("GET"))
              .map(r -> r.method() + " " + r.path() + " " + r.body())
              .toList();
      List<String> printed = logs.lines();
      int platformCalls = sim.requestLog().entries().size();

      Map<String, List<String>> corpus = new LinkedHashMap<>();
      corpus.put("log lines", printed);
      corpus.put("Events", events);
      corpus.put("flows (status) at the end of the lifecycle", statuses);
      corpus.put("Kubernetes writes by the operator (status, Events, finalizers)", operatorWrites);
      corpus.put("metrics scrapes", scrapes);
      corpus.put("exceptions thrown to the reconciler", operatorExceptions);
      corpus.put("Platform client exceptions (direct calls)", exceptions);
      List<String> leaks = search(corpus, secrets);
      List<String> recordLeaks = search(corpus, recordValues);
      long stackTraces = printed.stream().filter(l -> l.contains("\tat ")).count();
      long warnings =
          client.events().v1().events().inNamespace(ns).list().getItems().stream()
              .filter(e -> "Warning".equals(e.getType()))
              .count();

      new ScenarioReport("secret-hygiene", "Secret hygiene")
          .line(
              "lifecycle",
              flowCount
                  + " flows: create, 3 Stripe key rotations (one refused), "
                  + "Platform secret rotation (one wrong), spec update, delete; 429 and 5xx at "
                  + String.format("%.0f%%", faultRate * 100)
                  + "; "
                  + (rootLevel.isBlank()
                      ? "dev.aep loggers at DEBUG"
                      : "root logger at " + rootLevel + " (aep.log.level)"))
          .line(
              "secrets searched",
              secrets.size()
                  + " values, each also Base64-encoded, and "
                  + "IMS access tokens (pattern "
                  + ACCESS_TOKEN.pattern()
                  + ")")
          .line(
              "searched",
              printed.size()
                  + " log lines ("
                  + stackTraces
                  + " with stack traces), "
                  + events.size()
                  + " Events ("
                  + warnings
                  + " warnings), "
                  + statuses.size()
                  + " flows, "
                  + operatorWrites.size()
                  + " Kubernetes writes, "
                  + scrapes.size()
                  + " metrics scrapes ("
                  + scrapes.stream().mapToInt(String::length).sum()
                  + " chars), "
                  + operatorExceptions.size()
                  + " exceptions thrown inside the operator "
                  + "(full traces), "
                  + exceptions.size()
                  + " from direct client calls")
          .line("Platform calls", platformCalls)
          .line("secrets found", leaks.size() + (leaks.isEmpty() ? "" : " " + leaks))
          .line(
              "Stripe record values searched",
              recordValues.size() + " emails the Platform quoted in run errors")
          .line(
              "record values found",
              recordLeaks.size() + (recordLeaks.isEmpty() ? "" : " " + recordLeaks))
          .publish();

      assertThat(printed).as("log lines").hasSizeGreaterThan(20);
      assertThat(operatorExceptions)
          .as("exceptions inside the operator")
          .anyMatch(e -> e.contains("401"))
          .anyMatch(e -> e.contains("Stripe"));
      assertThat(warnings).as("warning Events").isPositive();
      assertThat(operatorWrites).as("operator writes").anyMatch(w -> w.contains("/status"));
      assertThat(scrapes).allMatch(s -> s.contains("aep_platform_requests"));
      assertThat(exceptions).hasSize(4);
      // The search itself finds a planted secret, so an empty result means something.
      assertThat(
              search(Map.of("planted", List.of("x " + secrets.get("Stripe key") + " y")), secrets))
          .hasSize(1);
      assertThat(leaks).isEmpty();
      // The runs' errors did quote record values, so finding none of them means something.
      assertThat(recordValues).isNotEmpty();
      assertThat(recordLeaks).isEmpty();
    }
  }

  /**
   * Customer emails (Stripe record values) the simulated Platform put into its runs' error
   * messages.
   */
  private static Map<String, String> quotedRecordValues(PlatformSimulator sim) {
    Pattern email = Pattern.compile("[a-z]+\\.[a-z]+@example\\.com");
    Map<String, String> values = new LinkedHashMap<>();
    for (var run : sim.inventory().list(Kind.RUN)) {
      Matcher m = email.matcher(run.path("metrics").path("statusSummary").toString());
      while (m.find()) {
        values.put("record value " + m.group(), m.group());
      }
    }
    return values;
  }

  private static void platformSecret(
      ReliabilityStack stack, String ns, String clientId, String clientSecret) {
    stack.secret(
        ns,
        "aep-credentials",
        Map.of(
            "clientId", clientId, "clientSecret", clientSecret, "orgId", Accounts.DEFAULT_ORG_ID));
  }

  /** Every place a secret value (plain or Base64) or an access token appears. */
  private static List<String> search(
      Map<String, List<String>> corpus, Map<String, String> secrets) {
    List<String> leaks = new ArrayList<>();
    for (Map.Entry<String, List<String>> source : corpus.entrySet()) {
      for (String text : source.getValue()) {
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
          String b64 =
              Base64.getEncoder()
                  .encodeToString(secret.getValue().getBytes(StandardCharsets.UTF_8));
          if (text.contains(secret.getValue()) || text.contains(b64)) {
            leaks.add(
                secret.getKey()
                    + " in "
                    + source.getKey()
                    + ": "
                    + text.substring(0, Math.min(200, text.length())));
          }
        }
        Matcher token = ACCESS_TOKEN.matcher(text);
        if (token.find()) {
          leaks.add(
              "access token in "
                  + source.getKey()
                  + ": "
                  + text.substring(0, Math.min(200, text.length())));
        }
      }
    }
    return leaks;
  }

  /**
   * The Platform client's exceptions for failing calls that carry a secret: a wrong client secret,
   * a refused Stripe key on create, a 500 to a create carrying a key, and a 400 to a PATCH of
   * {@code /auth/params}. Each as its full stack trace with causes.
   */
  private static List<String> clientExceptions(
      PlatformSimulator sim, String clientId, Map<String, String> secrets) {
    List<String> traces = new ArrayList<>();
    try (HttpPlatform direct =
        new HttpPlatform(
            PlatformEndpoints.single(sim.baseUrl(), true),
            HttpPlatformOptions.defaults().withRetryPolicy(RetryPolicy.none()),
            new SimpleMeterRegistry())) {
      PlatformAccount good =
          new PlatformAccount(
              clientId, secrets.get("rotated client secret"), Accounts.DEFAULT_ORG_ID, null, null);
      PlatformAccount wrong =
          new PlatformAccount(
              clientId, secrets.get("wrong client secret"), Accounts.DEFAULT_ORG_ID, null, null);
      PlatformSession session = direct.session(good, "hygiene");
      traces.add(
          trace(
              () ->
                  direct
                      .session(wrong, "hygiene")
                      .flowService()
                      .baseConnections()
                      .findByName("any")));
      traces.add(
          trace(() -> createBase(session, "hygiene-refused", secrets.get("refused Stripe key"))));
      sim.faults().failNext(1, "POST", "/connections$", 500);
      traces.add(trace(() -> createBase(session, "hygiene-500", secrets.get("fixed Stripe key"))));
      EntityRef made = createBase(session, "hygiene-patch", secrets.get("fixed Stripe key"));
      sim.faults().failNext(1, "PATCH", "/connections/", 400);
      traces.add(
          trace(
              () ->
                  session
                      .flowService()
                      .baseConnections()
                      .patch(
                          made.id(),
                          made.etag(),
                          List.of(
                              JsonPatchOp.replace(
                                  "/auth/params",
                                  Map.of("accessToken", secrets.get("rotated Stripe key")))))));
    }
    return traces;
  }

  private static EntityRef createBase(PlatformSession session, String name, String stripeKey) {
    return session
        .flowService()
        .baseConnections()
        .create(BaseConnectionRequest.stripe(name, "d", stripeKey));
  }

  private static String trace(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      StringWriter out = new StringWriter();
      e.printStackTrace(new PrintWriter(out));
      return e + "\n" + out;
    }
    throw new AssertionError("the call was expected to fail");
  }
}

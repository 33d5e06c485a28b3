package dev.aep.operator.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.SchemaRequest;
import dev.aep.operator.platform.SourceConnectionRequest;
import dev.aep.operator.platform.TargetConnectionRequest;
import dev.aep.operator.platform.Transformation;
import dev.aep.simulator.Faults;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Secrets (client secret, IMS token, Stripe keys) never show up in a log line, exception message or
 * metric, through a full create/patch/delete sequence with failures along the way.
 */
class SecretRedactionTest {

  private static final String CLIENT_ID = "client-redaction-test";
  private static final String CLIENT_SECRET = "cs-SUPERSECRET-7f3a9c1e";
  private static final String ORG = "SIMORG@AdobeOrg";

  /** The account the test registers with the simulator. */
  private static final PlatformAccount ACCOUNT =
      new PlatformAccount(CLIENT_ID, CLIENT_SECRET, ORG, null, null);

  private static final String STRIPE_KEY = "sk_test_STRIPESECRET_91c2d4";
  private static final String ROTATED_KEY = "sk_test_ROTATEDSECRET_55ab";
  private static final String REJECTED_KEY = "sk_test_REJECTEDSECRET_0d0d";

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private Level previousLevel;
  private final List<String> exceptionTexts = new ArrayList<>();
  private final List<String> tokensSeen = new ArrayList<>();

  @BeforeEach
  void captureLogs() {
    previousLevel = root.getLevel();
    root.setLevel(Level.ALL);
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void restoreLogs() {
    root.detachAppender(appender);
    appender.stop();
    root.setLevel(previousLevel);
  }

  @Test
  void fullSequenceAgainstTheSimulatorLeaksNoSecret() {
    try (PlatformSimulator sim = PlatformSimulator.start()) {
      sim.accounts().register(CLIENT_ID, CLIENT_SECRET, ORG);
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      try (HttpPlatform platform =
          new HttpPlatform(
              PlatformEndpoints.single(sim.baseUrl(), true),
              FakePlatformServer.fastOptions(),
              meters)) {
        PlatformSession session = platform.session(ACCOUNT, "prod");
        runSequence(sim, platform, ACCOUNT, session);
        tokensSeen.add(platform.tokens().token(ACCOUNT));

        // Credentials IMS refuses.
        PlatformAccount wrong =
            new PlatformAccount(CLIENT_ID, CLIENT_SECRET + "-wrong", ORG, null, null);
        capture(() -> platform.session(wrong, "prod").flowService().flows().get("x"));

        assertNoSecretIn(
            allTexts(meters, ACCOUNT, session),
            List.of(
                CLIENT_SECRET, CLIENT_SECRET + "-wrong", STRIPE_KEY, ROTATED_KEY, REJECTED_KEY));
        assertThat(tokensSeen).hasSizeGreaterThanOrEqualTo(2);
        assertNoSecretIn(allTexts(meters, ACCOUNT, session), tokensSeen);
      }
    }
  }

  private void runSequence(
      PlatformSimulator sim,
      HttpPlatform platform,
      PlatformAccount account,
      PlatformSession session) {
    FlowServiceClient fs = session.flowService();
    EntityRef base =
        fs.baseConnections()
            .create(BaseConnectionRequest.stripe("redaction-base", "uid-r", STRIPE_KEY));
    tokensSeen.add(platform.tokens().token(account));
    fs.explore(base.id(), "charges");
    EntityRef source =
        fs.sourceConnections()
            .create(
                SourceConnectionRequest.stripe("redaction-source", "uid-r", base.id(), "charges"));
    FieldGroup group =
        session
            .schemaRegistry()
            .createFieldGroup(
                new FieldGroupRequest(
                    "Redaction fields",
                    "uid-r",
                    SimulatorClientTest.PROFILE,
                    Map.of("_simtenant.stripe.chargeId", "string")));
    Schema schema =
        session
            .schemaRegistry()
            .createSchema(
                new SchemaRequest(
                    "Redaction", "uid-r", SimulatorClientTest.PROFILE, List.of(group.id())));
    String dataset =
        session
            .catalog()
            .createDataset(
                new DatasetRequest(
                    "redaction-ds", "uid-r", SchemaRef.forDataset(schema.id()), Map.of()));
    EntityRef target =
        fs.targetConnections()
            .create(
                TargetConnectionRequest.dataLake(
                    "redaction-target", "uid-r", schema.id(), schema.version(), dataset));
    MappingSetVersion mapping =
        session
            .dataPrep()
            .createMappingSet(
                new MappingSetRequest(
                    "redaction-mapping",
                    SchemaRef.forMapping(schema.id()),
                    List.of(Mapping.attribute("data.id", "_simtenant.stripe.chargeId"))));
    EntityRef flow =
        fs.flows()
            .create(
                FlowRequest.stripe(
                    "redaction-flow",
                    "uid-r",
                    source.id(),
                    target.id(),
                    Transformation.mapping(mapping.id(), mapping.version()),
                    new ScheduleParams(
                        "minute", 15, Instant.now().plusSeconds(3600).getEpochSecond(), true)));

    // Rotation of the Stripe key, then a stale-etag rotation that fails with 412.
    EntityRef rotated =
        fs.baseConnections()
            .patch(
                base.id(),
                base.etag(),
                List.of(JsonPatchOp.replace("/auth/params", Map.of("accessToken", ROTATED_KEY))));
    capture(
        () ->
            fs.baseConnections()
                .patch(
                    base.id(),
                    base.etag(),
                    List.of(
                        JsonPatchOp.replace("/auth/params", Map.of("accessToken", STRIPE_KEY)))));
    // A key Stripe refuses: rejected on rotation and on create.
    sim.stripe().rejectToken(REJECTED_KEY);
    capture(
        () ->
            fs.baseConnections()
                .patch(
                    base.id(),
                    rotated.etag(),
                    List.of(
                        JsonPatchOp.replace("/auth/params", Map.of("accessToken", REJECTED_KEY)))));
    capture(
        () ->
            fs.baseConnections()
                .create(BaseConnectionRequest.stripe("rejected", "uid-r", REJECTED_KEY)));
    // Token expiry behind the client's back: renewed once on the 401.
    sim.faults().expireTokens();
    fs.flows()
        .patch(flow.id(), flow.etag(), List.of(JsonPatchOp.replace("/description", "uid-r 2")));
    tokensSeen.add(platform.tokens().token(account));
    // Server trouble: retried with warnings, then reported.
    sim.faults().failNext(2, "GET", "/flows/", 503);
    fs.flows().get(flow.id());
    sim.faults().failNext(RetryPolicy.defaults().maxAttempts(), "DELETE", "/flows/", 500);
    capture(() -> fs.flows().delete(flow.id()));
    // The patched flow is updating for a while and refuses actions until then (platform-api.md 16).
    sim.clock().advance(Faults.DEFAULT_FLOW_TRANSITION);
    fs.disableFlow(flow.id());
    capture(() -> fs.baseConnections().delete(base.id()));

    // Teardown.
    fs.flows().delete(flow.id());
    fs.sourceConnections().delete(source.id());
    fs.targetConnections().delete(target.id());
    fs.baseConnections().delete(base.id());
    session.catalog().deleteDataset(dataset);
    session.schemaRegistry().deleteSchema(schema.id());
    assertThat(sim.inventory().count(Kind.CONNECTION)).isZero();
    assertThat(exceptionTexts).isNotEmpty();
  }

  @Test
  void secretsEchoedBackByAServerAreMaskedInExceptions() throws Exception {
    try (FakePlatformServer server = new FakePlatformServer();
        HttpPlatform platform = server.platform(FakePlatformServer.fastOptions())) {
      // A hostile or buggy server that repeats the request's credentials in its error text.
      server.handler =
          r ->
              new MockResponse.Builder()
                  .code(400)
                  .body(
                      "{\"title\":\"Bad\",\"detail\":\"got "
                          + r.getHeaders().get("Authorization")
                          + " and "
                          + r.getBody().utf8().replace("\"", "'")
                          + " from "
                          + FakePlatformServer.ACCOUNT.clientSecret()
                          + "\"}")
                  .build();
      PlatformSession session = platform.session(FakePlatformServer.ACCOUNT, "prod");
      capture(
          () ->
              session
                  .flowService()
                  .baseConnections()
                  .create(BaseConnectionRequest.stripe("n", null, STRIPE_KEY)));
      capture(
          () ->
              session
                  .flowService()
                  .baseConnections()
                  .patch(
                      "b",
                      "\"e\"",
                      List.of(
                          JsonPatchOp.replace(
                              "/auth/params", Map.of("accessToken", ROTATED_KEY)))));
      server.handler =
          r ->
              new MockResponse.Builder()
                  .code(500)
                  .body("token " + r.getHeaders().get("Authorization").substring(7) + " failed")
                  .build();
      capture(() -> session.flowService().flows().get("f"));
      assertThat(exceptionTexts).hasSize(3).allSatisfy(t -> assertThat(t).contains("<redacted>"));
      assertNoSecretIn(
          exceptionTexts,
          List.of(STRIPE_KEY, ROTATED_KEY, "token-1", FakePlatformServer.ACCOUNT.clientSecret()));
      assertNoSecretIn(
          logTexts(),
          List.of(STRIPE_KEY, ROTATED_KEY, "token-1", FakePlatformServer.ACCOUNT.clientSecret()));
    }
  }

  private void capture(Supplier<?> call) {
    PlatformException e = catchThrowableOfType(PlatformException.class, call::get);
    assertThat(e).as("expected a PlatformException").isNotNull();
    for (Throwable t = e; t != null; t = t.getCause()) {
      exceptionTexts.add(t.toString());
    }
  }

  private List<String> logTexts() {
    List<String> texts = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      texts.add(event.getFormattedMessage());
      texts.add(String.valueOf(event.getMDCPropertyMap()));
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        texts.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    return texts;
  }

  private List<String> allTexts(
      SimpleMeterRegistry meters, PlatformAccount account, PlatformSession session) {
    List<String> texts = new ArrayList<>(logTexts());
    texts.addAll(exceptionTexts);
    for (Meter m : meters.getMeters()) {
      texts.add(m.getId().toString());
    }
    texts.add(account.toString());
    texts.add(session.toString());
    texts.add(session.scope().toString());
    return texts;
  }

  private void assertNoSecretIn(List<String> texts, List<String> secrets) {
    assertThat(appender.list).as("log lines were captured").isNotEmpty();
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).as("a log line, exception or metric").doesNotContain(secret);
      }
    }
  }
}

package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.SchemaRef;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Every change the clients make on the Platform is one log line; reads and checks are none. */
class ChangeLogTest {
  @RegisterExtension final PlatformSessionFixture fixture = new PlatformSessionFixture("prod");

  private final Logger logger = (Logger) LoggerFactory.getLogger(ChangeLog.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void attach() {
    appender.start();
    logger.addAppender(appender);
    MDC.put("resource.namespace", "payments");
    MDC.put("resource.name", "stripe-charges");
  }

  @AfterEach
  void detach() {
    MDC.clear();
    logger.detachAppender(appender);
  }

  /** Answers each "METHOD path" in {@code answers} as given, and every other request with 404. */
  private void answerByCall(Map<String, MockResponse> answers) {
    MockResponse notFound = json(404, "{\"code\":\"1404\",\"message\":\"not found\"}");
    fixture.server.handler =
        r -> answers.getOrDefault(r.getMethod() + " " + r.getUrl().encodedPath(), notFound);
  }

  private List<String> lines() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void logsOneLinePerChangeWithThePlatformIdAndTheFlowInTheMdcButNeverAPatchValue() {
    answerByCall(
        Map.of(
            "POST /data/foundation/flowservice/flows",
            json(201, "{\"id\":\"new-1\",\"etag\":\"\\\"e1\\\"\"}"),
            "PATCH /data/foundation/flowservice/connections/conn-1",
            json(200, "{\"id\":\"conn-1\",\"etag\":\"\\\"e2\\\"\"}"),
            "GET /data/foundation/flowservice/flows/flow-1",
            json(200, "{\"items\":[{\"id\":\"flow-1\"}]}")));
    var flowService = fixture.flowService();

    flowService.flows().create(Requests.NEW_FLOW);
    flowService.flows().get("flow-1");
    flowService
        .baseConnections()
        .patch(
            "conn-1",
            "\"e0\"",
            List.of(JsonPatchOp.replace("/auth/params", Map.of("accessToken", "sk_live_secret"))));
    flowService.flows().delete("flow-9");

    assertThat(lines())
        .containsExactly(
            "created flow new-1 (sandbox prod)",
            "patched base connection conn-1 [replace /auth/params] (sandbox prod)",
            "deleted flow flow-9 (was already gone) (sandbox prod)");
    assertThat(appender.list)
        .allSatisfy(
            e ->
                assertThat(e.getMDCPropertyMap())
                    .containsEntry("resource.namespace", "payments")
                    .containsEntry("resource.name", "stripe-charges"));
    assertThat(String.join("\n", lines())).doesNotContain("sk_live_secret");
  }

  @Test
  void fieldGroupAndMappingSetChangesAreLoggedAndTheDataPrepChecksAreNot() {
    answerByCall(
        Map.of(
            "POST /data/foundation/schemaregistry/tenant/fieldgroups",
            json(
                201,
                "{\"$id\":\"https://ns.adobe.com/acme/mixins/fg1\",\"version\":\"1.0\",\"title\":\"T\"}"),
            "POST /data/foundation/conversion/mappingSets",
            json(200, "{\"id\":\"ms1\",\"version\":0}"),
            "POST /data/foundation/conversion/mappingSets/validate",
            json(200, "{\"validationResponse\":[{\"status\":\"SUCCESS\"}]}")));
    MappingSetRequest mapping =
        new MappingSetRequest(
            "m",
            SchemaRef.forMapping("https://ns.adobe.com/acme/schemas/s"),
            List.of(Mapping.attribute("data.id", "_acme.stripe.id")));

    fixture
        .session
        .schemaRegistry()
        .createFieldGroup(
            new FieldGroupRequest(
                "T",
                "d",
                "https://ns.adobe.com/xdm/context/experienceevent",
                Map.of("_acme.stripe.id", "string")));
    fixture.session.dataPrep().validateMappingSet(mapping);
    fixture.session.dataPrep().createMappingSet(mapping);

    assertThat(lines())
        .containsExactly(
            "created field group https://ns.adobe.com/acme/mixins/fg1 (sandbox prod)",
            "created mapping set ms1 (sandbox prod)");
  }
}

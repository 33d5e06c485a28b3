package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.ACCOUNT;
import static dev.aep.operator.platform.http.FakePlatformServer.empty;
import static dev.aep.operator.platform.http.FakePlatformServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Error answers become typed PlatformExceptions; 404 and 412 are told apart by status. */
class ErrorAnswerTest {

  private FakePlatformServer server;
  private HttpPlatform platform;
  private PlatformSession session;

  @BeforeEach
  void start() throws Exception {
    server = new FakePlatformServer();
    platform = server.platform(FakePlatformServer.fastOptions());
    session = platform.session(ACCOUNT, "prod");
  }

  @AfterEach
  void stop() {
    platform.close();
    server.close();
  }

  @Test
  void staleEtagIsPreconditionFailedWithFlowCodeAndRequestId() {
    server.handler = r -> json(412, "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1404-412\","
        + "\"title\":\"Version not matching\",\"status\":412,\"report\":{\"detailed-message\":"
        + "\"Supplied version does not match\",\"request-id\":\"req-77\"}}");
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().patchFlow("f1", "\"old\"", List.of(JsonPatchOp.replace("/name", "x"))));
    assertThat(e.isPreconditionFailed()).isTrue();
    assertThat(e.isNotFound()).isFalse();
    assertThat(e.httpStatus()).isEqualTo(412);
    assertThat(e.errorCode()).isEqualTo("FLOW-1404-412");
    assertThat(e.hasErrorCode("1404-412")).isTrue();
    assertThat(e.requestId()).isEqualTo("req-77");
    assertThat(e.method()).isEqualTo("PATCH");
    assertThat(e.path()).isEqualTo("/data/foundation/flowservice/flows/f1");
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("412", "FLOW-1404-412", "req-77");
    // A 412 is a conflict for the caller to resolve: no blind retry.
    assertThat(server.platformRequests).hasSize(1);
  }

  @Test
  void notFoundOnGetIsEmptyAndOnDeleteIsFalse() {
    server.handler = r -> json(404, "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1439-404\","
        + "\"title\":\"Resource not found\",\"status\":404}");
    assertThat(session.flowService().getFlow("gone")).isEmpty();
    assertThat(session.flowService().getBaseConnection("gone")).isEmpty();
    assertThat(session.flowService().deleteFlow("gone")).isFalse();
    assertThat(session.catalog().getDataset("gone")).isEmpty();
    assertThat(session.schemaRegistry().deleteSchema("gone")).isFalse();
    assertThat(session.dataPrep().getMappingSet("gone", 1)).isEmpty();
  }

  @Test
  void unknownSandboxIsAnErrorNotAMissingObject() {
    server.handler = r -> json(404, "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-2100-404\","
        + "\"title\":\"Sandbox not found\",\"status\":404}");
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().getFlow("f1"));
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.hasErrorCode("2100-404")).isTrue();
    assertThat(catchThrowableOfType(PlatformException.class,
        () -> session.flowService().deleteFlow("f1"))).isNotNull();
  }

  @Test
  void notFoundOnPatchIsTypedNotFound() {
    server.handler = r -> json(404, "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1101-404\"}");
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().patchSourceConnection("s1", "\"e\"", List.of(JsonPatchOp.replace("/name", "x"))));
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.isPreconditionFailed()).isFalse();
    assertThat(e.errorCode()).isEqualTo("FLOW-1101-404");
  }

  @Test
  void gatewayBodiesGiveTheirNumericErrorCode() {
    server.handler = r -> json(403, "{\"error_code\":\"403025\",\"message\":\"Profile is not valid\"}");
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().listFlows(dev.aep.operator.platform.ListQuery.all()));
    assertThat(e.isAuthFailure()).isTrue();
    assertThat(e.errorCode()).isEqualTo("403025");
    assertThat(e.detail()).isEqualTo("Profile is not valid");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void rejectedTokenAfterRenewalIsAuthFailureWithGatewayCode401013() {
    server.handler = r -> json(401, "{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}");
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().getFlow("f1"));
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.errorCode()).isEqualTo("401013");
    assertThat(e.isAuthFailure()).isTrue();
  }

  @Test
  void baseConnectionInUseIsBadRequestWithCode1418() {
    server.handler = r -> json(400, "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1418-400\","
        + "\"title\":\"Bad Request\",\"status\":400,\"report\":{\"detailed-message\":"
        + "\"Base connection is used by flows\"}}");
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().deleteBaseConnection("b1"));
    assertThat(e.isBadRequest()).isTrue();
    assertThat(e.hasErrorCode("1418-400")).isTrue();
    assertThat(e.detail()).contains("used by flows");
  }

  @Test
  void schemaRegistryErrorBodyGivesXdmCodeAndRegistryRequestId() {
    server.handler = r -> json(400, "{\"type\":\"http://ns.adobe.com/aep/errors/XDM-3005-400\","
        + "\"title\":\"Bad\",\"status\":400,\"report\":{\"registryRequestId\":\"rr-1\","
        + "\"detailed-message\":\"Title must be unique\"},\"detail\":\"Title must be unique\"}");
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.schemaRegistry().createSchema(new dev.aep.operator.platform.SchemaRequest(
            "t", "d", "https://ns.adobe.com/xdm/context/profile", List.of())));
    assertThat(e.errorCode()).isEqualTo("XDM-3005-400");
    assertThat(e.requestId()).isEqualTo("rr-1");
    assertThat(e.service()).isEqualTo("schemaregistry");
    assertThat(e.operation()).isEqualTo("createSchema");
  }

  @Test
  void requestIdHeaderIsUsedWhenTheBodyHasNone() {
    server.handler = r -> new MockResponse.Builder().code(400).setHeader("x-request-id", "hdr-9")
        .body("{\"errorMessage\":\"bad\"}").build();
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().getFlow("f1"));
    assertThat(e.requestId()).isEqualTo("hdr-9");
    assertThat(e.detail()).isEqualTo("bad");
    assertThat(e.errorCode()).isNull();
  }

  @Test
  void malformedJsonInASuccessAnswerIsAPlatformExceptionWithoutTheBody() {
    server.handler = r -> json(200, "{\"items\":[{\"id\":\"f1\", \"name\": \"secret-ish-body");
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().getFlow("f1"));
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.getMessage()).contains("malformed JSON").doesNotContain("secret-ish-body");
  }

  @Test
  void nonJsonErrorBodyIsKeptAsShortDetail() {
    server.handler = r -> new MockResponse.Builder().code(400)
        .body("<html>\n<body>Bad   Request</body></html>").build();
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().getFlow("f1"));
    assertThat(e.isBadRequest()).isTrue();
    assertThat(e.detail()).isEqualTo("<html> <body>Bad Request</body></html>");
  }

  @Test
  void serverErrorsOnGetAreRetriedThenReportedRetryable() {
    server.handler = r -> json(503, "{\"title\":\"Service Unavailable\"}");
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().getFlow("f1"));
    assertThat(e.isServerError()).isTrue();
    assertThat(e.isRetryable()).isTrue();
    assertThat(server.platformRequests).hasSize(RetryPolicy.defaults().maxAttempts());
  }

  @Test
  void datasetDeleteWithEmptyArrayMeansNothingWasDeleted() {
    server.handler = r -> json(200, "[]");
    assertThat(session.catalog().deleteDataset("5c8c3c555033b814b69f947f")).isFalse();
    server.handler = r -> json(200, "[\"@/dataSets/5c8c3c555033b814b69f947f\"]");
    assertThat(session.catalog().deleteDataset("5c8c3c555033b814b69f947f")).isTrue();
    assertThat(server.lastPlatformRequest().getMethod()).isEqualTo("DELETE");
  }

  @Test
  void createWithoutIdInTheAnswerIsAnError() {
    server.handler = r -> empty(201);
    PlatformException e = catchThrowableOfType(PlatformException.class,
        () -> session.flowService().createSourceConnection(
            dev.aep.operator.platform.SourceConnectionRequest.stripe("n", null, "b", "charges")));
    assertThat(e.getMessage()).contains("no id");
  }
}

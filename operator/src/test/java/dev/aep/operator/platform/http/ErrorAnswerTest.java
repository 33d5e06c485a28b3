package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.empty;
import static dev.aep.operator.platform.http.FakePlatformServer.json;
import static dev.aep.operator.platform.http.PlatformSessionFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.SchemaRequest;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Error answers become typed PlatformExceptions; 404 and 412 are told apart by status. */
class ErrorAnswerTest {

  @RegisterExtension final PlatformSessionFixture fixture = new PlatformSessionFixture("prod");

  /** How reading flow f1 fails while the Platform answers every request with {@code answer}. */
  private PlatformException readingAFlowFails(MockResponse answer) {
    fixture.server.handler = r -> answer;
    return failure(() -> fixture.flows().get("f1"));
  }

  @Test
  void staleEtagIsPreconditionFailedWithFlowCodeAndRequestId() {
    fixture.answer(
        412,
        "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1404-412\","
            + "\"title\":\"Version not matching\",\"status\":412,\"report\":{\"detailed-message\":"
            + "\"Supplied version does not match\",\"request-id\":\"req-77\"}}");
    PlatformException e = failure(() -> fixture.flows().patch("f1", "\"old\"", Requests.RENAME));
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
    assertThat(fixture.server.platformRequests).hasSize(1);
  }

  @Test
  void notFoundOnGetIsEmptyAndOnDeleteIsFalse() {
    fixture.answer(
        404,
        "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1439-404\","
            + "\"title\":\"Resource not found\",\"status\":404}");
    assertThat(fixture.flows().get("gone")).isEmpty();
    assertThat(fixture.flowService().baseConnections().get("gone")).isEmpty();
    assertThat(fixture.flows().delete("gone")).isFalse();
    assertThat(fixture.session.catalog().getDataset("gone")).isEmpty();
    assertThat(fixture.session.schemaRegistry().deleteSchema("gone")).isFalse();
    assertThat(fixture.session.dataPrep().getMappingSet("gone", 1)).isEmpty();
  }

  @Test
  void unknownSandboxIsAnErrorNotAMissingObject() {
    PlatformException e =
        readingAFlowFails(
            json(
                404,
                "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-2100-404\","
                    + "\"title\":\"Sandbox not found\",\"status\":404}"));
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.hasErrorCode("2100-404")).isTrue();
    assertThat(failure(() -> fixture.flows().delete("f1"))).isNotNull();
  }

  @Test
  void notFoundOnPatchIsTypedNotFound() {
    fixture.answer(404, "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1101-404\"}");
    PlatformException e =
        failure(
            () -> fixture.flowService().sourceConnections().patch("s1", "\"e\"", Requests.RENAME));
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.isPreconditionFailed()).isFalse();
    assertThat(e.errorCode()).isEqualTo("FLOW-1101-404");
  }

  @Test
  void gatewayBodiesGiveTheirNumericErrorCode() {
    fixture.answer(403, "{\"error_code\":\"403025\",\"message\":\"Profile is not valid\"}");
    PlatformException e = failure(() -> fixture.flows().list(ListQuery.all()));
    assertThat(e.isAuthFailure()).isTrue();
    assertThat(e.errorCode()).isEqualTo("403025");
    assertThat(e.detail()).isEqualTo("Profile is not valid");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void rejectedTokenAfterRenewalIsAuthFailureWithGatewayCode401013() {
    PlatformException e =
        readingAFlowFails(
            json(401, "{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}"));
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.errorCode()).isEqualTo("401013");
    assertThat(e.isAuthFailure()).isTrue();
  }

  @Test
  void baseConnectionInUseIsBadRequestWithCode1418() {
    fixture.answer(
        400,
        "{\"type\":\"https://ns.adobe.com/aep/errors/FLOW-1418-400\","
            + "\"title\":\"Bad Request\",\"status\":400,\"report\":{\"detailed-message\":"
            + "\"Base connection is used by flows\"}}");
    PlatformException e = failure(() -> fixture.flowService().baseConnections().delete("b1"));
    assertThat(e.isBadRequest()).isTrue();
    assertThat(e.hasErrorCode("1418-400")).isTrue();
    assertThat(e.detail()).contains("used by flows");
  }

  @Test
  void schemaRegistryErrorBodyGivesXdmCodeAndRegistryRequestId() {
    fixture.answer(
        400,
        "{\"type\":\"http://ns.adobe.com/aep/errors/XDM-3005-400\","
            + "\"title\":\"Bad\",\"status\":400,\"report\":{\"registryRequestId\":\"rr-1\",\"detailed-message\":\"Title"
            + " must be unique\"},\"detail\":\"Title must be unique\"}");
    SchemaRequest schema =
        new SchemaRequest("t", "d", "https://ns.adobe.com/xdm/context/profile", List.of());
    PlatformException e = failure(() -> fixture.session.schemaRegistry().createSchema(schema));
    assertThat(e.errorCode()).isEqualTo("XDM-3005-400");
    assertThat(e.requestId()).isEqualTo("rr-1");
    assertThat(e.service()).isEqualTo("schemaregistry");
    assertThat(e.operation()).isEqualTo("createSchema");
  }

  @Test
  void requestIdHeaderIsUsedWhenTheBodyHasNone() {
    PlatformException e =
        readingAFlowFails(
            new MockResponse.Builder()
                .code(400)
                .setHeader("x-request-id", "hdr-9")
                .body("{\"errorMessage\":\"bad\"}")
                .build());
    assertThat(e)
        .extracting(
            PlatformException::requestId, PlatformException::detail, PlatformException::errorCode)
        .containsExactly("hdr-9", "bad", null);
  }

  @Test
  void malformedJsonInASuccessAnswerIsAPlatformExceptionWithoutTheBody() {
    PlatformException e =
        readingAFlowFails(json(200, "{\"items\":[{\"id\":\"f1\", \"name\": \"secret-ish-body"));
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.getMessage()).contains("malformed JSON").doesNotContain("secret-ish-body");
  }

  @Test
  void nonJsonErrorBodyIsKeptAsShortDetail() {
    PlatformException e =
        readingAFlowFails(
            new MockResponse.Builder()
                .code(400)
                .body("<html>\n<body>Bad   Request</body></html>")
                .build());
    assertThat(e.isBadRequest()).isTrue();
    assertThat(e.detail()).isEqualTo("<html> <body>Bad Request</body></html>");
  }

  @Test
  void serverErrorsOnGetAreRetriedThenReportedRetryable() {
    PlatformException e = readingAFlowFails(json(503, "{\"title\":\"Service Unavailable\"}"));
    assertThat(e.isServerError()).isTrue();
    assertThat(e.isRetryable()).isTrue();
    assertThat(fixture.server.platformRequests).hasSize(RetryPolicy.defaults().maxAttempts());
  }

  @Test
  void datasetDeleteWithEmptyArrayMeansNothingWasDeleted() {
    fixture.answer(200, "[]");
    assertThat(fixture.session.catalog().deleteDataset("5c8c3c555033b814b69f947f")).isFalse();
    fixture.answer(200, "[\"@/dataSets/5c8c3c555033b814b69f947f\"]");
    assertThat(fixture.session.catalog().deleteDataset("5c8c3c555033b814b69f947f")).isTrue();
    assertThat(fixture.last().getMethod()).isEqualTo("DELETE");
  }

  @Test
  void createWithoutIdInTheAnswerIsAnError() {
    fixture.server.handler = r -> empty(201);
    PlatformException e =
        failure(() -> fixture.flowService().sourceConnections().create(Requests.NEW_SOURCE));
    assertThat(e.getMessage()).contains("no id");
  }
}

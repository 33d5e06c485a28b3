package dev.aep.operator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults, validation and secret-free toString of the contract records. */
class PlatformRecordsTest {

  @Test
  void accountDefaultsApiKeyAndScopesAndHidesTheSecret() {
    PlatformAccount a = PlatformAccount.of("cid", "very-secret", "O@AdobeOrg");
    assertThat(a.apiKey()).isEqualTo("cid");
    assertThat(a.scopes()).isEqualTo(PlatformAccount.DEFAULT_SCOPES);
    assertThat(a.toString()).doesNotContain("very-secret").contains("cid");
    assertThat(new PlatformScope(a, "prod").toString()).doesNotContain("very-secret");
    assertThatThrownBy(() -> PlatformAccount.of("cid", " ", "O@AdobeOrg"))
        .hasMessageContaining("clientSecret");
  }

  @Test
  void scopeLowerCasesTheSandbox() {
    assertThat(new PlatformScope(PlatformAccount.of("c", "s1234", "O"), " Prod ").sandbox())
        .isEqualTo("prod");
  }

  @Test
  void stripeBaseConnectionRequestHidesTheAccessToken() {
    BaseConnectionRequest r = BaseConnectionRequest.stripe("n", "d", "sk_live_abcdef");
    assertThat(r.authParams()).containsEntry("accessToken", "sk_live_abcdef");
    assertThat(r.toString()).doesNotContain("sk_live_abcdef").contains("accessToken");
    assertThat(r.connectionSpec()).isEqualTo(SpecRef.STRIPE_SOURCE);
  }

  @Test
  void patchOpsAreValidatedAndAuthValuesHidden() {
    assertThat(JsonPatchOp.replace("/auth/params", Map.of("accessToken", "sk_x_123")).toString())
        .doesNotContain("sk_x_123");
    assertThat(JsonPatchOp.replace("/name", "n").toString()).contains("replace /name", "n");
    assertThatThrownBy(() -> JsonPatchOp.replace("name", "n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsonPatchOp(JsonPatchOp.Op.REMOVE, "/a", "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exceptionHelpersClassifyByStatusAndCode() {
    PlatformException e =
        PlatformException.builder("DELETE", "/x")
            .httpStatus(400)
            .errorCode("FLOW-1418-400")
            .retryAfter(Duration.ofSeconds(3))
            .build();
    assertThat(e.isBadRequest()).isTrue();
    assertThat(e.hasErrorCode("1418-400")).isTrue();
    assertThat(e.hasErrorCode("FLOW-1418-400")).isTrue();
    assertThat(e.hasErrorCode("418-400")).isFalse();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(PlatformException.builder("GET", "/x").httpStatus(0).build().isTransportFailure())
        .isTrue();
  }

  @Test
  void listQueryComposes() {
    ListQuery q = ListQuery.where("name==a").and("state==enabled").orderBy("-createdAt").limit(5);
    assertThat(q.properties()).containsExactly("name==a", "state==enabled");
    assertThat(q.orderBy()).isEqualTo("-createdAt");
    assertThat(q.limit()).isEqualTo(5);
  }

  @Test
  void runTerminalStatesAreCaseInsensitive() {
    FlowRun run = new FlowRun("r", "f", null, "Success", null, null, null, null, null, List.of());
    assertThat(run.isTerminal()).isTrue();
    assertThat(
            new FlowRun("r", "f", null, "inProgress", null, null, null, null, null, null)
                .isTerminal())
        .isFalse();
  }

  @Test
  void dataLakeTargetCarriesTheXdmContentTypeOfTheSchemaVersion() {
    TargetConnectionRequest t =
        TargetConnectionRequest.dataLake("n", null, "https://s", "1.3", "ds");
    assertThat(t.schemaVersion()).isEqualTo("application/vnd.adobe.xed-full+json;version=1.3");
    assertThat(t.params()).containsEntry("dataSetId", "ds");
  }
}

package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.BaseConnectionStatus;
import dev.aep.operator.api.v1alpha1.DeletionPolicy;
import dev.aep.operator.api.v1alpha1.SourceStatus;
import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.SpecRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Stripe account: what drifts, what a new Secret version costs, which copy is adopted. */
class BaseConnectionStepTest extends SampleFlowPass {
  private final BaseConnectionStep step = new BaseConnectionStep();

  private BaseConnection remote(String id, String name, String description, long createdAt) {
    return new BaseConnection(
        id,
        "\"etag-" + id + "\"",
        name,
        description,
        "enabled",
        SpecRef.STRIPE_SOURCE,
        "OAuth2 Refresh Code",
        createdAt,
        createdAt);
  }

  private BaseConnection ours(String id, long createdAt) {
    return remote(
        id,
        "sif-ns-stripe-charges-base",
        ctx.remoteDescription("Stripe account for StripeIngestionFlow ns/stripe-charges."),
        createdAt);
  }

  @Test
  void inSyncWhenNameDescriptionAndThePushedSecretVersionMatch() {
    status.setBaseConnection(new BaseConnectionStatus("b1", "\"etag-b1\"", "7", true));

    assertThat(step.diff(ctx, ours("b1", 1)).inSync()).isTrue();
  }

  @Test
  void aNewSecretVersionIsPushedAsAPatchOfAuthParamsAndADriftedNameIsPatchedBack() {
    status.setBaseConnection(new BaseConnectionStatus("b1", "\"etag-b1\"", "6", true));
    BaseConnection renamed = remote("b1", "renamed in the UI", ours("b1", 1).description(), 1);

    Diff diff = step.diff(ctx, renamed);

    assertThat(diff.replaces()).isFalse();
    assertThat(diff.ops())
        .containsExactly(
            JsonPatchOp.replace("/name", "sif-ns-stripe-charges-base"),
            JsonPatchOp.replace("/auth/params", Map.of("accessToken", "sk_test_kit")));
  }

  @Test
  void recordKeepsThePushedVersionOfTheSameConnectionAndForgetsItWithTheExploreForAnother() {
    status.setBaseConnection(new BaseConnectionStatus("b1", "\"old\"", "7", true));
    status.setSource(new SourceStatus(List.of("id")));

    step.record(ctx, ours("b1", 1));
    assertThat(status.getBaseConnection().getEtag()).isEqualTo("\"etag-b1\"");
    assertThat(status.getBaseConnection().getCredentialsVersion()).isEqualTo("7");
    assertThat(status.getSource()).isNotNull();

    step.record(ctx, ours("b2", 2));
    assertThat(status.getBaseConnection().getId()).isEqualTo("b2");
    assertThat(status.getBaseConnection().getCredentialsVersion())
        .as("unknown for an adopted connection")
        .isNull();
    assertThat(status.getSource()).as("another account is explored again").isNull();
  }

  @Test
  void withoutARecordTheNewestCopyCarryingTheFlowsUidIsAdopted() {
    observer.baseConnections.add(ours("older", 1));
    observer.baseConnections.add(ours("newer", 2));
    observer.baseConnections.add(
        remote("foreign", "sif-ns-stripe-charges-base", "someone else's", 3));

    assertThat(step.observe(ctx)).map(BaseConnection::id).contains("newer");
    assertThat(step.owned(ctx)).containsExactlyInAnyOrder("older", "newer");
  }

  @Test
  void anExistingConnectionGivenByIdIsOnlyReadNeverOwnedOrDeleted() {
    flow.getSpec().getStripe().setAccessTokenSecretRef(null);
    flow.getSpec().getStripe().setBaseConnectionId("existing");
    observer.baseConnections.add(remote("existing", "theirs", "theirs", 1));

    assertThat(step.managed(ctx)).isFalse();
    assertThat(step.observe(ctx)).map(BaseConnection::id).contains("existing");
    assertThat(step.deletesOnCleanup(ctx)).isFalse();
    assertThat(step.missingMessage(ctx)).contains("existing", "spec.stripe.baseConnectionId");
  }

  @Test
  void cleanupDeletesAManagedConnectionUnderDeleteOnly() {
    assertThat(step.deletesOnCleanup(ctx)).isTrue();
    flow.getSpec().setDeletionPolicy(DeletionPolicy.ORPHAN);
    assertThat(step.deletesOnCleanup(ctx)).isFalse();
  }
}

package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.OperatorStackExtension;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secret changes reach the operator through its Secret informer, not the periodic resync: the
 * resync here is an hour, far longer than any wait in these tests, so only a Secret event can
 * explain the reconciles they observe.
 */
class SecretWatchTest {
  @RegisterExtension
  static final OperatorStackExtension stack =
      OperatorStackExtension.withOperator()
          .settings(s -> s.withResyncInterval(Duration.ofHours(1)));

  /** A namespace and sandbox with the Platform Secret only. */
  private static String namespace(String name) {
    stack.namespace(name);
    stack.platformSecret(name);
    return name;
  }

  @Test
  void rotatedStripeSecretIsPushedWithoutWaitingForTheResync() {
    String ns = namespace("watch-rotate");
    stack.stripeSecret(ns, "sk_test_before_rotation");
    stack.create(stack.charges(ns, "charges"));
    StripeIngestionFlow ready = stack.awaitReady(ns, "charges");
    String baseId = ready.getStatus().getBaseConnection().getId();

    Secret rotated = stack.stripeSecret(ns, "sk_test_after_rotation");

    StripeIngestionFlow pushed = stack.await(ns, "charges", FlowAssertions.usesSecret(rotated));
    assertThat(pushed.getStatus().getBaseConnection().getId()).isEqualTo(baseId);
    assertThat(stack.count(ns, "PATCH", ".*/connections/" + baseId + "/?")).isEqualTo(1);
  }

  @Test
  void flowWaitingForAMissingSecretProceedsAsSoonAsTheSecretIsCreated() {
    String ns = namespace("watch-missing");
    stack.create(stack.charges(ns, "charges"));
    stack.awaitReason(ns, "charges", FlowConditions.READY, FlowConditions.REASON_SECRET_NOT_FOUND);
    assertThat(stack.platformWrites(ns)).isZero();

    stack.stripeSecret(ns, "sk_test_created_later");

    StripeIngestionFlow ready = stack.awaitReady(ns, "charges");
    assertThat(ready.getStatus().getFlow().getId()).isNotBlank();
  }
}

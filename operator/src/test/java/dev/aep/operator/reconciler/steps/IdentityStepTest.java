package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.IdentitySpec;
import dev.aep.operator.api.v1alpha1.SchemaStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.IdentityDescriptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Identity descriptors: no read when none is wanted or made; otherwise added and removed one by
 * one.
 */
class IdentityStepTest {
  private final IdentityStep step = new IdentityStep();
  private final StripeIngestionFlowStatus status = new StripeIngestionFlowStatus();
  private final FlowContext ctx =
      StepKit.context(StepKit.sample(), status, new StepKit.FakeObserver());

  private void plan(List<IdentitySpec> identities) {
    ctx.plan(
        new MappingPlan(
            "_acme", List.of(), List.of(), Map.of("_acme.stripe.email", "string"), identities));
  }

  @Test
  void noIdentityWantedAndNoneMadeCostsNoRead() {
    status.setSchema(new SchemaStatus("schema-1", "1.0", true));
    plan(List.of());

    // The context has no session: any read would fail.
    assertThat(step.observe(ctx)).contains(List.of());
    assertThat(step.diff(ctx, List.of()).inSync()).isTrue();
  }

  @Test
  void wantedDescriptorsAreAddedAndOthersRemovedByMajorVersion() {
    status.setSchema(new SchemaStatus("schema-1", "2.3", true));
    plan(List.of(new IdentitySpec("_acme.stripe.email", "Email", true)));
    IdentityDescriptor wanted =
        new IdentityDescriptor("d-1", "schema-1", 2, "_acme.stripe.email", "Email", true);
    IdentityDescriptor stale =
        new IdentityDescriptor("d-0", "schema-1", 2, "_acme.stripe.email", "ECID", true);

    assertThat(step.diff(ctx, List.of(wanted)).inSync()).isTrue();
    assertThat(step.diff(ctx, List.of(stale)).summary())
        .isEqualTo("add _acme.stripe.email (Email, primary), remove _acme.stripe.email (ECID)");

    step.record(ctx, List.of(wanted));
    assertThat(status.getSchema().getIdentityDescriptors()).containsExactly("d-1");
    assertThat(step.owned(ctx)).containsExactly("d-1");
  }
}

package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.SourceStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explore runs while status has no explored fields and lists the record's top-level fields. */
class ExploreStepTest {
  private final ExploreStep step = new ExploreStep();
  private final StripeIngestionFlowStatus status = new StripeIngestionFlowStatus();
  private final FlowContext ctx =
      StepKit.context(StepKit.sample(), status, new StepKit.FakeObserver());

  @Test
  void topLevelFieldsAreTheOnesRightUnderTheRoot() {
    assertThat(ExploreStep.topLevelFields(StepKit.CHARGES))
        .containsExactly(
            "id",
            "amount",
            "created",
            "currency",
            "status",
            "customer",
            "description",
            "payment_method_details");
  }

  @Test
  void missingWhileStatusHasNoExploredFieldsAndRecordedThere() {
    assertThat(step.observe(ctx)).isEmpty();

    step.record(ctx, List.of("id", "amount"));

    assertThat(step.observe(ctx)).contains(List.of("id", "amount"));
    assertThat(step.diff(ctx, List.of("id")).inSync()).isTrue();
    assertThat(step.brief(ctx, List.of("id", "amount")))
        .isEqualTo("Stripe resource path charges (2 top-level fields)");
    assertThat(status.getSource())
        .extracting(SourceStatus::getFields)
        .isEqualTo(List.of("id", "amount"));
    assertThat(step.owned(ctx)).as("nothing to delete").isEmpty();
  }
}

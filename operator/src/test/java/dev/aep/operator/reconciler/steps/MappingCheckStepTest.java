package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aep.operator.api.v1alpha1.BaseConnectionStatus;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.PlatformScope;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RefusingClients;
import dev.aep.operator.platform.SourceSchema;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mapping check: builds the plan from the org's tenant id and the explored record (each asked
 * once and kept in {@link PlatformFacts}), and refuses a source the record lacks before anything is
 * written.
 */
class MappingCheckStepTest {
  private final MappingCheckStep step = new MappingCheckStep();
  private final List<String> calls = new ArrayList<>();
  private final PlatformFacts facts = new PlatformFacts();
  private final StripeIngestionFlow flow = StepKit.sample();

  /** A session answering only the two reads the check makes: the tenant id and the explore. */
  private PlatformSession session() {
    RefusingClients clients =
        new RefusingClients() {
          @Override
          public String tenantId() {
            calls.add("tenantId");
            return "acme";
          }

          @Override
          public SourceSchema explore(String baseConnectionId, String resourcePath) {
            calls.add("explore");
            return StepKit.CHARGES;
          }
        };
    return clients.session(new PlatformScope(StepKit.CREDENTIALS.account(), "prod"));
  }

  private FlowContext pass() {
    StripeIngestionFlowStatus status = new StripeIngestionFlowStatus();
    status.setBaseConnection(new BaseConnectionStatus("base-1", "\"b\"", "7", true));
    return new FlowContext(
        flow,
        status,
        session(),
        new StepKit.FakeObserver(),
        StepKit.CREDENTIALS,
        Clock.fixed(StepKit.NOW, ZoneOffset.UTC),
        facts,
        new FlowContext.Scratch());
  }

  @Test
  void thePlanUsesTheOrgsNamespaceAndTheClassDefaultsAndIsAskedForOnce() {
    FlowContext first = pass();
    MappingPlan plan = step.observe(first).orElseThrow();
    step.record(first, plan);

    assertThat(plan.tenantNamespace()).isEqualTo("_acme");
    assertThat(plan.tenantFields()).containsKeys("_acme.stripe.chargeId", "_acme.stripe.cardBrand");
    assertThat(first.plan()).isSameAs(plan);
    assertThat(first.status().getMapping().getTenantNamespace()).isEqualTo("_acme");
    assertThat(first.status().getMapping().getDefaultsAdded())
        .as("the ExperienceEvent class needs _id and timestamp")
        .hasSize(2);

    step.observe(pass());
    assertThat(calls).as("reads over two passes").containsExactly("tenantId", "explore");
    assertThat(step.deletesOnCleanup(first)).isFalse();
  }

  @Test
  void aSourceTheExploredRecordLacksIsAnInvalidSpecBeforeAnyWrite() {
    flow.getSpec()
        .getMapping()
        .add(new MappingSpec("data.no_such_field", "_tenant.stripe.nothing"));

    StepFailure failure = catchThrowableOfType(() -> step.observe(pass()), StepFailure.class);

    assertThat(failure.reason()).isEqualTo(FlowConditions.REASON_INVALID_SPEC);
    assertThat(failure).hasMessageContaining("data.no_such_field");
    assertThat(calls).containsExactly("tenantId", "explore");
  }
}

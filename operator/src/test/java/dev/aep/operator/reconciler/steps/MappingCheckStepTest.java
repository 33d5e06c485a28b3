package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aep.operator.api.v1alpha1.BaseConnectionStatus;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.PlatformScope;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.SchemaRegistryClient;
import java.lang.reflect.Proxy;
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
    SchemaRegistryClient registry = proxy(SchemaRegistryClient.class, "tenantId", "acme");
    FlowServiceClient flowService = proxy(FlowServiceClient.class, "explore", StepKit.CHARGES);
    PlatformScope scope = new PlatformScope(StepKit.CREDENTIALS.account(), "prod");
    return (PlatformSession)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {PlatformSession.class},
            (p, m, a) ->
                switch (m.getName()) {
                  case "scope" -> scope;
                  case "schemaRegistry" -> registry;
                  case "flowService" -> flowService;
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  private <T> T proxy(Class<T> type, String method, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {type},
            (p, m, a) -> {
              if (!m.getName().equals(method)) {
                throw new UnsupportedOperationException(m.getName());
              }
              calls.add(method);
              return answer;
            }));
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

package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.testing.EmbeddedStack;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.Flows;
import dev.aep.simulator.Kind;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of a StripeIngestionFlow, end to end: the real operator against the Kubernetes
 * mock server (CRUD) and the Platform simulator over HTTP. Each test uses its own namespace.
 */
class StripeIngestionFlowLifecycleTest {
  private static EmbeddedStack stack;

  @BeforeAll
  static void startStack() {
    stack = EmbeddedStack.start().startOperator();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @AfterEach
  void clearFaults() {
    stack.simulator().faults().clear();
  }

  private static String setUp(String namespace) {
    stack.namespace(namespace);
    stack.platformSecret(namespace);
    stack.stripeSecret(namespace, "sk_test_" + namespace);
    return namespace;
  }

  @Test
  void createsEveryRemoteObjectOnceAndReportsReady() {
    String ns = setUp("create");
    StripeIngestionFlow created = stack.create(Flows.charges(stack, ns, "charges"));
    String uid = created.getMetadata().getUid();

    StripeIngestionFlow ready = stack.awaitReady(ns, "charges");

    StripeIngestionFlowStatus status = ready.getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(status.getBaseConnection().getId()).isNotBlank();
    assertThat(status.getBaseConnection().getEtag()).isNotBlank();
    assertThat(status.getBaseConnection().getManaged()).isTrue();
    assertThat(status.getBaseConnection().getCredentialsVersion()).isNotBlank();
    assertThat(status.getSource().getFields()).contains("id", "amount", "currency");
    assertThat(status.getSourceConnection().getId()).isNotBlank();
    assertThat(status.getSourceConnection().getEtag()).isNotBlank();
    assertThat(status.getSchema().getId()).isNotBlank();
    assertThat(status.getSchema().getManaged()).isTrue();
    assertThat(status.getDataset().getId()).isNotBlank();
    assertThat(status.getDataset().getManaged()).isTrue();
    assertThat(status.getTargetConnection().getId()).isNotBlank();
    assertThat(status.getMappingSet().getId()).isNotBlank();
    assertThat(status.getMappingSet().getVersion()).isZero();
    assertThat(status.getFlow().getId()).isNotBlank();
    assertThat(status.getFlow().getEtag()).isNotBlank();
    assertThat(status.getFlow().getState()).isEqualTo("enabled");

    for (Kind kind : List.of(Kind.CONNECTION, Kind.SOURCE_CONNECTION, Kind.TARGET_CONNECTION,
        Kind.FLOW, Kind.SCHEMA, Kind.DATASET, Kind.MAPPING_SET)) {
      assertThat(Flows.objects(stack.simulator(), kind, uid)).as(kind.value()).hasSize(1);
    }
    assertThat(Flows.id(Flows.objects(stack.simulator(), Kind.FLOW, uid).get(0)))
        .isEqualTo(status.getFlow().getId());
    assertThat(FlowAssertions.condition(ready, FlowConditions.READY).get().getMessage())
        .contains(status.getFlow().getId());

    List<Event> events = stack.events(ns);
    assertThat(events).extracting(Event::getReason).contains("Created", "Explored");
    assertThat(events).extracting(Event::getNote).anyMatch(n -> n.contains(status.getFlow().getId()))
        .anyMatch(n -> n.contains(status.getBaseConnection().getId()));
  }
}

package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.simulator.Kind;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator dies right after each POST of a create, before the new id reaches status (a pass
 * writes status once, at its end, so nothing that pass made is recorded). The next operator finds
 * every object by its deterministic name and the flow's uid (field group and schema by title,
 * identity descriptors by schema) and adopts it.
 */
class CrashRecoveryTest {

  /** What a process death looks like to the reconcile thread: nothing after it runs. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("operator killed after a create, before the status write");
    }
  }

  /** Halts the reconcile thread right after the create of one step until the operator stops. */
  static final class CrashAfterCreate implements CreationObserver {
    private final String step;
    private final CountDownLatch crashed = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String createdId;

    CrashAfterCreate(String step) {
      this.step = step;
    }

    @Override
    public void created(String createdStep, String id) {
      if (!step.equals(createdStep) || crashed.getCount() == 0) {
        return;
      }
      createdId = id;
      crashed.countDown();
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new SimulatedCrash();
    }

    String awaitCrash() throws InterruptedException {
      assertThat(crashed.await(60, TimeUnit.SECONDS)).as("create of " + step).isTrue();
      return createdId;
    }

    void release() {
      released.countDown();
    }
  }

  private static final Map<String, Kind> CREATES =
      Map.of(
          "baseConnection", Kind.CONNECTION,
          "sourceConnection", Kind.SOURCE_CONNECTION,
          "fieldGroup", Kind.FIELD_GROUP,
          "schema", Kind.SCHEMA,
          "dataset", Kind.DATASET,
          "targetConnection", Kind.TARGET_CONNECTION,
          "mappingSet", Kind.MAPPING_SET,
          "flow", Kind.FLOW);

  /** A stack per test: the inventory checks count every object of a kind. */
  @RegisterExtension final OperatorStackExtension stack = OperatorStackExtension.withoutOperator();

  @Test
  void adoptsWhatWasCreatedBeforeEachCrashAndEndsWithExactlyOneObjectOfEachKind()
      throws InterruptedException {
    String ns = stack.isolatedNamespace("crash");
    StripeIngestionFlow flow = stack.create(stack.charges(ns, "charges"));
    String uid = flow.getMetadata().getUid();

    for (String step :
        List.of(
            "baseConnection",
            "sourceConnection",
            "fieldGroup",
            "schema",
            "dataset",
            "targetConnection",
            "mappingSet",
            "flow")) {
      CrashAfterCreate crash = new CrashAfterCreate(step);
      stack.startOperator(
          (platform, settings) -> new StripeIngestionFlowReconciler(platform, settings, crash));
      String id = crash.awaitCrash();
      stack.stopOperator();
      crash.release();

      assertOnly(CREATES.get(step), uid, id);
      StripeIngestionFlowStatus status = stack.flow(ns, "charges").orElseThrow().getStatus();
      assertThat(String.valueOf(status)).as("status after the crash in " + step).doesNotContain(id);
    }

    stack.startOperator();
    StripeIngestionFlow ready = stack.awaitReady(ns, "charges");
    for (Kind kind : CREATES.values()) {
      assertThat(stack.objects(kind, uid)).as(kind.value()).hasSize(1);
    }
    StripeIngestionFlowStatus status = ready.getStatus();
    assertOnly(Kind.CONNECTION, uid, status.getBaseConnection().getId());
    assertOnly(Kind.SOURCE_CONNECTION, uid, status.getSourceConnection().getId());
    assertOnly(Kind.FIELD_GROUP, uid, status.getFieldGroup().getId());
    assertOnly(Kind.SCHEMA, uid, status.getSchema().getId());
    assertOnly(Kind.DATASET, uid, status.getDataset().getId());
    assertOnly(Kind.TARGET_CONNECTION, uid, status.getTargetConnection().getId());
    assertOnly(Kind.MAPPING_SET, uid, status.getMappingSet().getId());
    assertOnly(Kind.FLOW, uid, status.getFlow().getId());
    ObjectNode remoteFlow = stack.remote(Kind.FLOW, status.getFlow().getId());
    assertThat(remoteFlow.path("sourceConnectionIds").get(0).asText())
        .isEqualTo(status.getSourceConnection().getId());
  }

  /**
   * Identity descriptors are made by the identity step (an update of the schema's set, after the
   * schema): a crash after them, before any status write, leaves them on the schema unrecorded. The
   * next operator finds them by listing the schema's descriptors and keeps them; the simulator
   * refuses a second primary identity, so a duplicate could not even be made quietly.
   */
  @Test
  void adoptsIdentityDescriptorsMadeBeforeACrash() throws InterruptedException {
    String ns = stack.isolatedNamespace("crash-identities");
    StripeIngestionFlow flow = stack.sampleFlow("customers.yaml", ns);
    stack.startingIn(flow, Duration.ofDays(1), ChronoUnit.HOURS);
    flow = stack.create(flow);
    String name = flow.getMetadata().getName();

    CrashAfterCreate crash = new CrashAfterCreate("dataset");
    stack.startOperator(
        (platform, settings) -> new StripeIngestionFlowReconciler(platform, settings, crash));
    crash.awaitCrash();
    stack.stopOperator();
    crash.release();
    List<ObjectNode> before = stack.simulator().inventory().list(Kind.DESCRIPTOR);
    assertThat(before).hasSize(1);
    String descriptor = before.get(0).path("@id").asText();
    assertThat(descriptor).isNotBlank();
    assertThat(String.valueOf(stack.flow(ns, name).orElseThrow().getStatus()))
        .doesNotContain(descriptor);

    stack.startOperator();
    StripeIngestionFlow ready = stack.awaitReady(ns, name);
    assertThat(stack.simulator().inventory().list(Kind.DESCRIPTOR))
        .extracting(d -> d.path("@id").asText())
        .containsExactly(descriptor);
    assertThat(ready.getStatus().getSchema().getIdentityDescriptors()).containsExactly(descriptor);
  }

  /** Exactly one object of the kind belongs to the flow, and it is the one with this id. */
  private void assertOnly(Kind kind, String uid, String id) {
    assertThat(stack.objects(kind, uid)).as(kind.value()).hasSize(1);
    ObjectNode object = stack.simulator().inventory().get(kind, id).orElseThrow();
    assertThat(object.path("description").asText("") + object.path("name").asText(""))
        .as(kind.value() + " " + id)
        .contains(uid);
  }
}

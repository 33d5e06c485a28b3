package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.operator.api.v1alpha1.AdoptSpec;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.ScheduleSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.ExportCommand;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.Flows;
import dev.aep.operator.testing.HandMadeFlow;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.simulator.Accounts;
import dev.aep.simulator.Kind;
import dev.aep.simulator.RequestLog;
import io.fabric8.kubernetes.api.model.Condition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bringing a dataflow built by hand (through the API, as Adobe's Stripe tutorial does, with names
 * and descriptions the operator did not choose) under a StripeIngestionFlow with spec.adopt.
 */
class AdoptionTest {
  @RegisterExtension
  static final OperatorStackExtension stack = OperatorStackExtension.withOperator();

  /** A dataflow and its objects made by hand in a namespace of its own and its sandbox. */
  private static HandMadeFlow buildByHand(String ns) {
    stack.isolatedNamespace(ns);
    return HandMadeFlow.build(
        stack.session(ns),
        "Finance",
        stack.simulator().clock().now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
  }

  private static StripeIngestionFlow adopting(String ns, HandMadeFlow made) {
    return made.manifest(stack, ns, "finance-charges");
  }

  private static List<RequestLog.Entry> writesSince(String ns, int from) {
    List<RequestLog.Entry> writes =
        stack.requests(ns).stream().filter(RequestLog.Entry::write).toList();
    return writes.subList(from, writes.size());
  }

  @Test
  void aHandMadeFlowIsAdoptedWithoutCreatingOrPatchingAnythingAndIsLeftInPlaceOnDelete() {
    String ns = "adopt";
    HandMadeFlow made = buildByHand(ns);
    int before = (int) stack.platformWrites(ns);

    stack.create(adopting(ns, made));
    StripeIngestionFlow ready = stack.awaitReady(ns, "finance-charges");

    var status = ready.getStatus();
    assertThat(status.getFlow().getId()).isEqualTo(made.flowId());
    assertThat(status.getSourceConnection().getId()).isEqualTo(made.sourceId());
    assertThat(status.getTargetConnection().getId()).isEqualTo(made.targetId());
    assertThat(status.getBaseConnection().getId()).isEqualTo(made.baseId());
    assertThat(status.getBaseConnection().getManaged()).isFalse();
    assertThat(status.getSchema().getId()).isEqualTo(made.schema().id());
    assertThat(status.getDataset().getId()).isEqualTo(made.datasetId());
    assertThat(status.getMappingSet().getId()).isEqualTo(made.mapping().id());
    assertThat(status.getMappingSet().getVersion()).isEqualTo((long) made.mapping().version());
    assertThat(status.getFlow().getEtag()).isNotBlank();
    // Nothing created, nothing patched: the Data Prep checks (validate, preview) store nothing.
    assertThat(writesSince(ns, before)).isEmpty();
    assertThat(stack.remote(Kind.FLOW, made.flowId()).path("name").asText())
        .isEqualTo("Stripe Connector Flow");
    stack.await(
        ns, "finance-charges", f -> Integer.valueOf(0).equals(f.getStatus().getPendingChanges()));

    stack.client().resource(ready).delete();
    Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> stack.flow(ns, "finance-charges").isEmpty());
    assertThat(writesSince(ns, before)).isEmpty();
    assertThat(stack.simulator().inventory().get(Kind.FLOW, made.flowId())).isPresent();
    assertThat(stack.simulator().inventory().get(Kind.CONNECTION, made.baseId())).isPresent();
  }

  @Test
  void anExportedManifestAppliedAsIsIsAdoptedWithNoWriteAndCarriesNoSecret() {
    String ns = "adopt-export";
    HandMadeFlow made = buildByHand(ns);
    int before = (int) stack.platformWrites(ns);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        ExportCommand.export(
            stack.platform(),
            Flows.account(),
            new ExportCommand.Arguments(ns, List.of(), true, "aep-credentials"),
            new PrintStream(out, true),
            new PrintStream(err, true));

    assertThat(exit).isZero();
    String yaml = out.toString(StandardCharsets.UTF_8);
    assertThat(yaml)
        .contains("adopt:", made.flowId(), "credentialsSecretRef:", "aep-credentials")
        .doesNotContain("sk_test_by_hand", Accounts.DEFAULT_CLIENT_SECRET);
    StripeIngestionFlow exported =
        stack.client().getKubernetesSerialization().unmarshal(yaml, StripeIngestionFlow.class);
    exported.getMetadata().setNamespace(ns);
    stack.create(exported);
    StripeIngestionFlow ready = stack.awaitReady(ns, exported.getMetadata().getName());

    assertThat(ready.getStatus().getFlow().getId()).isEqualTo(made.flowId());
    assertThat(ready.getStatus().getMappingSet().getId()).isEqualTo(made.mapping().id());
    assertThat(writesSince(ns, before)).isEmpty();
  }

  /**
   * Adopts a hand-made flow with {@code change} made to the exported spec; checks that the only
   * write was one PATCH of the dataflow and returns the dataflow as the Platform holds it then.
   */
  private static JsonNode adoptedWithOnePatch(String ns, Consumer<ScheduleSpec> change) {
    HandMadeFlow made = buildByHand(ns);
    int before = (int) stack.platformWrites(ns);
    StripeIngestionFlow wanted = adopting(ns, made);
    change.accept(wanted.getSpec().getSchedule());

    stack.create(wanted);
    StripeIngestionFlow ready = stack.awaitReady(ns, "finance-charges");

    assertThat(ready.getStatus().getFlow().getId()).isEqualTo(made.flowId());
    assertThat(writesSince(ns, before))
        .extracting(RequestLog.Entry::method, RequestLog.Entry::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PATCH", Kind.FLOW));
    return stack.remote(Kind.FLOW, made.flowId());
  }

  @Test
  void aSpecThatDiffersFromTheAdoptedFlowIsPatchedLikeDrift() {
    JsonNode flow = adoptedWithOnePatch("adopt-drift", schedule -> schedule.setInterval(6));
    assertThat(flow.at("/scheduleParams/interval").asInt()).isEqualTo(6);
  }

  @Test
  void backfillChosenInTheSpecIsAddedToAnAdoptedFlowMadeWithout() {
    JsonNode flow = adoptedWithOnePatch("adopt-backfill", schedule -> schedule.setBackfill(true));
    assertThat(flow.at("/scheduleParams/backfill").asBoolean()).isTrue();
  }

  @Test
  void aFlowIdThatDoesNotExistIsInvalidSpecAndCreatesNothing() {
    String ns = "adopt-missing";
    HandMadeFlow made = buildByHand(ns);
    int before = (int) stack.platformWrites(ns);
    StripeIngestionFlow wanted = adopting(ns, made);
    wanted.getSpec().setAdopt(new AdoptSpec("00000000-0000-0000-0000-000000000000"));

    stack.create(wanted);
    StripeIngestionFlow refused =
        stack.awaitReason(
            ns, "finance-charges", FlowConditions.READY, FlowConditions.REASON_INVALID_SPEC);

    assertThat(
            FlowAssertions.condition(refused, FlowConditions.READY)
                .map(Condition::getMessage)
                .orElse(""))
        .contains("Cannot adopt", "00000000-0000-0000-0000-000000000000", "does not exist");
    assertThat(writesSince(ns, before)).isEmpty();
  }
}

package dev.aep.operator.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.bench.PlatformCalls;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.FlowStack;
import dev.aep.operator.testing.OperatorStackExtension;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many flows of one sandbox with the production reconciler: drift checks share one list per kind
 * and resync, creation does not read back what it made, and out-of-band deletes are still found.
 */
class BulkObservationTest {

  private static final int FLOWS = 20;

  /** A stack per test: one test starts its operator only after its flows exist. */
  @RegisterExtension final OperatorStackExtension stack = OperatorStackExtension.withoutOperator();

  @Test
  void steadyStateOfTwentyFlowsListsEachKindOncePerResyncAndWritesNothing() {
    stack.startOperator();
    String ns = "bulk-steady";
    List<String> names = createFlows(stack, ns, FLOWS);
    names.forEach(name -> stack.awaitReady(ns, name));
    Duration resync = stack.settings().resyncInterval();
    // The names the creating passes looked up stay wanted for three list periods (a flow list is
    // then by names, plus by the ids no name brought): steady state begins once they have expired.
    Instant ready = Instant.now();
    awaitFlowLists(ns, ready, 5);
    long kubernetesWrites = stack.kubernetesWrites(ns);
    Instant from = Instant.now();

    awaitFlowLists(ns, from, 4);
    Instant to = Instant.now();

    List<RequestLog.Entry> window =
        PlatformCalls.platform(
            stack.simulator().requestLog().entries(),
            PlatformCalls.sandbox(ns).and(PlatformCalls.between(from, to)));
    assertThat(window).filteredOn(RequestLog.Entry::write).isEmpty();
    assertThat(window).filteredOn(PlatformCalls::isRead).isEmpty();
    assertThat(stack.kubernetesWrites(ns)).isEqualTo(kubernetesWrites);
    // A kind is listed again only once its last list is a resync interval old, in one call (by
    // the recorded ids for Flow Service kinds).
    long allowed = Duration.between(from, to).toNanos() / resync.toNanos() + 1;
    Map<Kind, Long> listsPerKind =
        window.stream()
            .filter(PlatformCalls::isList)
            .collect(Collectors.groupingBy(RequestLog.Entry::kind, Collectors.counting()));
    assertThat(listsPerKind).isNotEmpty();
    assertThat(listsPerKind)
        .as("lists per kind, at most %d each", allowed)
        .allSatisfy((kind, n) -> assertThat(n).isLessThanOrEqualTo(allowed));
    names.forEach(
        name ->
            assertThat(FlowAssertions.readyForGeneration(stack.flow(ns, name).orElseThrow()))
                .isTrue());
  }

  @Test
  void creatingTwentyFlowsReadsNothingBackAndSharesTheNameLookups() {
    ReconcilerSettings settings = stack.settings().withResyncInterval(Duration.ofMinutes(5));
    // The twenty flows are applied before the operator starts (as one kubectl apply during a
    // restart), so which flows its cache holds at the first lookup does not depend on timing.
    String ns = "bulk-create";
    List<String> names = createFlows(stack, ns, FLOWS);
    stack.startOperator(settings);
    names.forEach(name -> stack.awaitReady(ns, name));

    List<RequestLog.Entry> calls =
        PlatformCalls.platform(stack.simulator().requestLog().entries(), PlatformCalls.sandbox(ns));
    long creates =
        calls.stream()
            .filter(
                e ->
                    e.method().equals("POST")
                        && e.kind() != Kind.ACTION
                        && e.kind() != Kind.MAPPING_CHECK)
            .count();
    assertThat(creates).isEqualTo(8L * FLOWS);
    // The twenty flows read one Stripe account through one mapping: Data Prep's pre-flight (one
    // validate,
    // one preview) and the explore are asked once and shared, as is the org's tenant id.
    assertThat(calls)
        .filteredOn(e -> e.kind() == Kind.MAPPING_CHECK)
        .extracting(RequestLog.Entry::path)
        .containsExactlyInAnyOrder(
            "/data/foundation/conversion/mappingSets/validate",
            "/data/foundation/conversion/mappingSets/preview");
    assertThat(calls)
        .filteredOn(PlatformCalls::isRead)
        .allMatch(e -> e.kind() == Kind.EXPLORE || e.path().endsWith("/stats"))
        .hasSize(2);
    assertThat(calls)
        .filteredOn(e -> !e.method().equals("GET") && !e.method().equals("POST"))
        .isEmpty();
    Map<Kind, Long> lists =
        calls.stream()
            .filter(PlatformCalls::isList)
            .collect(Collectors.groupingBy(RequestLog.Entry::kind, Collectors.counting()));
    // Mapping sets are found by exact name, one lookup per new flow: Data Prep filters by one exact
    // name= per
    // call (platform-api.md 5, 17), and the lookup is what makes a crash between POST and status
    // safe. Field
    // groups, like schemas, come from the registry's paged title list, shared by all twenty
    // (below).
    assertThat(lists.remove(Kind.MAPPING_SET)).isEqualTo((long) FLOWS);
    // Flow Service lookups name many flows at once (comma = any of): the names of the passes
    // already waiting, then every flow's the operator holds, so the twenty share at most two
    // calls per kind (three runs: 2 each).
    assertThat(lists)
        .allSatisfy((kind, n) -> assertThat(n).as(kind.value()).isLessThanOrEqualTo(2L));
  }

  @Test
  void aFlowDeletedOutOfBandIsConfirmedMissingWithOneReadAndRecreatedAlone() {
    stack.startOperator();
    String ns = "bulk-drift";
    List<String> names = createFlows(stack, ns, 5);
    names.forEach(name -> stack.awaitReady(ns, name));
    StripeIngestionFlow victim = stack.flow(ns, names.get(2)).orElseThrow();
    String flowId = victim.getStatus().getFlow().getId();

    stack.simulator().faults().deleteBehindBack(Kind.FLOW, flowId);

    StripeIngestionFlow recreated =
        stack.await(
            ns,
            names.get(2),
            f ->
                FlowAssertions.readyForGeneration(f)
                    && !flowId.equals(f.getStatus().getFlow().getId()));
    List<RequestLog.Entry> calls =
        PlatformCalls.platform(stack.simulator().requestLog().entries(), PlatformCalls.sandbox(ns));
    assertThat(calls)
        .filteredOn(e -> e.method().equals("GET") && e.path().endsWith("/flows/" + flowId))
        .extracting(RequestLog.Entry::status)
        .contains(404);
    assertThat(calls)
        .filteredOn(e -> e.method().equals("POST") && e.kind() == Kind.FLOW)
        .hasSize(6);
    assertThat(recreated.getStatus().getSourceConnection().getId())
        .isEqualTo(victim.getStatus().getSourceConnection().getId());
    for (String other : List.of(names.get(0), names.get(1), names.get(3), names.get(4))) {
      StripeIngestionFlow flow = stack.flow(ns, other).orElseThrow();
      assertThat(stack.simulator().inventory().get(Kind.FLOW, flow.getStatus().getFlow().getId()))
          .isPresent();
    }
  }

  /** Waits until the sandbox's flows were listed at least {@code n} times since {@code since}. */
  private void awaitFlowLists(String ns, Instant since, int n) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                lists(stack.simulator(), ns, since).stream()
                        .filter(e -> e.kind() == Kind.FLOW)
                        .count()
                    >= n);
  }

  /** Secrets, sandbox and {@code count} charges flows that start in 2099 (no runs meanwhile). */
  static List<String> createFlows(FlowStack stack, String ns, int count) {
    stack.isolatedNamespace(ns);
    List<String> names =
        IntStream.range(0, count).mapToObj(i -> String.format("flow-%02d", i)).toList();
    for (String name : names) {
      StripeIngestionFlow flow = stack.charges(ns, name);
      flow.getSpec().getSchedule().setStartTime("2099-01-01T00:00:00Z");
      stack.create(flow);
    }
    return names;
  }

  private static List<RequestLog.Entry> lists(PlatformSimulator sim, String ns, Instant from) {
    return PlatformCalls.platform(
        sim.requestLog().entries(),
        PlatformCalls.sandbox(ns).and(e -> !e.time().isBefore(from)).and(PlatformCalls::isList));
  }
}

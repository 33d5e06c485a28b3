package dev.aep.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.testing.Flows;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1, fault soak: many flows created and then updated while the Platform throttles (429
 * with Retry-After), fails (503), answers slowly, lets tokens expire and has objects' etags bumped
 * behind the operator's back. Every flow must end Ready with exactly one remote object of each
 * kind, no request may be sent inside a Retry-After window, and the Platform calls per flow must
 * stay within a stated multiple of what the same work costs without faults.
 */
class FaultSoakTest {
  private static final List<Kind> BUMPED =
      List.of(Kind.CONNECTION, Kind.SOURCE_CONNECTION, Kind.TARGET_CONNECTION, Kind.FLOW);

  /**
   * The bound on Platform calls per flow under faults, as a multiple of the fault-free cost of the
   * same create + update. Each call is refused with probability p = rate429 + rate5xx and retried
   * (1 / (1 - p) = 1.18 attempts on average at 10% + 5%); a refused POST or an exhausted retry
   * fails the pass, and the next pass re-reads what exists before going on (at most one full
   * re-observation per failure); 412s from bumped etags cost a GET and a PATCH each; expired tokens
   * cost one repeated call each. Three times the fault-free cost covers all of it with margin at
   * these rates; a retry storm or a lost Retry-After would not fit.
   */
  private static final double CALL_BOUND_FACTOR = 3.0;

  @Test
  void everyFlowBecomesReadyWithOneObjectOfEachKindWhileThePlatformMisbehaves() {
    ScenarioParameters.Common common = ScenarioParameters.common("soak", 8, 50, 300);
    int sandboxes = ScenarioParameters.integer("soak.sandboxes", 2);
    double rate429 = ScenarioParameters.decimal("soak.rate429", 0.10);
    int retryAfter = ScenarioParameters.integer("soak.retryAfterSeconds", 1);
    double rate5xx = ScenarioParameters.decimal("soak.rate5xx", 0.05);
    Duration tokenLifetime = ScenarioParameters.seconds("soak.tokenLifetimeSeconds", 20);
    Duration bumpEvery = ScenarioParameters.millis("soak.etagBumpEveryMs", 200);
    double racedShare = ScenarioParameters.decimal("soak.racedPatchShare", 0.5);
    String maxRps = String.valueOf(ScenarioParameters.integer("soak.maxRps", 10));

    try (ReliabilityStack stack = ReliabilityStack.start()) {
      PlatformSimulator sim = stack.simulator();
      stack.startReplica(
          Map.of(OperatorConfig.PLATFORM_MAX_RPS, maxRps, OperatorConfig.RECONCILE_THREADS, "10"),
          ReliabilityStack.settings(Duration.ofMinutes(2), Duration.ofSeconds(10)));

      // The fault-free cost of the same work, for the bound.
      String baselineNs = "soak-baseline";
      stack.isolatedNamespace(baselineNs);
      StripeIngestionFlow reference = stack.create(stack.charges(baselineNs, "reference"));
      stack.awaitAllReady(List.of(reference), common.timeout());
      update(stack, List.of(reference));
      stack.awaitAllReady(List.of(reference), common.timeout());
      long baselineCalls = stack.requests(baselineNs).size();

      List<String> namespaces = new ArrayList<>();
      for (int i = 0; i < sandboxes; i++) {
        namespaces.add("soak-" + i);
        stack.isolatedNamespace(namespaces.get(i));
      }
      sim.requestLog().clear();
      sim.faults()
          .seed(common.seed())
          .rateLimit(rate429, retryAfter)
          .serverErrors(rate5xx)
          .latency(common.latency())
          .tokenLifetime(tokenLifetime);
      // The token cached during the baseline lived 24 h: from now on tokens last tokenLifetime.
      sim.faults().expireTokens();
      EtagBumper bumper = new EtagBumper(sim, new Random(common.seed()), Set.copyOf(namespaces));
      ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor();
      chaos.scheduleAtFixedRate(
          bumper, bumpEvery.toMillis(), bumpEvery.toMillis(), TimeUnit.MILLISECONDS);
      AtomicInteger revocations = new AtomicInteger();
      // Tokens also die before their announced expiry (revoked), so the 401-renew path runs too.
      chaos.scheduleAtFixedRate(
          () -> {
            sim.faults().expireTokens();
            revocations.incrementAndGet();
          },
          tokenLifetime.toMillis(),
          tokenLifetime.toMillis(),
          TimeUnit.MILLISECONDS);

      Instant start = Instant.now();
      List<StripeIngestionFlow> created = new ArrayList<>();
      for (int i = 0; i < common.flows(); i++) {
        created.add(stack.create(stack.charges(namespaces.get(i % sandboxes), "flow-" + i)));
      }
      stack.awaitAllReady(created, common.timeout());
      Duration toCreate = Duration.between(start, Instant.now());

      // Out-of-band writers also win the race between the operator's GET and its PATCH: for a
      // share of the flows the first PATCH carries an etag that just went stale.
      Random pick = new Random(common.seed());
      int raced = 0;
      for (StripeIngestionFlow f : stack.awaitAllReady(created, common.timeout())) {
        if (pick.nextDouble() < racedShare) {
          sim.faults().failNext(1, "PATCH", "/flows/" + f.getStatus().getFlow().getId() + "$", 412);
          raced++;
        }
      }
      Instant updateStart = Instant.now();
      update(stack, created);
      List<StripeIngestionFlow> ready = stack.awaitAllReady(created, common.timeout());
      Duration toUpdate = Duration.between(updateStart, Instant.now());

      chaos.shutdownNow();
      sim.faults().clear();
      List<RequestLog.Entry> log = sim.requestLog().entries();
      List<RequestLog.Entry> scoped =
          log.stream()
              .filter(e -> e.sandbox() != null && namespaces.contains(e.sandbox()))
              .toList();
      List<StripeIngestionFlow> all = new ArrayList<>(ready);
      all.add(stack.flow(baselineNs, "reference").orElseThrow());
      RemoteObjectAudit.Result objects = RemoteObjectAudit.audit(sim, all, Set.of());
      RetryAfterAudit.Result retryAfterAudit =
          RetryAfterAudit.audit(log, Duration.ofSeconds(retryAfter));
      double callsPerFlow = (double) scoped.size() / common.flows();
      double bound = CALL_BOUND_FACTOR * baselineCalls;
      long tokenCalls = log.stream().filter(e -> e.kind() == Kind.TOKEN).count();

      new ScenarioReport("fault-soak", "Fault soak")
          .line(
              "flows",
              common.flows() + " in " + sandboxes + " sandboxes (seed " + common.seed() + ")")
          .line(
              "faults configured",
              String.format(
                  "429 %.0f%% (Retry-After %d s), 5xx %.0f%%, "
                      + "latency %d ms, token lifetime %d s, etag bump every %d ms, raced PATCH "
                      + "for %.0f%% of flows",
                  rate429 * 100,
                  retryAfter,
                  rate5xx * 100,
                  common.latency().toMillis(),
                  tokenLifetime.toSeconds(),
                  bumpEvery.toMillis(),
                  racedShare * 100))
          .line(
              "faults injected",
              "429 x "
                  + count(scoped, e -> e.status() == 429)
                  + ", 503 x "
                  + count(scoped, e -> e.status() == 503)
                  + ", 401 (expired token) x "
                  + count(scoped, e -> e.status() == 401)
                  + ", 412 (stale etag) x "
                  + count(scoped, e -> e.status() == 412)
                  + ", etag bumps x "
                  + bumper.bumps()
                  + " (+ "
                  + raced
                  + " landing between GET and "
                  + "PATCH), token revocations x "
                  + revocations.get())
          .line(
              "Platform calls",
              scoped.size()
                  + " ("
                  + String.format("%.1f", callsPerFlow)
                  + " per flow; bound "
                  + String.format("%.0f", bound)
                  + " = "
                  + CALL_BOUND_FACTOR
                  + " x "
                  + baselineCalls
                  + " fault-free) + "
                  + tokenCalls
                  + " token calls")
          .line(
              "Platform writes",
              count(scoped, RequestLog.Entry::write)
                  + " ("
                  + count(scoped, e -> e.write() && e.status() / 100 == 2)
                  + " accepted)")
          .line("Retry-After windows", retryAfterAudit.summary())
          .line(
              "remote objects",
              objects.total()
                  + " for "
                  + all.size()
                  + " flows (with the reference) "
                  + objects.objects())
          .line("duplicates / orphans / missing", objects.counts())
          .line(
              "time to converge",
              "create "
                  + ScenarioReport.seconds(toCreate)
                  + ", update "
                  + ScenarioReport.seconds(toUpdate))
          .publish();

      assertThat(objects.clean()).as(objects.toString()).isTrue();
      assertThat(objects.objects())
          .allSatisfy((kind, n) -> assertThat(n).as(kind.value()).isEqualTo(all.size()));
      assertThat(retryAfterAudit.violations()).isEmpty();
      assertThat(retryAfterAudit.rateLimited()).as("429s injected").isPositive();
      assertThat(count(scoped, e -> e.status() == 412))
          .as("412s answered")
          .isGreaterThanOrEqualTo(raced);
      assertThat(callsPerFlow).as("Platform calls per flow").isLessThanOrEqualTo(bound);
    }
  }

  /** A new generation for each flow: schedule and description, so the flow is PATCHed. */
  private static void update(ReliabilityStack stack, List<StripeIngestionFlow> flows) {
    for (StripeIngestionFlow f : flows) {
      stack.change(
          f.getMetadata().getNamespace(),
          f.getMetadata().getName(),
          e -> {
            e.getSpec().getSchedule().setInterval(30);
            e.getSpec().setDescription("Stripe charges, every 30 minutes");
          });
    }
  }

  private static long count(List<RequestLog.Entry> log, Predicate<RequestLog.Entry> filter) {
    return log.stream().filter(filter).count();
  }

  /** Bumps the etag of a random Flow Service object in the soak's sandboxes. */
  private static final class EtagBumper implements Runnable {
    private final PlatformSimulator sim;
    private final Random random;
    private final Set<String> sandboxes;
    private final AtomicInteger bumps = new AtomicInteger();

    EtagBumper(PlatformSimulator sim, Random random, Set<String> sandboxes) {
      this.sim = sim;
      this.random = random;
      this.sandboxes = sandboxes;
    }

    int bumps() {
      return bumps.get();
    }

    @Override
    public void run() {
      Kind kind = BUMPED.get(random.nextInt(BUMPED.size()));
      List<ObjectNode> candidates =
          sim.inventory().list(kind).stream()
              .filter(o -> sandboxes.contains(o.path("sandboxName").asText()))
              .toList();
      if (candidates.isEmpty()) {
        return;
      }
      ObjectNode target = candidates.get(random.nextInt(candidates.size()));
      sim.faults().bumpEtag(kind, Flows.id(target));
      bumps.incrementAndGet();
    }
  }
}

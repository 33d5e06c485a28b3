package dev.aep.operator.reconciler.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.LastRunDetails;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformScope;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RefusingClients;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.Transformation;
import dev.aep.operator.reconciler.steps.RemoteObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What a pass reads beyond the shared lists: runs only when they may have changed, mapping set
 * versions once, and a flow answered from the list it appears in.
 */
class BulkRemoteObserverTest {
  private static final Duration RESYNC = Duration.ofMinutes(10);
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private Instant now = T0;
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final BulkObservation observation = new BulkObservation(RESYNC, clock, nanos::get);

  // The "Platform".
  private final Map<String, Flow> flows = new ConcurrentHashMap<>();
  private final Map<String, List<FlowRun>> runs = new ConcurrentHashMap<>();
  private final Map<String, MappingSet> mappingSets = new ConcurrentHashMap<>();
  private final List<String> calls = new ArrayList<>();

  private final PlatformSession session = session(PlatformAccount.of("c", "s", "ORG@AdobeOrg"));

  private RemoteObserver pass() {
    return observation.open(session).observer();
  }

  /** A pass as the steps make it: the flow first, then its runs. */
  private List<FlowRun> runsSeenByAPass(String flowId) {
    RemoteObserver observer = pass();
    observer.get(Flow.KIND, flowId);
    return observer.latestRuns(flowId, 1);
  }

  private long calls(String operation) {
    synchronized (calls) {
      return calls.stream().filter(operation::equals).count();
    }
  }

  private void flow(String id, Instant start, String state, LastRunDetails last) {
    flows.put(
        id,
        new Flow(
            id,
            "\"e1\"",
            "f-" + id,
            "d",
            state,
            SpecRef.STRIPE_FLOW,
            List.of("s"),
            List.of("t"),
            List.of(Transformation.mapping("m", 0)),
            new ScheduleParams("minute", 15, start.getEpochSecond(), true),
            last,
            null,
            null,
            null));
  }

  /**
   * Flow f1 in {@code state}, started a day before T0, whose only run r1 succeeded at once; returns
   * the start.
   */
  private Instant flowWithOneSucceededRun(String state) {
    Instant start = T0.minus(Duration.ofDays(1));
    flow("f1", start, state, new LastRunDetails("r1", "success", start, start));
    runs.put("f1", List.of(run("r1", "f1", "success", start)));
    return start;
  }

  private static FlowRun run(String id, String flowId, String status, Instant started) {
    return new FlowRun(
        id,
        flowId,
        started,
        status,
        started,
        status.equals("inProgress") ? null : started.plusSeconds(60),
        10L,
        10L,
        0L,
        List.of());
  }

  @Test
  void runsAreNotReadBeforeTheFlowsStartTime() {
    flow("f1", T0.plus(Duration.ofDays(30)), "enabled", null);

    assertThat(runsSeenByAPass("f1")).isEmpty();
    now = now.plus(Duration.ofDays(1));
    assertThat(runsSeenByAPass("f1")).isEmpty();

    assertThat(calls("listRuns")).isZero();
  }

  @Test
  void runsAreReadOnceAScheduledRunTimeHasPassedAndUntilTheRunFinished() {
    Instant start = T0.plus(Duration.ofHours(1));
    flow("f1", start, "enabled", null);
    assertThat(runsSeenByAPass("f1")).isEmpty();

    now = start.plusSeconds(5);
    runs.put("f1", List.of(run("r1", "f1", "inProgress", start)));
    assertThat(runsSeenByAPass("f1")).extracting(FlowRun::id).containsExactly("r1");
    assertThat(calls("listRuns")).isEqualTo(1);

    // Still running: looked at again on the next pass.
    runs.put("f1", List.of(run("r1", "f1", "success", start)));
    assertThat(runsSeenByAPass("f1")).extracting(FlowRun::status).containsExactly("success");
    assertThat(calls("listRuns")).isEqualTo(2);

    // Finished, and the next run is 15 minutes away: nothing to read.
    now = now.plus(Duration.ofMinutes(10));
    assertThat(runsSeenByAPass("f1")).extracting(FlowRun::id).containsExactly("r1");
    assertThat(calls("listRuns")).isEqualTo(2);

    now = start.plus(Duration.ofMinutes(15));
    runsSeenByAPass("f1");
    assertThat(calls("listRuns")).isEqualTo(3);
  }

  @Test
  void aNewLastRunInTheFlowListMakesThePassReadRuns() {
    Instant start = flowWithOneSucceededRun("enabled");
    runsSeenByAPass("f1");
    assertThat(runsSeenByAPass("f1")).extracting(FlowRun::id).containsExactly("r1");
    assertThat(calls("listRuns")).isEqualTo(1);

    // Another client's clock ran ahead: the list shows a newer finished run.
    Instant later = start.plus(Duration.ofMinutes(15));
    flow("f1", start, "enabled", new LastRunDetails("r2", "failed", later, later));
    runs.put("f1", List.of(run("r2", "f1", "failed", later)));
    nanos.addAndGet(RESYNC.toNanos() + 1);

    assertThat(runsSeenByAPass("f1")).extracting(FlowRun::id).containsExactly("r2");
    assertThat(calls("listRuns")).isEqualTo(2);
  }

  @Test
  void aDisabledFlowStartsNoRunSoItsScheduleIsNotWatched() {
    flowWithOneSucceededRun("disabled");
    runsSeenByAPass("f1");

    now = now.plus(Duration.ofHours(5));
    runsSeenByAPass("f1");

    assertThat(calls("listRuns")).isEqualTo(1);
  }

  @Test
  void flowsOfOneSandboxAreAnsweredFromOneListWhateverTheCredentials() {
    for (int i = 0; i < 50; i++) {
      flow("f" + i, T0.plus(Duration.ofDays(30)), "enabled", null);
    }
    PlatformSession otherClient = session(PlatformAccount.of("other", "s2", "org@adobeorg"));
    for (int i = 0; i < 50; i++) {
      PlatformSession client = i % 2 == 0 ? session : otherClient;
      assertThat(observation.open(client).observer().get(Flow.KIND, "f" + i)).isPresent();
    }

    assertThat(calls("listPage flow")).isEqualTo(1);
    assertThat(calls("get flow")).isZero();
  }

  @Test
  void aMappingSetVersionIsReadOnceAndThenRemembered() {
    List<Mapping> mappings = List.of(new Mapping("ATTRIBUTE", "id", "_t.id"));
    mappingSets.put(
        "m", new MappingSet("m", 2, "map", SchemaRef.forMapping("s"), mappings, null, null));

    assertThat(pass().mappingSet("m", 1L)).isEmpty();
    assertThat(pass().mappingSet("m", 2L)).map(MappingSet::version).contains(2);
    for (int i = 0; i < 5; i++) {
      nanos.addAndGet(RESYNC.toNanos() + 1);
      assertThat(pass().mappingSet("m", 2L)).map(MappingSet::mappings).contains(mappings);
    }

    // No list (mapping set lists carry every team's mappings): one GET per version asked, and
    // the version that exists is remembered across resyncs.
    assertThat(calls("listPage mapping set")).isZero();
    assertThat(calls("getMappingSetVersion")).isEqualTo(2);
  }

  /**
   * The "Platform" as a session answering only what a pass may read: the flow list, flows by id,
   * runs and mapping sets (each call counted); anything else fails.
   */
  private PlatformSession session(PlatformAccount account) {
    return new Platform().session(new PlatformScope(account, "prod"));
  }

  private final class Platform extends RefusingClients {
    /** Flows and mapping sets are listed (in one page) and read, each call counted. */
    @Override
    @SuppressWarnings("unchecked") // each map holds the objects of its kind
    public <T extends RemoteObject, R> RemoteCollection<T, R> collection(RemoteKind<T, R> kind) {
      if (kind != Flow.KIND && kind != MappingSet.KIND) {
        return super.collection(kind);
      }
      Map<String, T> objects = (Map<String, T>) (kind == Flow.KIND ? flows : mappingSets);
      return new Collection<>(null) {
        @Override
        public Page<T> listPage(ListQuery query, String pageToken) {
          count("listPage " + kind.words());
          return new Page<>(List.copyOf(objects.values()), null);
        }

        @Override
        public Optional<T> get(String id) {
          count("get " + kind.words());
          return Optional.ofNullable(objects.get(id));
        }
      };
    }

    @Override
    public List<FlowRun> listRuns(String flowId, int limit) {
      count("listRuns");
      return runs.getOrDefault(flowId, List.of());
    }

    @Override
    public Optional<MappingSet> getMappingSet(String id, int version) {
      count("getMappingSetVersion");
      return Optional.ofNullable(mappingSets.get(id)).filter(m -> m.version() == version);
    }
  }

  private void count(String call) {
    synchronized (calls) {
      calls.add(call);
    }
  }
}

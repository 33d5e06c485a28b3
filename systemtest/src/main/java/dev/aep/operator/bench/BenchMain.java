package dev.aep.operator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.RecordingDispatcher;
import dev.aep.simulator.Kind;
import dev.aep.simulator.RequestLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make bench}: the operator (its production main, in its own JVM) against an embedded
 * Kubernetes API and the Platform simulator with per-call latency. Creates BENCH_FLOWS flows and
 * waits until all are Ready, runs BENCH_RESYNCS resync periods with nothing changed, changes the
 * schedule of BENCH_UPDATE_PERCENT of the flows and waits again; prints a table and writes {@code
 * target/bench.json} (relative to the working directory: the repository root under make). With
 * BENCH_CREATE=false the flows are loaded Ready beforehand (the steps' own creates and a successful
 * pass's status, see {@link Preloader}) and a fresh operator process is measured holding them.
 * BENCH_FOREIGN_OBJECTS (or {@code --foreign-objects N}) first fills the sandbox with N objects of
 * other owners ({@link ForeignObjects}: schemas, field groups, datasets, mapping sets of 20
 * mappings, Stripe connections and flows), to show what the operator's reads cost beside them; the
 * summary then carries the count next to the steady-state reads.
 *
 * <p>Usage: {@code make bench ARGS="--flows 200 --foreign-objects 20000"}; arguments are {@code
 * --flows --resyncs --create --latency-ms --max-rps --resync --threads --update-percent
 * --foreign-objects}, each also read from the BENCH_* (or PLATFORM_MAX_RPS, RESYNC_INTERVAL,
 * RECONCILE_THREADS) environment variable.
 *
 * <p>Not a test: it measures, prints and checks the targets of issue 8, and never fails a build.
 */
public final class BenchMain {
  private static final Pattern FLOW_PATH = Pattern.compile(".*/flows/([^/]+)/?.*");

  /**
   * Platform calls a flow's create cannot do without: seven creates (base, source and target
   * connection, schema, dataset, mapping set, flow) and one explore.
   */
  private static final int CALLS_NEEDED_PER_FLOW = 8;

  private final BenchConfig config;
  private final BenchStack stack;
  private final Path target;
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<String[]> checks = new ArrayList<>();

  private BenchMain(BenchConfig config, BenchStack stack, Path target) {
    this.config = config;
    this.stack = stack;
    this.target = target;
  }

  public static void main(String[] args) throws Exception {
    BenchConfig config = BenchConfig.from(args, System.getenv());
    Path target = Path.of("target");
    Files.createDirectories(target);
    System.out.println("benchmark parameters: " + config.describe());
    int status = 0;
    try (BenchStack stack = new BenchStack(config)) {
      BenchMain bench = new BenchMain(config, stack, target);
      bench.foreign();
      if (config.create()) {
        bench.createMode();
      } else {
        bench.memoryMode();
      }
      bench.finish();
    } catch (Exception e) {
      System.err.println("benchmark failed: " + e);
      e.printStackTrace();
      status = 1;
    }
    // The mock server and HTTP clients leave non-daemon threads behind.
    System.exit(status);
  }

  /** Other owners' objects, made before the operator starts and outside every measured phase. */
  private void foreign() throws Exception {
    Map<String, Object> foreign = new LinkedHashMap<>();
    foreign.put("requested", config.foreignObjects());
    if (config.foreignObjects() > 0) {
      System.out.printf("foreign objects: making %d of other owners%n", config.foreignObjects());
      Instant t0 = Instant.now();
      Map<String, Integer> made = ForeignObjects.load(stack, config.foreignObjects(), 16);
      foreign.put("made", made.values().stream().mapToInt(Integer::intValue).sum());
      foreign.put("byKind", made);
      foreign.put("seconds", seconds(Duration.between(t0, Instant.now())));
    } else {
      foreign.put("made", 0);
    }
    report.put("foreignObjects", foreign);
  }

  private void createMode() throws Exception {
    report.put("mode", "create");
    report.put("parameters", config.describe());
    stack.simulator().faults().latency(config.latency());
    List<String> names = BenchStack.names(config.flows());
    Set<String> all = Set.copyOf(names);
    Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.DAYS);
    try (OperatorProcess operator = startOperator(Duration.ofMinutes(2))) {

      System.out.printf("create: %d flows%n", names.size());
      Instant t0 = Instant.now();
      stack.createFlows(names, start);
      Instant ready = stack.awaitAll(all, BenchStack::ready, config.timeout(), "Ready");
      createPhase(t0, ready, names.size());

      System.out.printf(
          "steady state: %d resync periods of %s%n", config.resyncs(), config.resyncInterval());
      Thread.sleep(2000);
      Instant s0 = Instant.now();
      Thread.sleep(config.resyncInterval().multipliedBy(config.resyncs()).toMillis());
      Instant s1 = Instant.now();
      steadyPhase(s0, s1, names.size(), config.resyncs());

      updateWave(names);
      memory(operator);
    }
  }

  /**
   * Starts the operator process against the stack (waiting up to {@code startTimeout}) and records
   * how its memory is measured.
   */
  private OperatorProcess startOperator(Duration startTimeout) throws Exception {
    OperatorProcess operator =
        OperatorProcess.start(
            config, stack.kubernetesUrl(), stack.simulator().baseUrl(), target, startTimeout);
    report.put("memoryMethod", memoryMethod(operator));
    return operator;
  }

  private void memoryMode() throws Exception {
    report.put("mode", "memory (BENCH_CREATE=false)");
    report.put("parameters", config.describe());
    List<String> names = BenchStack.names(config.flows());
    Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.DAYS);
    System.out.printf(
        "preloading %d Ready flows (the steps' own creates, one status write" + " each)%n",
        names.size());
    Duration preload = stack.preload(names, start);
    report.put("preloadSeconds", seconds(preload));
    stack.simulator().faults().latency(config.latency());
    try (OperatorProcess operator = startOperator(Duration.ofMinutes(5))) {
      Instant t0 = Instant.now();
      Instant deadline = t0.plus(config.timeout());
      while (operator.reconciliations() < names.size()) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("the operator did not reconcile every flow in time");
        }
        Thread.sleep(1000);
      }
      Instant t1 = Instant.now();
      Map<String, Object> initial = new LinkedHashMap<>();
      initial.put("seconds", seconds(Duration.between(t0, t1)));
      List<RequestLog.Entry> calls = calls(t0, t1);
      initial.put("platformCalls", calls.size());
      initial.put("platformCallsByMethodAndKind", PlatformCalls.byMethodAndKind(calls));
      initial.put(
          "kubernetesWrites", stack.dispatcher().writes(w -> between(w.time(), t0, t1)).size());
      report.put("firstReconcileOfAllFlows", initial);
      System.out.printf(
          "first reconcile of %d loaded flows took %s; steady state for %d resync" + " periods%n",
          names.size(), Duration.between(t0, t1), config.resyncs());
      Thread.sleep(2000);
      Instant s0 = Instant.now();
      Thread.sleep(config.resyncInterval().multipliedBy(config.resyncs()).toMillis());
      steadyPhase(s0, Instant.now(), names.size(), config.resyncs());
      memory(operator);
    }
  }

  private void createPhase(Instant t0, Instant ready, int flows) {
    Duration toReady = Duration.between(t0, ready);
    List<RequestLog.Entry> calls = calls(t0, ready);
    long creates = calls.stream().filter(BenchMain::isCreate).count();
    double extraPerFlow = (double) (calls.size() - creates) / flows;
    // Bounds from the calls a flow cannot do without, not from the calls made (extra calls must
    // not raise the bar): one POST per remote object plus the explore that checks the resource
    // path. A flow's calls depend on each other (each create needs the previous id), so they are
    // its critical path; RECONCILE_THREADS flows run at once.
    long needed = (long) flows * CALLS_NEEDED_PER_FLOW;
    double rateBound = needed / config.maxRps();
    double latencyBound = (double) needed * config.latency().toMillis() / 1000.0 / config.threads();
    double bound = Math.max(rateBound, latencyBound);
    double measured = toReady.toMillis() / 1000.0;
    double ratio = measured / bound;
    Map<String, Object> phase = new LinkedHashMap<>();
    phase.put("flows", flows);
    phase.put("secondsToAllReady", seconds(toReady));
    phase.put("platformCalls", calls.size());
    phase.put("platformCallsPerFlow", round(calls.size() / (double) flows));
    phase.put("createCallsPerFlow", round(creates / (double) flows));
    phase.put("otherCallsPerFlow", round(extraPerFlow));
    phase.put("callsPerFlowByMethodAndKind", perFlow(PlatformCalls.byMethodAndKind(calls), flows));
    Map<String, Long> k8s = kubernetesWrites(t0, ready);
    phase.put("kubernetesWritesPerFlow", perFlow(k8s, flows));
    phase.put("kubernetesWritesPerFlowByKind", perFlow(byWriteKind(k8s), flows));
    phase.put("callsNeededPerFlow", CALLS_NEEDED_PER_FLOW);
    phase.put("rateLimitBoundSeconds", round(rateBound));
    phase.put("measuredOverRateLimitBound", round(measured / rateBound));
    phase.put("latencyBoundSeconds", round(latencyBound));
    phase.put("measuredOverLatencyBound", round(measured / latencyBound));
    phase.put("measuredOverLargerBound", round(ratio));
    report.put("create", phase);
    check(
        "create: calls per flow beyond the creates <= 1.5",
        extraPerFlow <= 1.5,
        round(extraPerFlow) + "");
    check(
        "create: time to all Ready <= 1.5 x larger bound",
        ratio <= 1.5,
        seconds(toReady) + " s = " + round(ratio) + " x " + round(bound) + " s");
  }

  private void steadyPhase(Instant s0, Instant s1, int flows, int resyncs) {
    List<RequestLog.Entry> calls = calls(s0, s1);
    long reads = calls.stream().filter(e -> e.method().equals("GET")).count();
    long writes = calls.stream().filter(RequestLog.Entry::write).count();
    long kubernetesWrites = stack.dispatcher().writes(w -> between(w.time(), s0, s1)).size();
    double periods =
        Duration.between(s0, s1).toMillis() / (double) config.resyncInterval().toMillis();
    double readsPerFlowPerResync = reads / (flows * periods);
    Map<String, Object> phase = new LinkedHashMap<>();
    phase.put("seconds", seconds(Duration.between(s0, s1)));
    phase.put("foreignObjectsInSandbox", config.foreignObjects());
    phase.put("resyncPeriods", round(periods));
    phase.put("platformReads", reads);
    phase.put("platformWrites", writes);
    phase.put("platformReadsPerFlowPerResync", round4(readsPerFlowPerResync));
    phase.put("platformWritesPerFlowPerResync", round4(writes / (flows * periods)));
    phase.put("callsByMethodAndKind", PlatformCalls.byMethodAndKind(calls));
    phase.put("kubernetesWrites", kubernetesWrites);
    report.put("steadyState", phase);
    check("steady: 0 Platform writes", writes == 0, Long.toString(writes));
    check("steady: 0 Kubernetes writes", kubernetesWrites == 0, Long.toString(kubernetesWrites));
    check(
        "steady: <= 0.05 Platform reads per flow per resync",
        readsPerFlowPerResync <= 0.05,
        round4(readsPerFlowPerResync) + "");
  }

  private void updateWave(List<String> names) throws InterruptedException {
    int every = Math.max(1, (int) Math.round(100.0 / Math.max(1, config.updatePercent())));
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < names.size(); i += every) {
      changed.add(names.get(i));
    }
    System.out.printf(
        "update wave: schedule interval 15 -> 30 minutes on %d flows%n", changed.size());
    Map<String, StripeIngestionFlow> before = stack.flowsByName();
    Set<String> changedFlowIds = new HashSet<>();
    Map<String, Long> generations = new TreeMap<>();
    Instant t0 = Instant.now();
    for (String name : changed) {
      changedFlowIds.add(before.get(name).getStatus().getFlow().getId());
      StripeIngestionFlow edited =
          stack.edit(
              BenchStack.NAMESPACE,
              name,
              f -> {
                f.getSpec().getSchedule().setInterval(30);
                return f;
              });
      generations.put(name, edited.getMetadata().getGeneration());
    }
    Instant done =
        stack.awaitAll(
            Set.copyOf(changed),
            f ->
                BenchStack.ready(f)
                    && f.getStatus().getObservedGeneration()
                        >= generations.get(f.getMetadata().getName()),
            config.timeout(),
            "updated and Ready");
    Thread.sleep(1000);
    Instant t1 = Instant.now();
    List<RequestLog.Entry> calls = calls(t0, t1);
    List<RequestLog.Entry> writes = calls.stream().filter(RequestLog.Entry::write).toList();
    Map<String, Long> patchesPerFlow = new TreeMap<>();
    Set<String> unchangedTouched = new HashSet<>();
    for (RequestLog.Entry w : writes) {
      Matcher m = FLOW_PATH.matcher(w.path());
      String id = m.matches() ? m.group(1) : w.path();
      if (w.method().equals("PATCH") && w.kind() == Kind.FLOW) {
        patchesPerFlow.merge(id, 1L, Long::sum);
      }
      if (!changedFlowIds.contains(id)) {
        unchangedTouched.add(w.method() + " " + w.path());
      }
    }
    boolean onePatchEach =
        patchesPerFlow.keySet().equals(changedFlowIds)
            && patchesPerFlow.values().stream().allMatch(n -> n == 1);
    boolean onlyPatches =
        writes.stream().allMatch(w -> w.method().equals("PATCH") && w.kind() == Kind.FLOW);
    Map<String, Object> phase = new LinkedHashMap<>();
    phase.put("flowsChanged", changed.size());
    phase.put("secondsToAllReady", seconds(Duration.between(t0, done)));
    phase.put("platformWrites", writes.size());
    phase.put("callsByMethodAndKind", PlatformCalls.byMethodAndKind(calls));
    phase.put("writesOutsideChangedFlows", unchangedTouched.size());
    phase.put("kubernetesWritesByKind", kubernetesWrites(t0, t1));
    report.put("updateWave", phase);
    check(
        "update: only changed flows written, one PATCH each",
        onePatchEach && onlyPatches && unchangedTouched.isEmpty(),
        writes.size() + " writes for " + changed.size() + " changed flows");
  }

  private void memory(OperatorProcess operator) {
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("flowsInCache", config.flows());
    memory.put("garbageCollector", operator.garbageCollector());
    memory.put("peakHeapMiB", mib(operator.peakHeapBytes()));
    memory.put("heapNowMiB", mib(operator.heapBytes()));
    long rss = operator.rssBytes();
    memory.put("rssNowMiB", mib(rss));
    memory.put("rssPeakMiB", mib(operator.peakRssBytes()));
    report.put("memory", memory);
    if (config.operatorJavaOptions().contains("NativeMemoryTracking")) {
      operator.nativeMemory(target.resolve("bench-operator-native-memory.txt"));
    }
    operator.histogram(target.resolve("bench-operator-histogram.txt"));
    if (!config.create()) {
      check(
          "memory: operator RSS <= 512 MiB with " + config.flows() + " flows",
          rss <= 512L * 1024 * 1024,
          mib(rss) + " MiB now, peak " + mib(operator.peakRssBytes()) + " MiB");
    }
  }

  private String memoryMethod(OperatorProcess operator) {
    return "operator = dev.aep.operator.main.OperatorMain in its own JVM (pid "
        + operator.pid()
        + ", "
        + config.operatorJavaOptions()
        + "); Kubernetes mock and simulator in the"
        + " benchmark JVM; RSS = VmRSS/VmHWM of /proc/<pid>/status; heap = sum of"
        + " jvm_memory_used_bytes{area=heap} from its /metrics, sampled every 5 s; class histogram"
        + " in target/bench-operator-histogram.txt";
  }

  private void finish() throws Exception {
    // Every Platform call of the run, for looking behind the figures.
    List<String> lines = new ArrayList<>();
    for (RequestLog.Entry e : stack.simulator().requestLog().entries()) {
      lines.add(
          e.time()
              + " "
              + e.method()
              + " "
              + e.path()
              + (e.query() == null ? "" : "?" + e.query())
              + " -> "
              + e.status());
    }
    Files.write(target.resolve("bench-platform-calls.log"), lines);
    List<Map<String, String>> results = new ArrayList<>();
    for (String[] c : checks) {
      results.add(Map.of("target", c[0], "met", c[1], "measured", c[2]));
    }
    report.put("targets", results);
    print();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Path file = target.resolve("bench.json");
    json.writeValue(file.toFile(), report);
    System.out.println("written " + file.toAbsolutePath().normalize());
  }

  @SuppressWarnings("unchecked")
  private void print() {
    System.out.println();
    System.out.println("== benchmark: " + report.get("mode"));
    for (Map.Entry<String, Object> section : report.entrySet()) {
      if (section.getKey().equals("targets") || section.getKey().equals("mode")) {
        continue;
      }
      if (section.getValue() instanceof Map<?, ?> map) {
        System.out.println("-- " + section.getKey());
        for (Map.Entry<String, Object> row : ((Map<String, Object>) map).entrySet()) {
          if (row.getValue() instanceof Map<?, ?> nested) {
            System.out.printf("   %-34s%n", row.getKey());
            nested.forEach((k, v) -> System.out.printf("     %-32s %s%n", k, v));
          } else {
            System.out.printf("   %-34s %s%n", row.getKey(), row.getValue());
          }
        }
      } else {
        System.out.printf("-- %s: %s%n", section.getKey(), section.getValue());
      }
    }
    System.out.println("-- targets");
    for (String[] c : checks) {
      System.out.printf("   [%s] %-55s %s%n", c[1].equals("true") ? "met" : "NOT met", c[0], c[2]);
    }
  }

  private void check(String what, boolean met, String measured) {
    checks.add(new String[] {what, Boolean.toString(met), measured});
  }

  private List<RequestLog.Entry> calls(Instant from, Instant to) {
    return PlatformCalls.platform(
        stack.simulator().requestLog().entries(),
        PlatformCalls.sandbox(BenchStack.SANDBOX).and(PlatformCalls.between(from, to)));
  }

  private Map<String, Long> kubernetesWrites(Instant from, Instant to) {
    Map<String, Long> byKind = new TreeMap<>();
    for (RecordingDispatcher.Request w :
        stack.dispatcher().writes(x -> between(x.time(), from, to))) {
      String kind =
          BenchDispatcher.event(w)
              ? "event"
              : w.path().contains("/status")
                  ? "flow status"
                  : w.path().contains("stripeingestionflows") ? "flow" : "other";
      byKind.merge(w.method() + " " + kind, 1L, Long::sum);
    }
    return byKind;
  }

  /** Kubernetes writes grouped as status patches, events and finalizer/flow updates. */
  private static Map<String, Long> byWriteKind(Map<String, Long> byMethodAndKind) {
    Map<String, Long> result = new TreeMap<>();
    byMethodAndKind.forEach(
        (k, v) -> {
          String kind =
              k.endsWith(" flow status")
                  ? "status patch"
                  : k.endsWith(" event")
                      ? "event"
                      : k.endsWith(" flow") ? "finalizer/flow update" : "other";
          result.merge(kind, v, Long::sum);
        });
    return result;
  }

  private static boolean isCreate(RequestLog.Entry e) {
    return e.method().equals("POST") && e.kind().isObject() && e.kind() != Kind.RUN;
  }

  private static boolean between(Instant t, Instant from, Instant to) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  private static Map<String, Double> perFlow(Map<String, Long> counts, int flows) {
    Map<String, Double> result = new TreeMap<>();
    counts.forEach((k, v) -> result.put(k, round4(v / (double) flows)));
    return result;
  }

  private static double seconds(Duration d) {
    return round(d.toMillis() / 1000.0);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static long mib(long bytes) {
    return bytes < 0 ? -1 : bytes / (1024 * 1024);
  }
}

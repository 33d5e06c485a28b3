package dev.aep.operator.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's parameters, from (in order of precedence) {@code --name value} arguments, system
 * properties and environment variables.
 *
 * @param flows BENCH_FLOWS: flows created (or, without the create phase, loaded)
 * @param resyncs BENCH_RESYNCS: resync periods measured in steady state
 * @param create BENCH_CREATE: false skips the measured create phase and only loads Ready flows to
 *     measure memory
 * @param latency BENCH_LATENCY_MS: simulator latency of every Platform call
 * @param maxRps PLATFORM_MAX_RPS: the operator's request cap per org+sandbox
 * @param resyncInterval RESYNC_INTERVAL: the operator's drift-check period
 * @param threads RECONCILE_THREADS: concurrent reconciles (the operator's concurrency)
 * @param updatePercent BENCH_UPDATE_PERCENT: share of flows whose schedule the update wave changes
 * @param simulatorThreads BENCH_SIM_THREADS: simulator HTTP workers (latency is slept on them)
 * @param operatorJavaOptions BENCH_OPERATOR_JAVA_OPTS: JVM options of the operator process
 * @param timeout BENCH_TIMEOUT: how long any one phase may take before the benchmark gives up
 * @param foreignObjects BENCH_FOREIGN_OBJECTS ({@code --foreign-objects N}): other owners' objects
 *     made in the bench sandbox before the operator starts (see {@link ForeignObjects})
 */
public record BenchConfig(
    int flows,
    int resyncs,
    boolean create,
    Duration latency,
    double maxRps,
    Duration resyncInterval,
    int threads,
    int updatePercent,
    int simulatorThreads,
    String operatorJavaOptions,
    Duration timeout,
    int foreignObjects) {

  /**
   * The operator's JVM sized as in its Deployment's container (limits: 1 CPU, 512Mi): the JVM sees
   * one processor (and so picks SerialGC, as in the pod) and 512 MiB, and the heap is 60% of that,
   * as deploy/base's JAVA_TOOL_OPTIONS sets it (75% left 128 MiB for the ~150 MiB the JVM needs
   * besides the heap: measured 540 MiB with 10,000 flows).
   */
  static final String DEFAULT_JAVA_OPTIONS =
      "-XX:ActiveProcessorCount=1 -XX:MaxRAM=512m"
          + " -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError";

  static BenchConfig from(String[] args, Map<String, String> env) {
    Map<String, String> values = new HashMap<>(env);
    System.getProperties().forEach((k, v) -> values.put(k.toString(), v.toString()));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      values.put(ARGUMENTS.getOrDefault(args[i].substring(2), args[i].substring(2)), args[i + 1]);
    }
    boolean create = Boolean.parseBoolean(values.getOrDefault("BENCH_CREATE", "true"));
    return new BenchConfig(
        integer(values, "BENCH_FLOWS", 1000),
        integer(values, "BENCH_RESYNCS", 3),
        create,
        Duration.ofMillis(integer(values, "BENCH_LATENCY_MS", 20)),
        Double.parseDouble(values.getOrDefault("PLATFORM_MAX_RPS", "100")),
        duration(values.getOrDefault("RESYNC_INTERVAL", "30s")),
        integer(values, "RECONCILE_THREADS", 10),
        integer(values, "BENCH_UPDATE_PERCENT", 10),
        integer(values, "BENCH_SIM_THREADS", 32),
        values.getOrDefault("BENCH_OPERATOR_JAVA_OPTS", DEFAULT_JAVA_OPTIONS),
        duration(values.getOrDefault("BENCH_TIMEOUT", "30m")),
        integer(values, "BENCH_FOREIGN_OBJECTS", 0));
  }

  private static final Map<String, String> ARGUMENTS =
      Map.of(
          "flows",
          "BENCH_FLOWS",
          "resyncs",
          "BENCH_RESYNCS",
          "create",
          "BENCH_CREATE",
          "latency-ms",
          "BENCH_LATENCY_MS",
          "max-rps",
          "PLATFORM_MAX_RPS",
          "resync",
          "RESYNC_INTERVAL",
          "threads",
          "RECONCILE_THREADS",
          "update-percent",
          "BENCH_UPDATE_PERCENT",
          "foreign-objects",
          "BENCH_FOREIGN_OBJECTS");

  /** The parameters as printed and written to bench.json. */
  Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("BENCH_FLOWS", flows);
    d.put("BENCH_CREATE", create);
    d.put("BENCH_RESYNCS", resyncs);
    d.put("BENCH_LATENCY_MS", latency.toMillis());
    d.put("PLATFORM_MAX_RPS", maxRps);
    d.put("RESYNC_INTERVAL", resyncInterval.toSeconds() + "s");
    d.put("RECONCILE_THREADS", threads);
    d.put("BENCH_UPDATE_PERCENT", updatePercent);
    d.put("BENCH_SIM_THREADS", simulatorThreads);
    d.put("BENCH_OPERATOR_JAVA_OPTS", operatorJavaOptions);
    d.put("BENCH_FOREIGN_OBJECTS", foreignObjects);
    return d;
  }

  private static int integer(Map<String, String> values, String name, int fallback) {
    String v = values.get(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
  }

  /** 30s, 10m, 1h or a number of seconds. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    long n = Long.parseLong(t.replaceAll("[smh]$", ""));
    return switch (t.charAt(t.length() - 1)) {
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}

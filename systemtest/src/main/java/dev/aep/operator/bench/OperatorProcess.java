package dev.aep.operator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator under measurement: {@code dev.aep.operator.main.OperatorMain} (production wiring) in
 * its own JVM, configured through its environment and a kubeconfig pointing at the mock API server,
 * so that its memory is its own. Samples heap (from its /metrics) and RSS (from
 * /proc/&lt;pid&gt;/status) every five seconds; the kernel keeps the peak RSS itself.
 */
final class OperatorProcess implements AutoCloseable {
  private final Process process;
  private final int httpPort;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bench-sampler");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong lastRss = new AtomicLong();

  private OperatorProcess(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  /** Starts the operator and returns once /readyz answers 200 (informers synced). */
  static OperatorProcess start(
      BenchConfig config, String kubernetesUrl, String platformUrl, Path workDir, Duration timeout)
      throws IOException, InterruptedException {
    Path kubeconfig = workDir.resolve("bench-kubeconfig.yaml");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: bench
          cluster: {server: "%s"}
        users:
        - name: bench
          user: {token: bench}
        contexts:
        - name: bench
          context: {cluster: bench, user: bench}
        current-context: bench
        """
            .formatted(kubernetesUrl));
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        Arrays.stream(config.operatorJavaOptions().trim().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .toList());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.aep.operator.main.OperatorMain");
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            k ->
                k.startsWith("KUBERNETES_")
                    || k.startsWith("AEP_")
                    || k.startsWith("WATCH_")
                    || k.equals("JAVA_TOOL_OPTIONS"));
    env.put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    env.put("AEP_PLATFORM_URL", platformUrl);
    env.put("AEP_IMS_URL", platformUrl);
    env.put("AEP_ALLOW_HTTP", "true");
    env.put("PLATFORM_MAX_RPS", Double.toString(config.maxRps()));
    env.put("RESYNC_INTERVAL", config.resyncInterval().toMillis() + "ms");
    env.put("RECONCILE_THREADS", Integer.toString(config.threads()));
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("LEADER_ELECTION", "false");
    env.put("LOG_FORMAT", "text");
    builder.redirectErrorStream(true);
    builder.redirectOutput(workDir.resolve("bench-operator.log").toFile());
    OperatorProcess started = new OperatorProcess(builder.start(), port);
    started.awaitReady(timeout);
    // About as often as Prometheus would scrape: each scrape also refreshes per-flow gauges.
    started.sampler.scheduleAtFixedRate(started::sample, 0, 5, TimeUnit.SECONDS);
    return started;
  }

  long pid() {
    return process.pid();
  }

  /** Highest heap use seen by the sampler. */
  long peakHeapBytes() {
    sample();
    return peakHeap.get();
  }

  /** Resident set size now (VmRSS). */
  long rssBytes() {
    sample();
    return lastRss.get();
  }

  /** Highest resident set size of the process's life (VmHWM). */
  long peakRssBytes() {
    return procStatus("VmHWM");
  }

  /** Reconciles that finished without error so far (JOSDK's counter). */
  double reconciliations() {
    return metricSum(scrape(), "operator_sdk_reconciliations_success_total");
  }

  /** The process's heap use now, from its /metrics. */
  long heapBytes() {
    return (long) heapUsed(scrape());
  }

  private synchronized void sample() {
    if (!process.isAlive()) {
      return;
    }
    try {
      peakHeap.accumulateAndGet((long) heapUsed(scrape()), Math::max);
      lastRss.set(procStatus("VmRSS"));
    } catch (RuntimeException e) {
      // A sample lost while the process is busy or stopping is simply skipped.
    }
  }

  private long procStatus(String field) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private String scrape() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double heapUsed(String metrics) {
    double sum = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private static double metricSum(String metrics, String name) {
    double sum = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the operator exited with " + process.exitValue() + "; see target/bench-operator.log");
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/readyz"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the operator did not become ready within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Writes {@code jcmd <pid> GC.class_histogram} (which runs a full GC first) to a file. */
  void histogram(Path file) {
    writeIfRan(file, jcmd(Duration.ofMinutes(2), "GC.class_histogram"));
  }

  /** Writes {@code jcmd <pid> VM.native_memory summary} when tracking is on. */
  void nativeMemory(Path file) {
    writeIfRan(file, jcmd(Duration.ofMinutes(1), "VM.native_memory", "summary"));
  }

  /** The garbage collector the JVM chose (from {@code jcmd <pid> VM.flags}). */
  String garbageCollector() {
    String flags = jcmd(Duration.ofMinutes(1), "VM.flags");
    if (flags != null) {
      for (String gc : List.of("SerialGC", "G1GC", "ParallelGC", "ZGC", "ShenandoahGC")) {
        if (flags.contains("+Use" + gc)) {
          return gc;
        }
      }
    }
    return "unknown";
  }

  /**
   * What {@code jcmd <pid> command...} printed; null when it could not run or did not finish within
   * {@code timeout} (its output goes to a file, so a hung jcmd cannot block the read).
   */
  private String jcmd(Duration timeout, String... command) {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(process.pid()));
    line.addAll(Arrays.asList(command));
    Path output = null;
    try {
      output = Files.createTempFile("jcmd", ".txt");
      Process jcmd =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!jcmd.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        jcmd.destroyForcibly();
        System.err.println("jcmd " + String.join(" ", command) + " did not finish in " + timeout);
        return null;
      }
      return Files.readString(output);
    } catch (IOException e) {
      System.err.println("jcmd " + String.join(" ", command) + " failed: " + e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  private static void writeIfRan(Path file, String jcmdOutput) {
    if (jcmdOutput == null) {
      return;
    }
    try {
      Files.writeString(file, jcmdOutput);
    } catch (IOException e) {
      System.err.println("could not write " + file + ": " + e.getMessage());
    }
  }

  /** SIGTERM (graceful stop), then kill after 30 s. */
  @Override
  public void close() {
    sampler.shutdownNow();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}

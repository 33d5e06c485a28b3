package dev.aep.operator.main;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code java -jar operator.jar}: configuration from the environment, then run until
 * stopped.
 */
public final class OperatorMain {
  /** Exit status for a refused configuration, distinct from a crash (1). */
  static final int EXIT_BAD_CONFIGURATION = 2;

  private OperatorMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("export")) {
      // Manifests go to stdout: logs (none expected below WARN) go to stderr, set before any logger
      // exists.
      System.setProperty("aep.log.target", "System.err");
      System.setProperty("aep.log.level", "WARN");
      System.exit(
          ExportCommand.run(
              java.util.List.of(args).subList(1, args.length),
              System.getenv(),
              System.out,
              System.err));
      return;
    }
    Optional<OperatorConfig> config = configure(System.getenv(), System.err);
    if (config.isEmpty()) {
      System.exit(EXIT_BAD_CONFIGURATION);
      return;
    }
    // Loggers are created only from here on, so logback sees the chosen format.
    Logger log = LoggerFactory.getLogger(OperatorMain.class);
    try {
      run(config.get(), log);
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(EXIT_BAD_CONFIGURATION);
    } catch (RuntimeException e) {
      log.error("operator failed: {} (cause: {})", e.getMessage(), rootCause(e), e);
      System.exit(1);
    }
  }

  /**
   * Reads the configuration and selects the log format; on a refused value prints one line naming
   * the variable and returns empty. Nothing is logged before the format is chosen.
   */
  static Optional<OperatorConfig> configure(Map<String, String> env, PrintStream err) {
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnvironment(env);
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return Optional.empty();
    }
    System.setProperty("aep.log.format", config.logFormat().logbackName());
    return Optional.of(config);
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.toString();
  }

  private static void run(OperatorConfig config, Logger log) {
    // Standard resolution: in-cluster service account, then KUBECONFIG, then ~/.kube/config.
    KubernetesClient client = new KubernetesClientBuilder().build();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    log.info(
        "starting against {} (Kubernetes API {}), Platform {}",
        client.getConfiguration().getCurrentContext() != null
            ? "kubeconfig context " + client.getConfiguration().getCurrentContext().getName()
            : System.getenv("KUBERNETES_SERVICE_HOST") != null
                ? "the in-cluster service account"
                : "no kubeconfig (default API URL)",
        client.getConfiguration().getMasterUrl(),
        config.platformUrl());

    CountDownLatch stopped = new CountDownLatch(1);
    OperatorAssembly assembly =
        OperatorAssembly.builder(config, client, registry)
            // Another replica holds the lease now: exit (the shutdown hook still lets in-flight
            // reconciles finish) so the pod restarts as a standby, never two replicas reconciling.
            .onLostLeadership(() -> System.exit(1))
            .build();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // SIGTERM from the kubelet: let in-flight reconciles finish, then leave.
                  assembly.stop();
                  client.close();
                  stopped.countDown();
                },
                "graceful-shutdown"));
    assembly.start();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

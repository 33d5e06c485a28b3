package dev.aep.operator.testing;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.OperatorAssembly;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.reconciler.StripeIngestionFlowReconciler;
import dev.aep.simulator.PlatformSimulator;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The reconciler-level stack: a {@link SimulatedStack} (Kubernetes mock server with the CRD, the
 * Platform simulator) plus the real operator run in process by JOSDK with the test's own Platform
 * client and fast settings (status patches without server-side apply), which can be stopped and
 * started again against the same servers, with any reconciler. Operators built by the production
 * {@link OperatorAssembly} ({@link #assembly}) get this stack's settings and a Deployment-like
 * environment. Tests usually hold one through the JUnit extension {@code OperatorStackExtension}.
 */
public final class EmbeddedStack extends SimulatedStack {
  /** What the environment of an assembled operator sets: fast drift checks, a generous rate. */
  private static final Map<String, String> OPERATOR_ENVIRONMENT =
      Map.of(
          OperatorConfig.RESYNC_INTERVAL, "1s",
          OperatorConfig.PLATFORM_MAX_RPS, "500",
          OperatorConfig.RECONCILE_THREADS, "4",
          OperatorConfig.SHUTDOWN_TIMEOUT, "5s");

  private volatile ReconcilerSettings settings;
  private Operator operator;

  private EmbeddedStack(ReconcilerSettings settings, String tenantId) {
    super(
        new RecordingDispatcher(),
        () -> PlatformSimulator.startWithTenant(tenantId),
        OPERATOR_ENVIRONMENT);
    this.settings = settings;
  }

  /** A stack with fast test settings: resync every second, short backoff. */
  public static EmbeddedStack start() {
    return start(testSettings());
  }

  /** A stack with the given reconciler settings (the operator is not started yet). */
  public static EmbeddedStack start(ReconcilerSettings settings) {
    return new EmbeddedStack(settings, PlatformSimulator.DEFAULT_TENANT);
  }

  /** A stack with fast test settings whose simulated org has the tenant id {@code tenantId}. */
  public static EmbeddedStack startWithTenant(String tenantId) {
    return new EmbeddedStack(testSettings(), tenantId);
  }

  /** Settings for tests: resync every second with 10% jitter, backoff 100 ms .. 1 s. */
  public static ReconcilerSettings testSettings() {
    return ReconcilerSettings.defaults()
        .withResyncInterval(Duration.ofSeconds(1))
        .withRetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  /** The reconciler settings of the operator started last (or to be started). */
  public ReconcilerSettings settings() {
    return settings;
  }

  /** Starts the operator with the production reconciler. */
  public EmbeddedStack startOperator() {
    return startOperator(StripeIngestionFlowReconciler::new);
  }

  /** Starts the operator with the production reconciler and other settings. */
  public synchronized EmbeddedStack startOperator(ReconcilerSettings newSettings) {
    if (operator != null) {
      throw new IllegalStateException("operator already running");
    }
    settings = newSettings;
    return startOperator();
  }

  /** Starts the operator with a reconciler built by {@code factory} from platform and settings. */
  public synchronized EmbeddedStack startOperator(
      BiFunction<Platform, ReconcilerSettings, Reconciler<StripeIngestionFlow>> factory) {
    if (operator != null) {
      throw new IllegalStateException("operator already running");
    }
    Operator started =
        new Operator(
            o ->
                o.withKubernetesClient(client())
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withConcurrentReconciliationThreads(4)
                    .withReconciliationTerminationTimeout(Duration.ofMillis(300)));
    started.register(factory.apply(platform(), settings));
    started.start();
    operator = started;
    return this;
  }

  /** Stops the operator (like a process exit: in-flight reconciles are interrupted). */
  public synchronized void stopOperator() {
    if (operator != null) {
      Operator running = operator;
      operator = null;
      running.stop();
    }
  }

  /**
   * Builds (not starts) an operator the way {@code OperatorMain} does, from an environment pointed
   * at this stack ({@code extraEnv} wins), with this stack's settings.
   */
  public OperatorAssembly assembly(Map<String, String> extraEnv) {
    return replica(extraEnv, settings).assembly();
  }

  @Override
  public void close() {
    stopOperator();
    super.close();
  }
}

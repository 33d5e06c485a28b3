package dev.aep.operator.main;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.platform.http.HttpPlatformOptions;
import dev.aep.operator.platform.http.PlatformEndpoints;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.operator.reconciler.StripeIngestionFlowReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root's builder: turns an {@link OperatorConfig}, a Kubernetes client and a
 * Prometheus registry into a running operator (JOSDK controller, Platform client, leader election,
 * health and metrics endpoint). OperatorMain, the tests and the demo all run this same wiring.
 */
public final class OperatorAssembly implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OperatorAssembly.class);

  /** How long start() waits for the informers to sync before failing. */
  private static final Duration CACHE_SYNC_TIMEOUT = Duration.ofMinutes(2);

  private final OperatorConfig config;
  private final Operator operator;
  private final RegisteredController<StripeIngestionFlow> controller;
  private final PrometheusMeterRegistry registry;
  private final FlowMetrics flowMetrics;
  private final InetAddress httpAddress;
  private final Runnable onLostLeadership;
  private final Platform platform;
  private final KubernetesClient client;
  private final LeaseLock leaseLock;
  private final AutoCloseable ownedPlatform;
  private final AtomicBoolean leader = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile OperatorHttpServer httpServer;

  private OperatorAssembly(
      Builder b,
      Platform platform,
      AutoCloseable ownedPlatform,
      Reconciler<StripeIngestionFlow> reconciler) {
    this.config = b.config;
    this.platform = platform;
    this.ownedPlatform = ownedPlatform;
    this.client = b.client;
    this.registry = b.registry;
    this.httpAddress = b.httpAddress;
    this.onLostLeadership = b.onLostLeadership != null ? b.onLostLeadership : this::stop;
    Optional<LeaderElectionConfiguration> election = leaderElection(b);
    this.leaseLock =
        election
            .map(
                e ->
                    new LeaseLock(
                        e.getLeaseNamespace().orElseThrow(),
                        e.getLeaseName(),
                        config.leaderElection().identity()))
            .orElse(null);
    this.operator = new Operator(o -> configure(o, b, election));
    this.controller =
        operator.register(
            reconciler,
            overrider -> {
              overrider.withRetry(retry());
              if (!config.watchAllNamespaces()) {
                overrider.settingNamespaces(config.watchNamespaces());
              }
              config.watchLabelSelector().ifPresent(overrider::withLabelSelector);
            });
    this.flowMetrics = new FlowMetrics(registry, this::cachedFlows);
  }

  /** Starts building an assembly. */
  public static Builder builder(
      OperatorConfig config, KubernetesClient client, PrometheusMeterRegistry registry) {
    return new Builder(config, client, registry);
  }

  /**
   * Starts the health/metrics endpoint, then the controller; returns once the informers have synced
   * (and, with leader election, once this replica has joined the election).
   */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    // Probes must answer while the informers sync, so the endpoint comes first.
    httpServer =
        OperatorHttpServer.start(
            new InetSocketAddress(httpAddress, config.httpPort()),
            this::liveness,
            this::readiness,
            this::scrape);
    log.info(
        "serving /healthz, /readyz and /metrics on {}:{}",
        httpAddress.getHostAddress(),
        httpServer.port());
    operator.start();
    if (!config.leaderElection().enabled()) {
      leader.set(true);
    }
    log.info(
        "operator started: namespaces={}, labelSelector={}, leaderElection={}, platform={}",
        config.watchAllNamespaces() ? "all" : String.join(",", config.watchNamespaces()),
        config.watchLabelSelector().orElse("none"),
        config.leaderElection().enabled() ? config.leaderElection().leaseName() : "off",
        config.platformUrl());
  }

  /**
   * Stops gracefully: no new reconciles start, in-flight ones get up to SHUTDOWN_TIMEOUT to finish,
   * then the endpoint closes. Safe to call more than once.
   */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    log.info("stopping: in-flight reconciles have {} to finish", config.shutdownTimeout());
    boolean wasLeader = leader.get();
    try {
      operator.stop();
      if (wasLeader && leaseLock != null) {
        releaseLease();
      }
    } finally {
      leader.set(false);
      if (httpServer != null) {
        httpServer.close();
      }
      closePlatform();
    }
  }

  /**
   * Hands the lease over at once instead of letting the standby wait for it to expire (JOSDK
   * cancels the election without releasing). Only called once no reconcile runs any more.
   */
  private void releaseLease() {
    try {
      LeaderElectionRecord current = leaseLock.get(client);
      if (current == null
          || !config.leaderElection().identity().equals(current.getHolderIdentity())) {
        return;
      }
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
      leaseLock.update(
          client,
          new LeaderElectionRecord(
              null, Duration.ofSeconds(1), now, now, current.getLeaderTransitions()));
      log.info("released lease {}", leaseLock.describe());
    } catch (KubernetesClientException e) {
      // The standby then simply waits for the lease to expire.
      log.warn("could not release lease {}: {}", leaseLock.describe(), e.getMessage());
    }
  }

  private void closePlatform() {
    if (ownedPlatform == null) {
      return;
    }
    try {
      ownedPlatform.close();
    } catch (Exception e) {
      log.warn("closing the Platform client failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The port of the health/metrics endpoint (once started). */
  public int httpPort() {
    if (httpServer == null) {
      throw new IllegalStateException("not started");
    }
    return httpServer.port();
  }

  /** Whether this replica currently reconciles (always true without leader election). */
  public boolean isLeader() {
    return leader.get();
  }

  /** The Platform client the reconciler talks to. */
  public Platform platform() {
    return platform;
  }

  /** The JOSDK operator, for tests that need to look inside. */
  public Operator operator() {
    return operator;
  }

  /** /healthz: the process is up and has not been asked to stop. */
  public HealthStatus liveness() {
    return stopping.get() ? HealthStatus.failing("stopping") : HealthStatus.ok("ok");
  }

  /**
   * /readyz: the informers are synced and watching. A standby replica is ready too: it has a warm
   * cache and takes over as soon as it wins the lease.
   */
  public HealthStatus readiness() {
    if (stopping.get()) {
      return HealthStatus.failing("stopping");
    }
    if (!started.get() || !operator.getRuntimeInfo().isStarted()) {
      return HealthStatus.failing("starting: informers not synced yet");
    }
    if (!operator.getRuntimeInfo().allEventSourcesAreHealthy()) {
      return HealthStatus.failing(
          "informers unhealthy: " + operator.getRuntimeInfo().unhealthyEventSources());
    }
    if (!config.leaderElection().enabled()) {
      return HealthStatus.ok("ready");
    }
    return HealthStatus.ok(leader.get() ? "ready (leader)" : "ready (standby)");
  }

  /** The Prometheus text of /metrics, with the per-flow gauges brought up to date first. */
  public String scrape() {
    flowMetrics.refresh();
    return registry.scrape();
  }

  /** The flows in the controller's informer cache; empty until the informers run. */
  private Stream<StripeIngestionFlow> cachedFlows() {
    if (!(controller instanceof Controller<StripeIngestionFlow> c)
        || !operator.getRuntimeInfo().isStarted()) {
      return Stream.empty();
    }
    return c.getEventSourceManager().getControllerEventSource().list(flow -> true);
  }

  private void configure(
      ConfigurationServiceOverrider o, Builder b, Optional<LeaderElectionConfiguration> election) {
    o.withKubernetesClient(b.client)
        // The Fabric8 mock server cannot do server-side apply, and the status writes are merge
        // patches by design: tests and production take the same path.
        .withUseSSAToPatchPrimaryResource(false)
        .withSSABasedCreateUpdateMatchForDependentResources(false)
        .withConcurrentReconciliationThreads(config.reconcileThreads())
        .withReconciliationTerminationTimeout(config.shutdownTimeout())
        .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
        // The client belongs to whoever built it (OperatorMain closes its own).
        .withCloseClientOnStop(false)
        .withStopOnInformerErrorDuringStartup(true)
        .withCacheSyncTimeout(CACHE_SYNC_TIMEOUT);
    election.ifPresent(o::withLeaderElectionConfiguration);
  }

  /** Exponential backoff for reconciles that throw: 2 s doubling to 5 min, never giving up. */
  static GenericRetry retry() {
    return new GenericRetry()
        .setInitialInterval(Duration.ofSeconds(2))
        .setIntervalMultiplier(2.0)
        .setMaxInterval(Duration.ofMinutes(5).toMillis())
        .withoutMaxAttempts();
  }

  private Optional<LeaderElectionConfiguration> leaderElection(Builder b) {
    OperatorConfig.LeaderElection le = config.leaderElection();
    if (!le.enabled()) {
      return Optional.empty();
    }
    String namespace =
        le.leaseNamespace().orElseGet(() -> b.client.getConfiguration().getNamespace());
    if (namespace == null || namespace.isBlank()) {
      throw new ConfigException(
          OperatorConfig.LEADER_ELECTION_NAMESPACE,
          "required when leader election is on outside a pod (or set LEADER_ELECTION=false)");
    }
    LeaderCallbacks callbacks =
        new LeaderCallbacks(
            () -> {
              leader.set(true);
              log.info("leading as {}: reconciling", le.identity());
            },
            () -> {
              boolean wasLeader = leader.getAndSet(false);
              // Cancelling the election on stop also lands here; only an unexpected loss counts.
              if (wasLeader && !stopping.get()) {
                log.error("lost the lease {}/{}: stopping", namespace, le.leaseName());
                // Not on the elector's thread: stopping waits for the executor that runs it.
                Thread t = new Thread(onLostLeadership, "lost-leadership");
                t.setDaemon(false);
                t.start();
              }
            },
            newLeader -> log.info("lease {}/{} held by {}", namespace, le.leaseName(), newLeader));
    return Optional.of(
        LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(le.leaseName())
            .withLeaseNamespace(namespace)
            .withIdentity(le.identity())
            .withLeaseDuration(b.leaseDuration)
            .withRenewDeadline(b.renewDeadline)
            .withRetryPeriod(b.retryPeriod)
            .withLeaderCallbacks(callbacks)
            // JOSDK would System.exit; the assembly decides (OperatorMain exits, tests stop).
            .withExitOnStopLeading(false)
            .build());
  }

  /** Builds an {@link OperatorAssembly}; defaults are production's. */
  public static final class Builder {
    private final OperatorConfig config;
    private final KubernetesClient client;
    private final PrometheusMeterRegistry registry;
    private ReconcilerSettings reconcilerSettings;
    private Platform platform;
    private InetAddress httpAddress = anyAddress();
    private Duration leaseDuration = LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE;
    private Duration renewDeadline = LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE;
    private Duration retryPeriod = LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE;
    private Runnable onLostLeadership;

    private Builder(
        OperatorConfig config, KubernetesClient client, PrometheusMeterRegistry registry) {
      this.config = Objects.requireNonNull(config);
      this.client = Objects.requireNonNull(client);
      this.registry = Objects.requireNonNull(registry);
    }

    /**
     * Uses this Platform instead of the HTTP client built from the configuration (which the
     * assembly then owns and closes on stop); the caller keeps ownership of the one given here.
     */
    public Builder platform(Platform platform) {
      this.platform = platform;
      return this;
    }

    /**
     * Reconciler tuning; by default {@link ReconcilerSettings#defaults()} with RESYNC_INTERVAL. The
     * demo and tests shorten the resync and the backoff.
     */
    public Builder reconcilerSettings(ReconcilerSettings settings) {
      this.reconcilerSettings = Objects.requireNonNull(settings);
      return this;
    }

    /**
     * Where /healthz, /readyz and /metrics listen: all interfaces by default, loopback in tests.
     */
    public Builder httpAddress(InetAddress address) {
      this.httpAddress = Objects.requireNonNull(address);
      return this;
    }

    /** Lease timings (JOSDK defaults: 15 s, 10 s, 2 s); tests shorten them. */
    public Builder leaseTimings(Duration duration, Duration renewDeadline, Duration retryPeriod) {
      this.leaseDuration = duration;
      this.renewDeadline = renewDeadline;
      this.retryPeriod = retryPeriod;
      return this;
    }

    /** What to do when this replica loses the lease unexpectedly (default: stop reconciling). */
    public Builder onLostLeadership(Runnable action) {
      this.onLostLeadership = action;
      return this;
    }

    /**
     * Builds the operator without starting it.
     *
     * @throws ConfigException when leader election is on and no lease namespace can be found
     */
    public OperatorAssembly build() {
      ReconcilerSettings settings =
          reconcilerSettings != null
              ? reconcilerSettings
              : ReconcilerSettings.defaults().withResyncInterval(config.resyncInterval());
      Function<Platform, Reconciler<StripeIngestionFlow>> reconcilerFactory =
          p -> new StripeIngestionFlowReconciler(p, settings);
      if (platform != null) {
        return new OperatorAssembly(this, platform, null, reconcilerFactory.apply(platform));
      }
      HttpPlatform http =
          new HttpPlatform(
              new PlatformEndpoints(config.platformUrl(), config.imsUrl(), config.allowHttp()),
              HttpPlatformOptions.defaults().withMaxRequestsPerSecond(config.platformMaxRps()),
              registry);
      try {
        return new OperatorAssembly(this, http, http, reconcilerFactory.apply(http));
      } catch (RuntimeException e) {
        http.close();
        throw e;
      }
    }

    private static InetAddress anyAddress() {
      try {
        return InetAddress.getByAddress(new byte[4]);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

package dev.aep.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.aep.simulator.api.AdminApi;
import dev.aep.simulator.api.CatalogApi;
import dev.aep.simulator.api.DataPrepApi;
import dev.aep.simulator.api.DescriptorsApi;
import dev.aep.simulator.api.FieldGroupsApi;
import dev.aep.simulator.api.FlowServiceApi;
import dev.aep.simulator.api.ImsApi;
import dev.aep.simulator.api.RegistryResources;
import dev.aep.simulator.api.SchemaRegistryApi;
import dev.aep.simulator.http.Gateway;
import dev.aep.simulator.http.Router;
import dev.aep.simulator.http.Service;
import dev.aep.simulator.store.Store;
import dev.aep.simulator.xdm.SchemaResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Platform simulator: IMS, Flow Service, Schema Registry, Catalog and Data Prep over real HTTP
 * on 127.0.0.1, with state, fault switches, a clock and a request log. Embed it with {@code try
 * (var sim = PlatformSimulator.start()) { ... sim.baseUrl() ... }}; baseUrl serves both
 * /data/foundation/... and /ims/token/v3, and /simulator/admin/... for out-of-process control.
 */
public final class PlatformSimulator implements AutoCloseable {
  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: every call would take about 40 ms. Read once, when the server classes load.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Store store = new Store();
  private final SimClock clock = new SimClock();
  private final Accounts accounts = new Accounts();
  private final StripeSource stripe = new StripeSource();
  private final RequestLog requestLog = new RequestLog();
  private final DatasetRows datasetRows = new DatasetRows();
  private final Faults faults;
  private final RunScheduler scheduler;
  private final Inventory inventory;
  private final Router router = new Router();
  private final HttpServer server;
  private final ExecutorService executor;

  /** HTTP worker threads unless the embedder asks for more. */
  public static final int DEFAULT_THREADS = 8;

  /** The tenant id (TENANT_ID of platform-api.md 9) unless the embedder chooses one. */
  public static final String DEFAULT_TENANT = "simtenant";

  private final String tenantId;
  private final SchemaResolver schemas;

  private PlatformSimulator(InetAddress bindAddress, int port, int threads, String tenantId) {
    if (tenantId == null || !tenantId.matches("[a-z][a-z0-9]*")) {
      throw new IllegalArgumentException(
          "tenant id must be lower-case letters and digits: " + tenantId);
    }
    this.tenantId = tenantId;
    this.schemas = new SchemaResolver(store);
    faults = new Faults(accounts, store, clock);
    scheduler =
        new RunScheduler(store, clock, faults, stripe, new RunIngest(store, schemas), datasetRows);
    inventory = new Inventory(store, scheduler);
    clock.onAdvance(scheduler::tick);
    new ImsApi(accounts).register(router);
    new FlowServiceApi(store, clock, stripe, scheduler, faults).register(router);
    RegistryResources.Context registry =
        new RegistryResources.Context(store, clock, tenantId, schemas);
    new SchemaRegistryApi(registry).register(router);
    new FieldGroupsApi(registry).register(router);
    new DescriptorsApi(registry).register(router);
    new CatalogApi(store, clock).register(router);
    new DataPrepApi(store, clock, schemas).register(router);
    new AdminApi(this).register(router);
    AtomicInteger n = new AtomicInteger();
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "platform-simulator-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot bind " + bindAddress.getHostAddress() + ":" + port, e);
    }
    server.createContext(
        "/", new Dispatcher(router, new Gateway(accounts), faults, requestLog, scheduler, store));
    server.setExecutor(executor);
    server.start();
  }

  /** Starts on a free port of 127.0.0.1. */
  public static PlatformSimulator start() {
    return startWithTenant(DEFAULT_TENANT);
  }

  /**
   * Starts on a free port of 127.0.0.1 for an org whose tenant id is {@code tenantId}: custom
   * fields then live under {@code _<tenantId>}, as two real orgs differ.
   */
  public static PlatformSimulator startWithTenant(String tenantId) {
    return new PlatformSimulator(InetAddress.getLoopbackAddress(), 0, DEFAULT_THREADS, tenantId);
  }

  /**
   * Starts on the given address and port (0 = any free one) for the given tenant id. Only the
   * container image binds beyond loopback (its pod network is the boundary); tests and the demo
   * always use {@link #start()}.
   */
  public static PlatformSimulator start(InetAddress bindAddress, int port, String tenantId) {
    return new PlatformSimulator(bindAddress, port, DEFAULT_THREADS, tenantId);
  }

  /**
   * Starts with {@code threads} HTTP workers. Injected latency is slept on a worker, so a benchmark
   * with many concurrent callers and latency needs more than the default.
   */
  public static PlatformSimulator start(InetAddress bindAddress, int port, int threads) {
    return new PlatformSimulator(bindAddress, port, threads, DEFAULT_TENANT);
  }

  /** The org's tenant id: {@code GET /schemaregistry/stats} answers it. */
  public String tenantId() {
    return tenantId;
  }

  /** Resolves schemas into their fields, for tests and the admin API. */
  public SchemaResolver schemas() {
    return schemas;
  }

  /** http://127.0.0.1:port, to use as both AEP_PLATFORM_URL and AEP_IMS_URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The port the simulator listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The fault switches: rate limits, errors, latency, token expiry, out-of-band changes. */
  public Faults faults() {
    return faults;
  }

  /** Every stored object across orgs and sandboxes, as a GET would show it now. */
  public Inventory inventory() {
    return inventory;
  }

  /**
   * The latest rows runs wrote to a dataset (at most {@link DatasetRows#KEPT}), oldest first, as
   * mapped: nested objects by destination path, nulls omitted. Empty for an unknown dataset.
   */
  public List<ObjectNode> datasetRows(String datasetId) {
    synchronized (store) {
      scheduler.tick();
      return datasetRows.of(datasetId);
    }
  }

  /** Every Platform and IMS call answered so far (admin calls excluded). */
  public RequestLog requestLog() {
    return requestLog;
  }

  /** The simulated "now" of schedules, runs and timestamps; tests move it forward. */
  public SimClock clock() {
    return clock;
  }

  /** The IMS clients, their tokens and the sandboxes that exist. */
  public Accounts accounts() {
    return accounts;
  }

  /** The Stripe account behind base connections: which keys it refuses. */
  public StripeSource stripe() {
    return stripe;
  }

  /** Shorthand for accounts().addSandbox(name). */
  public PlatformSimulator addSandbox(String name) {
    accounts.addSandbox(name);
    return this;
  }

  /** The Platform and IMS endpoints served (admin endpoints excluded). */
  public List<Endpoint> routes() {
    return endpoints(false);
  }

  /** The admin endpoints, for documentation and the demo. */
  public List<Endpoint> adminRoutes() {
    return endpoints(true);
  }

  private List<Endpoint> endpoints(boolean admin) {
    return router.routes().stream()
        .filter(r -> (r.service() == Service.ADMIN) == admin)
        .map(r -> new Endpoint(r.method(), r.template(), r.kind()))
        .toList();
  }

  /**
   * Forgets every object, run, fault, rejected Stripe token and logged request, and puts the clock
   * back to real time. Accounts, sandboxes and issued tokens stay valid.
   */
  public void reset() {
    synchronized (store) {
      store.clear();
      faults.clear();
      stripe.clear();
      requestLog.clear();
      datasetRows.clear();
      clock.reset();
    }
  }
}

package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.http.HttpPlatform;
import dev.aep.operator.platform.http.HttpPlatformOptions;
import dev.aep.operator.platform.http.PlatformEndpoints;
import dev.aep.operator.platform.http.RetryPolicy;
import dev.aep.operator.reconciler.observe.BulkObservation;
import dev.aep.operator.reconciler.observe.Observation;
import dev.aep.operator.reconciler.steps.Credentials;
import dev.aep.operator.reconciler.steps.FlowContext;
import dev.aep.operator.reconciler.steps.FlowSteps;
import dev.aep.operator.reconciler.steps.NotReady;
import dev.aep.operator.reconciler.steps.PlatformFacts;
import dev.aep.operator.reconciler.steps.Step;
import dev.aep.operator.reconciler.steps.StepFailure;
import dev.aep.operator.testing.RepoRoot;
import dev.aep.operator.testing.SimulatorAccount;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import dev.aep.simulator.RequestLog;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The step executor without Kubernetes: the production steps ({@link FlowSteps#tutorialOrder()}),
 * the production observation ({@link BulkObservation}) and the real HTTP client ({@link
 * HttpPlatform}) against an in-process {@link PlatformSimulator}, reached through a {@link
 * RecordingProxy} so that tests see the {@code If-Match} header of every call. A pass works on a
 * copy of the flow's status and keeps it the way the reconciler writes status: after a pass that
 * ends (succeeded, waiting or failed), not after one that crashed.
 */
final class ExecutorBench implements AutoCloseable {
  static final PlatformAccount ACCOUNT = SimulatorAccount.DEFAULT;
  static final String SANDBOX = "prod";
  static final String NAMESPACE = "table";
  static final String UID = "5b0c6a53-7c55-4c3e-9d3a-0e2f6d1c7a11";

  /** The operator's clock, fixed: schedules start in 2099, so no run is ever due or read. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  static final String START_TIME = "2099-01-01T00:00:00Z";
  static final int MAX_CONFLICT_RETRIES = 3;
  static final Credentials CREDENTIALS =
      new Credentials(ACCOUNT, "sk_test_table", "1", NAMESPACE + "/stripe (key accessToken)");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  final PlatformSimulator sim;
  final RecordingProxy proxy;
  final HttpPlatform platform;
  final PlatformSession session;

  ExecutorBench() {
    sim = PlatformSimulator.start();
    proxy = RecordingProxy.start(sim.baseUrl());
    platform =
        new HttpPlatform(
            PlatformEndpoints.single(proxy.baseUrl(), true),
            HttpPlatformOptions.defaults()
                .withMaxRequestsPerSecond(10_000)
                .withRetryPolicy(
                    RetryPolicy.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(5)))
                .withTimeouts(
                    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)),
            new SimpleMeterRegistry());
    session = platform.session(ACCOUNT, SANDBOX);
  }

  /** Forgets every object and call; flows do not linger in {@code updating} after a write. */
  void reset() {
    sim.reset();
    sim.faults().flowTransition(Duration.ZERO);
    proxy.clear();
  }

  @Override
  public void close() {
    platform.close();
    proxy.close();
    sim.close();
  }

  /**
   * The sample {@code samples/charges.yaml}, made deterministic: namespace, uid and a start time in
   * 2099.
   */
  static StripeIngestionFlow sample() {
    StripeIngestionFlow flow =
        SERIALIZATION.unmarshal(RepoRoot.read("samples/charges.yaml"), StripeIngestionFlow.class);
    flow.getMetadata().setNamespace(NAMESPACE);
    flow.getMetadata().setUid(UID);
    flow.getMetadata().setGeneration(1L);
    flow.getSpec().getSchedule().setStartTime(START_TIME);
    return flow;
  }

  static StripeIngestionFlowStatus copy(StripeIngestionFlowStatus status) {
    return SERIALIZATION.clone(status);
  }

  /** Every answered call, as the simulator logged it, with the If-Match header the proxy saw. */
  record Call(RequestLog.Entry entry, String ifMatch) {
    String method() {
      return entry.method();
    }

    String path() {
      return entry.path();
    }

    int status() {
      return entry.status();
    }

    Kind kind() {
      return entry.kind();
    }

    boolean write() {
      return entry.write();
    }

    @Override
    public String toString() {
      return entry + (ifMatch == null ? "" : " [If-Match " + ifMatch + "]");
    }
  }

  /** Every call since the last reset, simulator log and proxy log side by side. */
  List<Call> calls() {
    List<RequestLog.Entry> logged = sim.requestLog().entries();
    List<RecordingProxy.Call> seen = proxy.calls();
    if (logged.size() != seen.size()) {
      throw new IllegalStateException(
          "simulator logged "
              + logged.size()
              + " calls, the proxy forwarded "
              + seen.size()
              + ": "
              + logged
              + " / "
              + seen);
    }
    List<Call> out = new ArrayList<>();
    for (int i = 0; i < logged.size(); i++) {
      RequestLog.Entry e = logged.get(i);
      RecordingProxy.Call p = seen.get(i);
      if (!e.method().equals(p.method()) || !e.path().equals(p.path())) {
        throw new IllegalStateException("call " + i + " differs: " + e + " / " + p);
      }
      out.add(new Call(e, p.ifMatch()));
    }
    return out;
  }

  /** How one pass ended. */
  enum End {
    SUCCEEDED,
    WAITING,
    FAILED,
    CRASHED
  }

  /**
   * What a pass did: how it ended, the failure if any, the executor's change summary (verb: what)
   * and every Platform call it made.
   */
  record Pass(End end, Throwable failure, List<String> changes, List<Call> calls) {
    List<Call> writes() {
      return calls.stream().filter(Call::write).toList();
    }

    List<Call> writes(Kind kind) {
      return calls.stream().filter(c -> c.write() && c.kind() == kind).toList();
    }

    List<Call> of(Kind kind) {
      return calls.stream().filter(c -> c.kind() == kind).toList();
    }

    /** The failure's reason when the pass failed with a {@link StepFailure}. */
    String reason() {
      return failure instanceof StepFailure f ? f.reason() : null;
    }
  }

  /**
   * Thrown by the creation observer to stop a pass right after a create, before status is written:
   * an Error, so that the executor's classification of failures does not catch it.
   */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String step, String id) {
      super("crashed right after creating " + step + " " + id);
    }
  }

  /**
   * One flow as an operator process holds it: the flow, its last written status, whether its last
   * pass succeeded (so the next one skips the sweep, as for a Ready flow) and the process's {@link
   * PlatformFacts}. A new {@code Operator} is a restarted process.
   */
  final class Operator {
    final StripeIngestionFlow flow;
    StripeIngestionFlowStatus status;
    private boolean ready;
    private final PlatformFacts facts = new PlatformFacts();
    private final StepExecutor executor;
    private final List<Step<?>> steps = FlowSteps.tutorialOrder();

    Operator(StripeIngestionFlow flow) {
      this(flow, new StripeIngestionFlowStatus(), CreationObserver.NONE);
    }

    Operator(
        StripeIngestionFlow flow, StripeIngestionFlowStatus status, CreationObserver creations) {
      this.flow = flow;
      this.status = status;
      this.executor = new StepExecutor(MAX_CONFLICT_RETRIES, creations);
    }

    /**
     * A fresh observation, as a pass sees the Platform once the resync interval has passed: every
     * kind is listed again. One hour of maximum age, so a test never outlives a snapshot.
     */
    Observation observation() {
      return new BulkObservation(Duration.ofHours(1), CLOCK);
    }

    /** One reconcile pass with a fresh observation. */
    Pass reconcile() {
      return reconcile(observation());
    }

    /** One reconcile pass seeing the Platform through {@code observation}. */
    Pass reconcile(Observation observation) {
      return run(observation, ctx -> executor.apply(steps, ctx, recorder(), !ready));
    }

    /** One cleanup pass (the flow is being deleted) with a fresh observation. */
    Pass cleanup() {
      return run(observation(), ctx -> executor.delete(steps, ctx, recorder()));
    }

    private final List<String> changes = new ArrayList<>();

    private PassRecorder recorder() {
      return (verb, what) -> changes.add(verb + ": " + what);
    }

    private Pass run(Observation observation, java.util.function.Consumer<FlowContext> work) {
      changes.clear();
      int before = calls().size();
      Observation.Observed observed = observation.open(session);
      StripeIngestionFlowStatus working = copy(status);
      FlowContext ctx =
          new FlowContext(
              flow,
              working,
              observed.session(),
              observed.observer(),
              CREDENTIALS,
              CLOCK,
              facts,
              new FlowContext.Scratch());
      End end;
      Throwable failure = null;
      try {
        work.accept(ctx);
        end = End.SUCCEEDED;
      } catch (Crash crash) {
        end = End.CRASHED;
        failure = crash;
      } catch (NotReady waiting) {
        end = End.WAITING;
        failure = waiting;
      } catch (StepFailure failed) {
        end = End.FAILED;
        failure = failed;
      }
      if (end != End.CRASHED) {
        // The reconciler writes the working status when a pass ends; a crash loses it.
        status = working;
        ready = end == End.SUCCEEDED;
      }
      List<Call> all = calls();
      return new Pass(
          end, failure, List.copyOf(changes), List.copyOf(all.subList(before, all.size())));
    }
  }

  static String bare(String etag) {
    return etag == null ? null : etag.replace("\"", "");
  }

  static boolean sameEtag(String a, String b) {
    return Objects.equals(bare(a), bare(b));
  }
}

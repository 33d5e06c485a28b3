package dev.aep.operator.testing;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.simulator.Accounts;
import dev.aep.simulator.RequestLog;
import java.time.Instant;
import java.util.List;

/** Test fixtures built from the committed samples, and simulator inventory helpers. */
public final class Flows {
  /**
   * A day before the samples' {@code schedule.startTime} (2026-12-01T00:00:00Z). Tests run the
   * simulator's clock from here, so "no run yet" and "start time still ahead" hold on any date.
   */
  public static final Instant BEFORE_SAMPLE_SCHEDULES = Instant.parse("2026-11-30T00:00:00Z");

  private Flows() {}

  /** A new simulator whose clock starts at {@link #BEFORE_SAMPLE_SCHEDULES}. */
  public static PlatformSimulator simulatorBeforeSampleSchedules() {
    PlatformSimulator simulator = PlatformSimulator.start();
    simulator.clock().reset(BEFORE_SAMPLE_SCHEDULES);
    return simulator;
  }

  /**
   * The charges sample as a flow named {@code name} in {@code namespace},, in the sandbox named like
   * the namespace (tests isolate their Platform traffic that way), with schema title and dataset
   * name made unique.
   */
  public static StripeIngestionFlow charges(EmbeddedStack stack, String namespace, String name) {
    StripeIngestionFlow flow = stack.loadSample("charges.yaml", StripeIngestionFlow.class);
    flow.getMetadata().setNamespace(namespace);
    flow.getMetadata().setName(name);
    flow.getSpec().getTarget().getSchema().getCreate()
        .setTitle("Stripe charges " + namespace + "/" + name);
    flow.getSpec().getTarget().getDataset().getCreate()
        .setName("Stripe charges " + namespace + "/" + name);
    flow.getSpec().getPlatform().setSandbox(namespace);
    return flow;
  }

  /** The simulator's default account (the one in the samples' credentials Secret). */
  public static PlatformAccount account() {
    return PlatformAccount.of(Accounts.DEFAULT_CLIENT_ID, Accounts.DEFAULT_CLIENT_SECRET,
        Accounts.DEFAULT_ORG_ID);
  }

  /** A Platform session in a sandbox, for changing things "out of band". */
  public static PlatformSession session(EmbeddedStack stack, String sandbox) {
    return stack.platform().session(account(), sandbox);
  }

  /** Requests the simulator answered for one sandbox. */
  public static List<RequestLog.Entry> requests(PlatformSimulator sim, String sandbox) {
    return sim.requestLog().entries().stream().filter(e -> sandbox.equals(e.sandbox())).toList();
  }

  /** Writes (POST, PUT, PATCH, DELETE) the simulator answered for one sandbox. */
  public static long platformWrites(PlatformSimulator sim, String sandbox) {
    return requests(sim, sandbox).stream().filter(RequestLog.Entry::write).count();
  }

  /** Requests of one method whose path matches a regex, in one sandbox. */
  public static long count(PlatformSimulator sim, String sandbox, String method, String pathRegex) {
    return requests(sim, sandbox).stream()
        .filter(e -> method.equals(e.method()) && e.path().matches(pathRegex))
        .count();
  }

  /** Objects of a kind in the simulator whose description or name mentions {@code marker}. */
  public static List<ObjectNode> objects(PlatformSimulator sim, Kind kind, String marker) {
    return sim.inventory().list(kind).stream()
        .filter(o -> o.path("description").asText("").contains(marker)
            || o.path("name").asText("").contains(marker))
        .toList();
  }

  /** The id of an inventory object ({@code id} or, for schemas, {@code $id}). */
  public static String id(ObjectNode object) {
    return object.has("id") ? object.get("id").asText() : object.path("$id").asText();
  }
}

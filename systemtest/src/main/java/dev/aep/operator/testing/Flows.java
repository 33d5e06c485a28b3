package dev.aep.operator.testing;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRequest;
import dev.aep.simulator.Accounts;
import dev.aep.simulator.RequestLog;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Test fixtures built from the committed samples, and simulator inventory helpers. */
public final class Flows {
  private Flows() {}

  /**
   * The charges sample as a flow named {@code name} in {@code namespace}, in the sandbox named like
   * the namespace (tests isolate their Platform traffic that way), with schema title and dataset
   * name made unique, and its first run a day ahead on the simulator's clock: the sample's fixed
   * start time is in the past from 2026-12-01 on, and tests that want runs advance the clock.
   */
  public static StripeIngestionFlow charges(EmbeddedStack stack, String namespace, String name) {
    StripeIngestionFlow flow = stack.loadSample("charges.yaml", StripeIngestionFlow.class);
    flow.getSpec().getSchedule().setStartTime(stack.simulator().clock().now()
        .plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS).toString());
    flow.getMetadata().setNamespace(namespace);
    flow.getMetadata().setName(name);
    flow.getSpec().getTarget().getSchema().getCreate()
        .setTitle("Stripe charges " + namespace + "/" + name);
    flow.getSpec().getTarget().getDataset().getCreate()
        .setName("Stripe charges " + namespace + "/" + name);
    flow.getSpec().getPlatform().setSandbox(namespace);
    return flow;
  }

  /**
   * A schema made by hand, as a user with an existing target would have it: an ExperienceEvent
   * schema with a tenant field group holding every field the existing-schema sample maps.
   */
  public static Schema existingChargesSchema(PlatformSession session, String title) {
    String classId = "https://ns.adobe.com/xdm/context/experienceevent";
    String tenant = "_" + session.schemaRegistry().tenantId();
    FieldGroup group = session.schemaRegistry().createFieldGroup(new FieldGroupRequest(title + " fields",
        "made by hand", classId, Map.of(tenant + ".stripe.chargeId", "string",
            tenant + ".stripe.amount", "integer", tenant + ".stripe.currency", "string")));
    return session.schemaRegistry().createSchema(
        new SchemaRequest(title, "made by hand", classId, List.of(group.id())));
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

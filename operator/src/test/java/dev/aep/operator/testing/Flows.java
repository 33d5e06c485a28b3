package dev.aep.operator.testing;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Test fixtures built from the committed samples, and simulator inventory helpers. */
public final class Flows {
  private Flows() {}

  /**
   * The charges sample as a flow named {@code name} in {@code namespace}, with schema title and
   * dataset name made unique per namespace (schema titles are unique per sandbox).
   */
  public static StripeIngestionFlow charges(EmbeddedStack stack, String namespace, String name) {
    StripeIngestionFlow flow = stack.loadSample("charges.yaml", StripeIngestionFlow.class);
    flow.getMetadata().setNamespace(namespace);
    flow.getMetadata().setName(name);
    flow.getSpec().getTarget().getSchema().getCreate()
        .setTitle("Stripe charges " + namespace + "/" + name);
    flow.getSpec().getTarget().getDataset().getCreate()
        .setName("Stripe charges " + namespace + "/" + name);
    return flow;
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

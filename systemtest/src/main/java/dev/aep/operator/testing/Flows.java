package dev.aep.operator.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRequest;
import dev.aep.simulator.Accounts;
import java.util.List;
import java.util.Map;

/** Platform fixtures that need no stack (the stack's own are on {@link FlowStack}). */
public final class Flows {
  private Flows() {}

  /** Every flow sample in {@code samples/} that makes its own schema and dataset. */
  public static final List<String> SAMPLES =
      List.of(
          "charges.yaml",
          "subscriptions.yaml",
          "refunds.yaml",
          "balance-transactions.yaml",
          "customers.yaml",
          "prices.yaml",
          "once.yaml");

  /**
   * A schema made by hand, as a user with an existing target would have it: an ExperienceEvent
   * schema with a tenant field group holding every field the existing-schema sample maps.
   */
  public static Schema existingChargesSchema(PlatformSession session, String title) {
    String classId = "https://ns.adobe.com/xdm/context/experienceevent";
    String tenant = "_" + session.schemaRegistry().tenantId();
    FieldGroup group =
        session
            .schemaRegistry()
            .createFieldGroup(
                new FieldGroupRequest(
                    title + " fields",
                    "made by hand",
                    classId,
                    Map.of(
                        tenant + ".stripe.chargeId",
                        "string",
                        tenant + ".stripe.amount",
                        "integer",
                        tenant + ".stripe.currency",
                        "string")));
    return session
        .schemaRegistry()
        .createSchema(new SchemaRequest(title, "made by hand", classId, List.of(group.id())));
  }

  /** The simulator's default account (the one in the samples' credentials Secret). */
  public static PlatformAccount account() {
    return PlatformAccount.of(
        Accounts.DEFAULT_CLIENT_ID, Accounts.DEFAULT_CLIENT_SECRET, Accounts.DEFAULT_ORG_ID);
  }

  /** The id of an inventory object ({@code id} or, for schemas, {@code $id}). */
  public static String id(ObjectNode object) {
    return object.has("id") ? object.get("id").asText() : object.path("$id").asText();
  }
}

package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Stripe objects the source exposes, per resource path: the field tree explore answers and
 * sample records for preview. Field names follow Stripe's API objects.
 */
final class StripeCatalog {
  /** The documented resource paths (platform-api.md 0). */
  static final Set<String> RESOURCE_PATHS =
      Set.of("charges", "subscriptions", "refunds", "balance_transactions", "customers", "prices");

  private static final Map<String, Map<String, String>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put(
        "charges",
        fields(
            "id:string", "object:string", "amount:integer", "amount_captured:integer",
            "amount_refunded:integer", "balance_transaction:string", "captured:boolean",
            "created:integer", "currency:string", "customer:string", "description:string",
            "failure_code:string", "failure_message:string", "invoice:string", "livemode:boolean",
            "metadata:object", "paid:boolean", "payment_intent:string", "payment_method:string",
            "payment_method_details:object", "receipt_email:string", "receipt_url:string",
            "refunded:boolean", "statement_descriptor:string", "status:string",
            "billing_details:object"));
    FIELDS.put(
        "subscriptions",
        fields(
            "id:string", "object:string", "application_fee_percent:number",
            "billing_cycle_anchor:integer", "cancel_at:integer", "cancel_at_period_end:boolean",
            "canceled_at:integer", "collection_method:string", "created:integer", "currency:string",
            "current_period_end:integer", "current_period_start:integer", "customer:string",
            "days_until_due:integer", "default_payment_method:string", "description:string",
            "ended_at:integer", "items:object", "latest_invoice:string", "livemode:boolean",
            "metadata:object", "start_date:integer", "status:string", "trial_end:integer",
            "trial_start:integer"));
    FIELDS.put(
        "refunds",
        fields(
            "id:string", "object:string", "amount:integer", "balance_transaction:string",
            "charge:string", "created:integer", "currency:string", "metadata:object",
            "payment_intent:string", "reason:string", "receipt_number:string", "status:string"));
    FIELDS.put(
        "balance_transactions",
        fields(
            "id:string", "object:string", "amount:integer", "available_on:integer",
            "created:integer", "currency:string", "description:string", "exchange_rate:number",
            "fee:integer", "fee_details:array", "net:integer", "reporting_category:string",
            "source:string", "status:string", "type:string"));
    FIELDS.put(
        "customers",
        fields(
            "id:string", "object:string", "address:object", "balance:integer", "created:integer",
            "currency:string", "default_source:string", "delinquent:boolean", "description:string",
            "email:string", "invoice_prefix:string", "livemode:boolean", "metadata:object",
            "name:string", "phone:string", "preferred_locales:array", "shipping:object",
            "tax_exempt:string"));
    FIELDS.put(
        "prices",
        fields(
            "id:string", "object:string", "active:boolean", "billing_scheme:string", "created:integer",
            "currency:string", "livemode:boolean", "lookup_key:string", "metadata:object",
            "nickname:string", "product:string", "recurring:object", "tax_behavior:string",
            "tiers_mode:string", "type:string", "unit_amount:integer", "unit_amount_decimal:string"));
  }

  private StripeCatalog() {}

  private static Map<String, String> fields(String... specs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String s : specs) {
      String[] p = s.split(":");
      m.put(p[0], p[1]);
    }
    return m;
  }

  /** Top-level field names of a resource, in Stripe's order. */
  static List<String> fieldNames(String resourcePath) {
    return List.copyOf(FIELDS.get(resourcePath).keySet());
  }

  /** The explore answer for a REST source: {format: hierarchical, schema: {... data: [ {fields} ]}}. */
  static ObjectNode explore(String resourcePath, boolean preview) {
    ObjectNode item = Json.obj().put("type", "object");
    ObjectNode props = item.putObject("properties");
    FIELDS.get(resourcePath).forEach((name, type) -> props.set(name, typeNode(type)));
    ObjectNode data = Json.obj().put("type", "array");
    data.set("items", item);
    ObjectNode answer = Json.obj().put("format", "hierarchical");
    ObjectNode schema = answer.putObject("schema").put("type", "object");
    schema.putObject("properties").set("data", data);
    if (preview) {
      ArrayNode records = answer.putArray("data");
      for (int i = 1; i <= 3; i++) {
        records.add(sample(resourcePath, i));
      }
    }
    return answer;
  }

  private static ObjectNode typeNode(String type) {
    ObjectNode n = Json.obj().put("type", type);
    if (type.equals("object")) {
      n.putObject("properties");
    } else if (type.equals("array")) {
      n.putObject("items").put("type", "string");
    }
    return n;
  }

  private static ObjectNode sample(String resourcePath, int n) {
    ObjectNode rec = Json.obj();
    String prefix = resourcePath.equals("balance_transactions") ? "txn" : resourcePath.substring(0, 2);
    FIELDS.get(resourcePath).forEach((name, type) -> {
      switch (name) {
        case "id" -> rec.put(name, prefix + "_sim" + n);
        case "object" -> rec.put(name, resourcePath.replaceAll("e?s$", ""));
        case "currency" -> rec.put(name, "usd");
        case "created" -> rec.put(name, 1700000000L + n * 3600L);
        case "status" -> rec.put(name, "succeeded");
        default -> {
          switch (type) {
            case "integer" -> rec.put(name, 100L * n);
            case "number" -> rec.put(name, 1.5 * n);
            case "boolean" -> rec.put(name, n % 2 == 0);
            case "object" -> rec.putObject(name);
            case "array" -> rec.putArray(name);
            default -> rec.putNull(name);
          }
        }
      }
    });
    return rec;
  }
}

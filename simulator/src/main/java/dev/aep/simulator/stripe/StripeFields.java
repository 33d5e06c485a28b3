package dev.aep.simulator.stripe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field tree of each Stripe resource the source exposes (names and nesting from Stripe's API
 * objects; [INF, Stripe knowledge]). A leaf is a type name: string, integer, number, boolean, "map"
 * (an object with free keys, e.g. metadata) or "array:string"; a nested Map is an object with
 * properties; a List holding one Map is an array of such objects.
 */
public final class StripeFields {
  /** The documented resource paths (platform-api.md 0). */
  public static final Set<String> RESOURCE_PATHS =
      Set.of("charges", "subscriptions", "refunds", "balance_transactions", "customers", "prices");

  private static final Map<String, Map<String, Object>> TREES = new LinkedHashMap<>();

  static {
    Map<String, Object> address =
        tree(
            "city:string",
            "country:string",
            "line1:string",
            "line2:string",
            "postal_code:string",
            "state:string");
    Map<String, Object> charge =
        tree(
            "id:string",
            "object:string",
            "amount:integer",
            "amount_captured:integer",
            "amount_refunded:integer",
            "balance_transaction:string",
            "captured:boolean",
            "created:integer",
            "currency:string",
            "customer:string",
            "description:string",
            "failure_code:string",
            "failure_message:string",
            "invoice:string",
            "livemode:boolean",
            "metadata:map",
            "paid:boolean",
            "payment_intent:string",
            "payment_method:string",
            "receipt_email:string",
            "receipt_url:string",
            "refunded:boolean",
            "statement_descriptor:string",
            "status:string");
    Map<String, Object> billing = tree("email:string", "name:string", "phone:string");
    billing.put("address", address);
    charge.put("billing_details", billing);
    charge.put(
        "outcome",
        tree(
            "network_status:string",
            "reason:string",
            "risk_level:string",
            "risk_score:integer",
            "seller_message:string",
            "type:string"));
    Map<String, Object> card =
        tree(
            "brand:string",
            "country:string",
            "exp_month:integer",
            "exp_year:integer",
            "fingerprint:string",
            "funding:string",
            "last4:string",
            "network:string");
    Map<String, Object> pmd = tree("type:string");
    pmd.put("card", card);
    charge.put("payment_method_details", pmd);
    TREES.put("charges", charge);

    Map<String, Object> price =
        tree(
            "id:string",
            "object:string",
            "active:boolean",
            "billing_scheme:string",
            "created:integer",
            "currency:string",
            "livemode:boolean",
            "lookup_key:string",
            "metadata:map",
            "nickname:string",
            "product:string",
            "tax_behavior:string",
            "type:string",
            "unit_amount:integer",
            "unit_amount_decimal:string");
    price.put("recurring", tree("interval:string", "interval_count:integer", "usage_type:string"));
    TREES.put("prices", price);

    Map<String, Object> item =
        tree(
            "id:string",
            "object:string",
            "created:integer",
            "quantity:integer",
            "subscription:string");
    item.put(
        "price", tree("id:string", "currency:string", "product:string", "unit_amount:integer"));
    Map<String, Object> items =
        tree("object:string", "has_more:boolean", "total_count:integer", "url:string");
    items.put("data", List.of(item));
    Map<String, Object> sub =
        tree(
            "id:string",
            "object:string",
            "billing_cycle_anchor:integer",
            "cancel_at:integer",
            "cancel_at_period_end:boolean",
            "canceled_at:integer",
            "collection_method:string",
            "created:integer",
            "currency:string",
            "current_period_end:integer",
            "current_period_start:integer",
            "customer:string",
            "days_until_due:integer",
            "default_payment_method:string",
            "description:string",
            "ended_at:integer",
            "latest_invoice:string",
            "livemode:boolean",
            "metadata:map",
            "start_date:integer",
            "status:string",
            "trial_end:integer",
            "trial_start:integer");
    sub.put("items", items);
    TREES.put("subscriptions", sub);

    TREES.put(
        "refunds",
        tree(
            "id:string",
            "object:string",
            "amount:integer",
            "balance_transaction:string",
            "charge:string",
            "created:integer",
            "currency:string",
            "metadata:map",
            "payment_intent:string",
            "reason:string",
            "receipt_number:string",
            "status:string"));

    Map<String, Object> txn =
        tree(
            "id:string",
            "object:string",
            "amount:integer",
            "available_on:integer",
            "created:integer",
            "currency:string",
            "description:string",
            "exchange_rate:number",
            "fee:integer",
            "net:integer",
            "reporting_category:string",
            "source:string",
            "status:string",
            "type:string");
    txn.put(
        "fee_details",
        List.of(tree("amount:integer", "currency:string", "description:string", "type:string")));
    TREES.put("balance_transactions", txn);

    Map<String, Object> customer =
        tree(
            "id:string",
            "object:string",
            "balance:integer",
            "created:integer",
            "currency:string",
            "default_source:string",
            "delinquent:boolean",
            "description:string",
            "email:string",
            "invoice_prefix:string",
            "livemode:boolean",
            "metadata:map",
            "name:string",
            "phone:string",
            "preferred_locales:array:string",
            "tax_exempt:string");
    customer.put("address", address);
    Map<String, Object> shipping = tree("name:string", "phone:string");
    shipping.put("address", address);
    customer.put("shipping", shipping);
    TREES.put("customers", customer);
  }

  private StripeFields() {}

  private static Map<String, Object> tree(String... specs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String s : specs) {
      int colon = s.indexOf(':');
      m.put(s.substring(0, colon), s.substring(colon + 1));
    }
    return m;
  }

  /** The field tree of a resource path; IllegalArgumentException for an unknown path. */
  public static Map<String, Object> of(String resourcePath) {
    Map<String, Object> t = TREES.get(resourcePath);
    if (t == null) {
      throw new IllegalArgumentException("unknown Stripe resource path " + resourcePath);
    }
    return t;
  }
}

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
    Map<String, Object> address = tree("city country line1 line2 postal_code state");
    Map<String, Object> charge =
        tree(
            "id object amount:integer amount_captured:integer amount_refunded:integer "
                + "balance_transaction captured:boolean created:integer currency customer "
                + "description failure_code failure_message invoice livemode:boolean "
                + "metadata:map paid:boolean payment_intent payment_method receipt_email "
                + "receipt_url refunded:boolean statement_descriptor status");
    Map<String, Object> billing = tree("email name phone");
    billing.put("address", address);
    charge.put("billing_details", billing);
    charge.put(
        "outcome", tree("network_status reason risk_level risk_score:integer seller_message type"));
    Map<String, Object> card =
        tree(
            "brand country exp_month:integer exp_year:integer fingerprint funding last4 "
                + "network");
    Map<String, Object> pmd = tree("type");
    pmd.put("card", card);
    charge.put("payment_method_details", pmd);
    TREES.put("charges", charge);

    Map<String, Object> price =
        tree(
            "id object active:boolean billing_scheme created:integer currency "
                + "livemode:boolean lookup_key metadata:map nickname product tax_behavior type "
                + "unit_amount:integer unit_amount_decimal");
    price.put("recurring", tree("interval interval_count:integer usage_type"));
    TREES.put("prices", price);

    Map<String, Object> item = tree("id object created:integer quantity:integer subscription");
    item.put("price", tree("id currency product unit_amount:integer"));
    Map<String, Object> items = tree("object has_more:boolean total_count:integer url");
    items.put("data", List.of(item));
    Map<String, Object> sub =
        tree(
            "id object billing_cycle_anchor:integer cancel_at:integer "
                + "cancel_at_period_end:boolean canceled_at:integer collection_method "
                + "created:integer currency current_period_end:integer "
                + "current_period_start:integer customer days_until_due:integer "
                + "default_payment_method description ended_at:integer latest_invoice "
                + "livemode:boolean metadata:map start_date:integer status trial_end:integer "
                + "trial_start:integer");
    sub.put("items", items);
    TREES.put("subscriptions", sub);

    TREES.put(
        "refunds",
        tree(
            "id object amount:integer balance_transaction charge created:integer currency "
                + "metadata:map payment_intent reason receipt_number status"));

    Map<String, Object> txn =
        tree(
            "id object amount:integer available_on:integer created:integer currency "
                + "description exchange_rate:number fee:integer net:integer reporting_category "
                + "source status type");
    txn.put("fee_details", List.of(tree("amount:integer currency description type")));
    TREES.put("balance_transactions", txn);

    Map<String, Object> customer =
        tree(
            "id object balance:integer created:integer currency default_source "
                + "delinquent:boolean description email invoice_prefix livemode:boolean "
                + "metadata:map name phone preferred_locales:array:string tax_exempt");
    customer.put("address", address);
    Map<String, Object> shipping = tree("name phone");
    shipping.put("address", address);
    customer.put("shipping", shipping);
    TREES.put("customers", customer);
  }

  private StripeFields() {}

  /** Leaf fields in order, "name" for a string or "name:type" for another type. */
  private static Map<String, Object> tree(String specs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String s : specs.split(" ")) {
      int colon = s.indexOf(':');
      m.put(colon < 0 ? s : s.substring(0, colon), colon < 0 ? "string" : s.substring(colon + 1));
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

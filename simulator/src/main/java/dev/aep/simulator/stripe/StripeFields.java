package dev.aep.simulator.stripe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field tree of each Stripe resource the source exposes (names and nesting from Stripe's API
 * objects; [INF, Stripe knowledge]). A leaf is a type name: string, integer, number, boolean, "map"
 * (an object with free keys, e.g. metadata) or "array:string"; a nested Map is an object with
 * properties; a List holding one Map is an array of such objects.
 *
 * <p>The trees are written as data: "name" is a string leaf, "name:type" another leaf, "name{...}"
 * an object and "name[...]" an array of objects, fields in the order Stripe lists them.
 */
public final class StripeFields {
  /** The documented resource paths (platform-api.md 0). */
  public static final Set<String> RESOURCE_PATHS =
      Set.of("charges", "subscriptions", "refunds", "balance_transactions", "customers", "prices");

  /** A field ("name", "name:type", "name{" or "name[") or the end of an object or array. */
  private static final Pattern TOKEN = Pattern.compile("([a-z_0-9:]+)([{\\[]?)|[}\\]]");

  private static final String ADDRESS = "address{city country line1 line2 postal_code state}";

  private static final Map<String, Map<String, Object>> TREES =
      Map.of(
          "charges",
          tree(
              "id object amount:integer amount_captured:integer amount_refunded:integer "
                  + "balance_transaction captured:boolean created:integer currency customer "
                  + "description failure_code failure_message invoice livemode:boolean "
                  + "metadata:map paid:boolean payment_intent payment_method receipt_email "
                  + "receipt_url refunded:boolean statement_descriptor status "
                  + "billing_details{email name phone "
                  + ADDRESS
                  + "} outcome{network_status reason risk_level risk_score:integer "
                  + "seller_message type} payment_method_details{type card{brand country "
                  + "exp_month:integer exp_year:integer fingerprint funding last4 network}}"),
          "prices",
          tree(
              "id object active:boolean billing_scheme created:integer currency "
                  + "livemode:boolean lookup_key metadata:map nickname product tax_behavior type "
                  + "unit_amount:integer unit_amount_decimal "
                  + "recurring{interval interval_count:integer usage_type}"),
          "subscriptions",
          tree(
              "id object billing_cycle_anchor:integer cancel_at:integer "
                  + "cancel_at_period_end:boolean canceled_at:integer collection_method "
                  + "created:integer currency current_period_end:integer "
                  + "current_period_start:integer customer days_until_due:integer "
                  + "default_payment_method description ended_at:integer latest_invoice "
                  + "livemode:boolean metadata:map start_date:integer status trial_end:integer "
                  + "trial_start:integer items{object has_more:boolean total_count:integer url "
                  + "data[id object created:integer quantity:integer subscription "
                  + "price{id currency product unit_amount:integer}]}"),
          "refunds",
          tree(
              "id object amount:integer balance_transaction charge created:integer currency "
                  + "metadata:map payment_intent reason receipt_number status"),
          "balance_transactions",
          tree(
              "id object amount:integer available_on:integer created:integer currency "
                  + "description exchange_rate:number fee:integer net:integer reporting_category "
                  + "source status type fee_details[amount:integer currency description type]"),
          "customers",
          tree(
              "id object balance:integer created:integer currency default_source "
                  + "delinquent:boolean description email invoice_prefix livemode:boolean "
                  + "metadata:map name phone preferred_locales:array:string tax_exempt "
                  + ADDRESS
                  + " shipping{name phone "
                  + ADDRESS
                  + "}"));

  private StripeFields() {}

  private static Map<String, Object> tree(String spec) {
    return fields(TOKEN.matcher(spec));
  }

  /** The fields up to the end of the spec or the bracket that closes this object. */
  private static Map<String, Object> fields(Matcher m) {
    Map<String, Object> tree = new LinkedHashMap<>();
    while (m.find() && m.group(1) != null) {
      String name = m.group(1);
      switch (m.group(2)) {
        case "{" -> tree.put(name, fields(m));
        case "[" -> tree.put(name, List.of(fields(m)));
        default -> {
          int colon = name.indexOf(':');
          tree.put(
              colon < 0 ? name : name.substring(0, colon),
              colon < 0 ? "string" : name.substring(colon + 1));
        }
      }
    }
    return tree;
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

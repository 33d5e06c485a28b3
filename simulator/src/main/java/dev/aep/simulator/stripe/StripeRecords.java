package dev.aep.simulator.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic, realistic Stripe records per resource path, shaped like the explore root ({@code
 * {"data": {...}}}, platform-api.md 13 [INF]): Stripe-style ids (prefix + 24 characters), {@code
 * created} in epoch seconds, amounts in minor units, lower-case currencies [INF, Stripe knowledge].
 * The same seed always gives the same record; explore preview and runs share it. id, object,
 * created and currency (where the resource has one) are always set; optional fields such as
 * failure_code, description or canceled_at are null in some records, as in Stripe.
 */
public final class StripeRecords {
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final List<String> CURRENCIES = List.of("usd", "usd", "usd", "eur", "gbp");
  private static final List<String> FIRST =
      List.of("Ada", "Grace", "Alan", "Linus", "Margaret", "Ken", "Barbara");
  private static final List<String> LAST =
      List.of("Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Thompson");
  private static final List<String> CITIES =
      List.of("Berlin", "Paris", "San Francisco", "London", "Lisbon");
  private static final List<String> COUNTRIES = List.of("DE", "FR", "US", "GB", "PT");

  /** What a resource's records are called: their id prefix and "object" name. */
  private record Names(String idPrefix, String object) {}

  private static final Map<String, Names> NAMES =
      Map.of(
          "charges", new Names("ch_3Q", "charge"),
          "customers", new Names("cus_", "customer"),
          "subscriptions", new Names("sub_", "subscription"),
          "refunds", new Names("re_", "refund"),
          "balance_transactions", new Names("txn_", "balance_transaction"));

  /** Any other resource path is prices. */
  private static final Names PRICE = new Names("price_", "price");

  /** 2024-01-01T00:00:00Z: records are created during the year after it. */
  private static final long EPOCH_START = 1704067200L;

  private StripeRecords() {}

  /** The record number {@code index} of a stream identified by {@code seed}. */
  public static ObjectNode record(String resourcePath, long seed, int index) {
    Random r = new Random(seed * 1_000_003L + index);
    Context ctx = new Context(resourcePath, r);
    ObjectNode data = Json.obj();
    fill(data, StripeFields.of(resourcePath), ctx, "");
    ObjectNode rec = Json.obj();
    rec.set("data", data);
    return rec;
  }

  /** {@code count} records of a stream. */
  public static List<ObjectNode> records(String resourcePath, long seed, int count) {
    List<ObjectNode> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(record(resourcePath, seed, i));
    }
    return out;
  }

  /** Per-record facts that several fields agree on. */
  private static final class Context {
    final String resource;
    final Names names;
    final Random r;
    final long created;
    final String currency;
    final String first;
    final String last;
    final boolean failed;
    final int amount;

    Context(String resource, Random r) {
      this.resource = resource;
      this.names = NAMES.getOrDefault(resource, PRICE);
      this.r = r;
      created = EPOCH_START + r.nextInt(365 * 86400);
      currency = pick(r, CURRENCIES);
      first = pick(r, FIRST);
      last = pick(r, LAST);
      failed = r.nextInt(10) == 0;
      amount = 100 * (1 + r.nextInt(500)) + (r.nextBoolean() ? 0 : 99);
    }
  }

  @SuppressWarnings("unchecked")
  private static void fill(ObjectNode out, Map<String, Object> tree, Context c, String prefix) {
    for (Map.Entry<String, Object> e : tree.entrySet()) {
      String name = e.getKey();
      String path = prefix + name;
      Object type = e.getValue();
      if (type instanceof Map<?, ?> sub) {
        if (optionalObject(path, c)) {
          out.putNull(name);
        } else {
          fill(out.putObject(name), (Map<String, Object>) sub, c, path + ".");
        }
      } else if (type instanceof List<?> list) {
        ArrayNode arr = out.putArray(name);
        int n = 1 + c.r.nextInt(2);
        for (int i = 0; i < n; i++) {
          fill(arr.addObject(), (Map<String, Object>) list.get(0), c, path + ".");
        }
      } else {
        Leaf.put(out, name, path, (String) type, c);
      }
    }
  }

  /** Objects Stripe leaves null on some records. */
  private static boolean optionalObject(String path, Context c) {
    return switch (path) {
      case "shipping", "recurring" -> c.r.nextInt(4) == 0;
      default -> false;
    };
  }

  /** prefix (e.g. "ch_3Q") plus random characters up to 24 after the underscore. */
  static String id(Random r, String prefix) {
    StringBuilder b = new StringBuilder(prefix);
    int have = prefix.length() - prefix.indexOf('_') - 1;
    for (int i = have; i < 24; i++) {
      b.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
    }
    return b.toString();
  }

  static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** Values of leaf fields, by field path and resource. */
  private static final class Leaf {
    private Leaf() {}

    static void put(ObjectNode out, String name, String path, String type, Context c) {
      Random r = c.r;
      switch (path) {
        case "id" -> out.put(name, id(r, c.names.idPrefix()));
        case "object" -> out.put(name, c.names.object());
        case "created" -> out.put(name, c.created);
        case "currency", "fee_details.currency", "items.data.price.currency" ->
            out.put(name, c.currency);
        case "amount", "amount_captured", "unit_amount", "items.data.price.unit_amount" ->
            out.put(name, c.resource.equals("balance_transactions") || !c.failed ? c.amount : 0);
        case "amount_refunded", "balance", "fee_details.amount" ->
            out.put(name, r.nextInt(4) == 0 ? c.amount / 10 : 0);
        case "fee" -> out.put(name, 30 + c.amount * 29 / 1000);
        case "net" -> out.put(name, c.amount - 30 - c.amount * 29 / 1000);
        case "status" -> out.put(name, status(c));
        case "failure_code" -> putOrNull(out, name, c.failed, "card_declined");
        case "failure_message" -> putOrNull(out, name, c.failed, "Your card was declined.");
        case "paid", "captured" -> out.put(name, !c.failed);
        case "livemode", "delinquent", "cancel_at_period_end", "has_more", "refunded" ->
            out.put(name, false);
        case "active" -> out.put(name, true);
        case "email", "receipt_email", "billing_details.email" -> out.put(name, email(c));
        case "name", "billing_details.name", "shipping.name" ->
            out.put(name, c.first + " " + c.last);
        case "phone", "billing_details.phone", "shipping.phone" ->
            out.put(name, "+1415555" + (1000 + r.nextInt(9000)));
        case "customer" -> out.put(name, id(r, "cus_"));
        case "balance_transaction" -> out.put(name, id(r, "txn_"));
        case "payment_intent" -> out.put(name, id(r, "pi_3Q"));
        case "payment_method", "default_payment_method" -> out.put(name, id(r, "pm_"));
        case "invoice", "latest_invoice" -> putOrNull(out, name, r.nextBoolean(), id(r, "in_"));
        case "charge", "source" -> out.put(name, id(r, "ch_3Q"));
        case "product", "items.data.price.product" -> out.put(name, id(r, "prod_"));
        case "items.data.id" -> out.put(name, id(r, "si_"));
        case "items.data.price.id" -> out.put(name, id(r, "price_"));
        case "items.data.subscription" -> out.put(name, id(r, "sub_"));
        case "items.object" -> out.put(name, "list");
        case "items.data.object" -> out.put(name, "subscription_item");
        case "items.url" -> out.put(name, "/v1/subscription_items");
        case "receipt_url" -> out.put(name, "https://pay.stripe.com/receipts/" + id(r, "acct_"));
        case "description" ->
            putOrNull(out, name, r.nextBoolean(), "Order #" + (10000 + r.nextInt(90000)));
        case "payment_method_details.type" -> out.put(name, "card");
        case "payment_method_details.card.brand", "payment_method_details.card.network" ->
            out.put(name, pick(r, List.of("visa", "mastercard", "amex")));
        case "payment_method_details.card.last4" ->
            out.put(name, String.format("%04d", r.nextInt(10000)));
        case "payment_method_details.card.exp_month" -> out.put(name, 1 + r.nextInt(12));
        case "payment_method_details.card.exp_year" -> out.put(name, 2025 + r.nextInt(6));
        case "payment_method_details.card.funding" -> out.put(name, "credit");
        case "outcome.network_status" ->
            out.put(name, c.failed ? "declined_by_network" : "approved_by_network");
        case "outcome.risk_level" ->
            out.put(name, pick(r, List.of("normal", "normal", "elevated")));
        case "outcome.type" -> out.put(name, c.failed ? "issuer_declined" : "authorized");
        case "outcome.seller_message" ->
            out.put(
                name,
                c.failed ? "The bank did not return any further details." : "Payment complete.");
        case "recurring.interval" -> out.put(name, pick(r, List.of("month", "year")));
        case "recurring.interval_count", "quantity", "items.data.quantity", "items.total_count" ->
            out.put(name, 1);
        case "recurring.usage_type" -> out.put(name, "licensed");
        case "type" -> out.put(name, typeOf(c));
        case "fee_details.type" -> out.put(name, "stripe_fee");
        case "reporting_category" -> out.put(name, "charge");
        case "billing_scheme" -> out.put(name, "per_unit");
        case "tax_behavior" -> out.put(name, "exclusive");
        case "collection_method" -> out.put(name, "charge_automatically");
        case "reason" -> putOrNull(out, name, r.nextBoolean(), "requested_by_customer");
        case "exchange_rate" -> putOrNull(out, name, !c.currency.equals("usd"), 1.08);
        case "available_on", "current_period_end" -> out.put(name, c.created + 2 * 86400);
        case "start_date", "current_period_start", "billing_cycle_anchor", "items.data.created" ->
            out.put(name, c.created);
        case "unit_amount_decimal" -> out.put(name, Integer.toString(c.amount));
        case "metadata" -> {
          ObjectNode m = out.putObject(name);
          if (r.nextBoolean()) {
            m.put("order_id", "ord_" + (1000 + r.nextInt(9000)));
          }
        }
        case "preferred_locales" -> out.putArray(name).add("en-US");
        default -> generic(out, name, path, type, c);
      }
    }

    /** Address parts, and fields Stripe leaves empty on most records. */
    private static void generic(ObjectNode out, String name, String path, String type, Context c) {
      Random r = c.r;
      if (path.endsWith("address.city")) {
        out.put(name, pick(r, CITIES));
      } else if (path.endsWith("address.country") || path.endsWith("card.country")) {
        out.put(name, pick(r, COUNTRIES));
      } else if (path.endsWith("address.line1")) {
        out.put(name, (1 + r.nextInt(200)) + " Market Street");
      } else if (path.endsWith("address.postal_code")) {
        out.put(name, Integer.toString(10000 + r.nextInt(89999)));
      } else if (type.equals("boolean")) {
        out.put(name, false);
      } else {
        out.putNull(name);
      }
    }

    private static void putOrNull(ObjectNode out, String name, boolean set, Object value) {
      if (!set) {
        out.putNull(name);
      } else if (value instanceof String s) {
        out.put(name, s);
      } else {
        out.put(name, (Double) value);
      }
    }

    private static String email(Context c) {
      return (c.first + "." + c.last).toLowerCase(java.util.Locale.ROOT) + "@example.com";
    }

    private static String status(Context c) {
      return switch (c.resource) {
        case "charges" -> c.failed ? "failed" : "succeeded";
        case "refunds" -> c.failed ? "pending" : "succeeded";
        case "subscriptions" ->
            c.failed ? "past_due" : pick(c.r, List.of("active", "active", "trialing", "canceled"));
        case "balance_transactions" -> c.failed ? "pending" : "available";
        default -> null;
      };
    }

    private static String typeOf(Context c) {
      return switch (c.resource) {
        case "balance_transactions" -> "charge";
        default -> "recurring";
      };
    }
  }
}

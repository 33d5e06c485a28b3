package dev.aep.simulator.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated Stripe records: deterministic per seed, Stripe-shaped, required fields always set. */
class StripeRecordsTest {

  @Test
  void sameSeedGivesSameRecordsAndAnotherSeedOthers() {
    assertThat(StripeRecords.records("charges", 7, 20))
        .isEqualTo(StripeRecords.records("charges", 7, 20));
    assertThat(StripeRecords.record("charges", 8, 0))
        .isNotEqualTo(StripeRecords.record("charges", 7, 0));
  }

  @Test
  void chargesLookLikeStripeCharges() {
    List<ObjectNode> recs = StripeRecords.records("charges", 42, 200);
    boolean someFailureCodeNull = false;
    boolean someFailureCodeSet = false;
    for (ObjectNode rec : recs) {
      JsonNode d = rec.get("data");
      assertThat(d.get("id").asText()).matches("ch_3Q[A-Za-z0-9]{22}");
      assertThat(d.get("object").asText()).isEqualTo("charge");
      assertThat(d.get("created").asLong()).isBetween(1704067200L, 1735689600L);
      assertThat(d.get("currency").asText()).isIn("usd", "eur", "gbp");
      assertThat(d.get("amount").isIntegralNumber()).isTrue();
      assertThat(d.at("/payment_method_details/card/last4").asText()).matches("\\d{4}");
      assertThat(d.at("/billing_details/email").asText()).contains("@");
      assertThat(d.at("/outcome/risk_level").asText()).isNotEmpty();
      someFailureCodeNull |= d.get("failure_code").isNull();
      someFailureCodeSet |= !d.get("failure_code").isNull();
    }
    assertThat(someFailureCodeNull).isTrue();
    assertThat(someFailureCodeSet).isTrue();
  }

  @Test
  void everyResourceSetsIdObjectAndCreated() {
    for (String path : StripeFields.RESOURCE_PATHS) {
      for (ObjectNode rec : StripeRecords.records(path, 1, 30)) {
        JsonNode d = rec.get("data");
        assertThat(d.get("id").asText()).as(path).matches("[a-z]+_[A-Za-z0-9]{24}");
        assertThat(d.get("object").isTextual()).isTrue();
        assertThat(d.get("created").isIntegralNumber()).isTrue();
        assertThat(d.get("currency") == null || d.get("currency").isTextual()).isTrue();
      }
    }
    assertThat(
            StripeRecords.record("subscriptions", 1, 0).at("/data/items/data/0/price/id").asText())
        .startsWith("price_");
  }
}

package dev.aep.simulator.dataprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.simulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Data Prep expression language: paths, literals, operators, every function, and its errors.
 */
class ExpressionTest {
  static final Instant NOW = Instant.parse("2024-03-01T10:15:30.123Z");
  static final JsonNode RECORD =
      Json.parse(
          ("""
      {"data": {"id": "ch_1", "amount": 1250, "created": 1571829875, "currency": "USD", "rate": 1.5,
        "name": "  Ada  ", "flag": true, "nothing": null, "count": "42", "when": "2024-01-02",
        "payment_method_details": {"card": {"brand": "visa", "last4": "4242"}},
        "items": [{"id": "si_1"}, {"id": "si_2"}], "first name": "Ada", "a.b": "dotted", "new": "reserved"}}
      """)
              .getBytes(StandardCharsets.UTF_8));

  static JsonNode eval(String expression) {
    return Expression.parse(expression).evaluate(new EvalContext(RECORD, NOW));
  }

  static String text(String expression) {
    JsonNode v = eval(expression);
    return v == null ? null : v.asText();
  }

  /** Each expression (key) evaluates to the text (value). */
  static void assertTexts(Map<String, String> expected) {
    expected.forEach(
        (expression, text) -> assertThat(text(expression)).as(expression).isEqualTo(text));
  }

  @Test
  void pathsReachNestedFieldsArrayElementsAndEscapedNames() {
    assertTexts(
        Map.of(
            "data.id", "ch_1",
            "data.payment_method_details.card.brand", "visa",
            "data.items[1].id", "si_2",
            "data.${first name}", "Ada",
            "data.${a\\.b}", "dotted",
            "data.${new}", "reserved"));
    assertThat(eval("data.missing.deeper")).isNull();
    assertThat(eval("data.nothing")).isNull();
    assertThat(eval("data.payment_method_details.card").get("last4").asText()).isEqualTo("4242");
  }

  @Test
  void literalsAndArithmetic() {
    assertThat(eval("data.created * 1000").asLong()).isEqualTo(1571829875000L);
    assertThat(eval("1 + 2 * 3").asLong()).isEqualTo(7);
    assertThat(eval("(1 + 2) * 3").asLong()).isEqualTo(9);
    assertThat(eval("7 / 2").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(eval("8 / 2").asLong()).isEqualTo(4);
    assertThat(eval("data.amount - 50").asLong()).isEqualTo(1200);
    assertThat(eval("-data.amount").asLong()).isEqualTo(-1250);
    assertThat(eval("data.rate * 2").asDouble()).isEqualTo(3.0);
    assertThat(text("'a' + 1")).isEqualTo("a1");
    assertThat(text("\"x\" + data.id")).isEqualTo("xch_1");
    assertThat(eval("true").asBoolean()).isTrue();
    assertThat(eval("null")).isNull();
  }

  @Test
  void comparisonsAndLogic() {
    assertThat(eval("data.amount > 1000").asBoolean()).isTrue();
    assertThat(eval("data.amount <= 1000").asBoolean()).isFalse();
    assertThat(eval("data.amount == 1250.0").asBoolean()).isTrue();
    assertThat(eval("data.currency != 'USD'").asBoolean()).isFalse();
    assertThat(eval("data.flag && data.amount >= 1250").asBoolean()).isTrue();
    assertThat(eval("!data.flag || false").asBoolean()).isFalse();
    assertThat(eval("data.nothing == null").asBoolean()).isTrue();
  }

  @Test
  void stringFunctions() {
    assertTexts(
        Map.of(
            "lower(data.currency)", "usd",
            "upper('eur')", "EUR",
            "trim(data.name)", "Ada",
            "concat(\"Hi, \", \"there\", \"!\")", "Hi, there!",
            "concat(data.id, '-', data.amount)", "ch_1-1250"));
    assertThat(eval("concat(data.id, data.nothing)")).isNull();
    assertThat(text("substr(\"This is a substring test\", 7, 8)")).isEqualTo(" a subst");
    assertThat(eval("lower(data.nothing)")).isNull();
  }

  @Test
  void dateFunctions() {
    assertThat(text("dformat(1571829875000, \"yyyy-MM-dd'T'HH:mm:ss.SSSX\")"))
        .isEqualTo("2019-10-23T11:24:35.000Z");
    assertThat(text("dformat(data.created * 1000, \"yyyy-MM-dd'T'HH:mm:ss.SSSX\")"))
        .isEqualTo("2019-10-23T11:24:35.000Z");
    assertThat(text("now()")).isEqualTo("2024-03-01T10:15:30.123Z");
    assertThat(eval("timestamp()").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(text("date(data.when, 'yyyy-MM-dd')")).isEqualTo("2024-01-02T00:00:00Z");
    assertThat(text("date('2024-01-02T03:04:05Z')")).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(text("date('12/31/2023 08:00', 'MM/dd/yyyy HH:mm')"))
        .isEqualTo("2023-12-31T08:00:00Z");
    assertThat(text("date('garbage', 'yyyy-MM-dd', 'n/a')")).isEqualTo("n/a");
    assertThat(text("dformat(date(data.when, 'yyyy-MM-dd'), 'dd.MM.yyyy')"))
        .isEqualTo("02.01.2024");
  }

  @Test
  void conditionalFunctions() {
    assertThat(text("iif(data.amount > 1000, 'big', 'small')")).isEqualTo("big");
    assertThat(text("decode(data.currency, 'EUR', 'Euro', 'USD', 'Dollar', 'Other')"))
        .isEqualTo("Dollar");
    assertThat(text("decode(data.currency, 'EUR', 'Euro', 'Other')")).isEqualTo("Other");
    assertThat(eval("decode(data.currency, 'EUR', 'Euro')")).isNull();
    assertThat(text("coalesce(data.nothing, data.missing, data.id)")).isEqualTo("ch_1");
    assertThat(eval("nullify()")).isNull();
    assertThat(eval("contains_key(data.payment_method_details.card)").asBoolean()).isTrue();
    assertThat(eval("contains_key(data.nothing)").asBoolean()).isTrue();
    assertThat(eval("contains_key(data.absent)").asBoolean()).isFalse();
  }

  @Test
  void conversionAndHashFunctions() {
    assertThat(eval("to_integer(data.count)").isIntegralNumber()).isTrue();
    assertThat(eval("to_integer(data.count)").asLong()).isEqualTo(42);
    assertThat(eval("to_bigint('123456789012345678901234')").bigIntegerValue().toString())
        .isEqualTo("123456789012345678901234");
    assertThat(eval("to_decimal('12.50')").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(eval("to_float('2.25')").asDouble()).isEqualTo(2.25);
    assertThat(text("sha256('abc', 'UTF-8')"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(text("sha256('abc')")).hasSize(64);
    assertThat(text("uuid()")).matches("[0-9a-f-]{36}");
  }

  @Test
  void unknownFunctionIsRefusedWithItsNameAndPosition() {
    assertThatThrownBy(() -> Expression.parse("lower(frobnicate(data.id))"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("Unknown function 'frobnicate'")
        .hasMessageContaining("position 6");
  }

  @Test
  void badSyntaxIsRefusedWithPosition() {
    assertThatThrownBy(() -> Expression.parse("lower(data.id"))
        .hasMessageContaining("Expected ')'")
        .hasMessageContaining("position 13");
    assertThatThrownBy(() -> Expression.parse("data.id +")).hasMessageContaining("Unexpected end");
    assertThatThrownBy(() -> Expression.parse("data..id"))
        .hasMessageContaining("Expected a field name");
    assertThatThrownBy(() -> Expression.parse("'open")).hasMessageContaining("Unterminated string");
    assertThatThrownBy(() -> Expression.parse("data.id = 1"))
        .hasMessageContaining("Unexpected '='");
    assertThatThrownBy(() -> Expression.parse("data.new"))
        .hasMessageContaining("Reserved word 'new'");
    assertThatThrownBy(() -> Expression.parse("lower(a, b)"))
        .hasMessageContaining("takes 1 arguments, got 2");
    assertThatThrownBy(() -> Expression.parse("contains_key('x')"))
        .hasMessageContaining("takes a field path");
    assertThatThrownBy(() -> Expression.parse("")).hasMessageContaining("Empty expression");
    assertThatThrownBy(() -> Expression.parse("x".repeat(4097))).hasMessageContaining("4096");
  }

  @Test
  void badValuesAreTransformationErrors() {
    assertThatThrownBy(() -> eval("to_integer(data.name)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("is not a number");
    assertThatThrownBy(() -> eval("data.missing * 1000"))
        .hasMessageContaining("operator * needs a number, got null");
    assertThatThrownBy(() -> eval("upper(data.amount)"))
        .hasMessageContaining("upper needs a string");
    assertThatThrownBy(() -> eval("date('garbage', 'yyyy-MM-dd')"))
        .hasMessageContaining("is not a date");
    assertThatThrownBy(() -> eval("1 / 0")).hasMessageContaining("division by zero");
    assertThatThrownBy(() -> eval("iif(data.amount, 1, 2)"))
        .hasMessageContaining("iif needs a boolean");
  }

  @Test
  void attributePathsParseStrictly() {
    assertThat(SourcePath.parse("data.items[0].id").segments())
        .containsExactly("data", "items", 0, "id");
    assertThat(SourcePath.parse("data.a\\.b").segments()).containsExactly("data", "a.b");
    assertThatThrownBy(() -> SourcePath.parse("data..id")).hasMessageContaining("Empty field name");
    assertThatThrownBy(() -> SourcePath.parse("data.")).hasMessageContaining("ends with '.'");
    assertThatThrownBy(() -> SourcePath.parse("data.items[x]")).hasMessageContaining("Array index");
    assertThatThrownBy(() -> SourcePath.parse("data.items[*]")).hasMessageContaining("Array index");
    assertThatThrownBy(() -> SourcePath.parse("lower(data.id)"))
        .hasMessageContaining("Unexpected '('");
  }
}

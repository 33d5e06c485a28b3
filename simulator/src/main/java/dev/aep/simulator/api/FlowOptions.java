package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Problems;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;

/**
 * A flow's options (platform-api.md 15, SPEC:FS OptionSpecDTO, DOC:PARTIAL):
 * partialIngestionPercent (sent as "10" in the documented PATCH, read back as the number 10) and
 * errorDiagnosticsEnabled. [INF] Strict: the percent must be 0..100, the flag a boolean, and no
 * other option is accepted.
 */
final class FlowOptions {
  private static final Set<String> KNOWN =
      Set.of("partialIngestionPercent", "errorDiagnosticsEnabled");

  private FlowOptions() {}

  static ObjectNode normalize(JsonNode options) {
    if (options == null || !options.isObject()) {
      throw Problems.flowBadRequest("options must be an object");
    }
    ObjectNode out = Json.obj();
    Iterator<String> names = options.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        throw Problems.flowBadRequest("Unknown flow option " + name + ": supported are " + KNOWN);
      }
    }
    JsonNode percent = options.get("partialIngestionPercent");
    if (percent != null && !percent.isNull()) {
      BigDecimal p = percent(percent);
      if (p.stripTrailingZeros().scale() <= 0) {
        out.put("partialIngestionPercent", p.longValue());
      } else {
        out.put("partialIngestionPercent", p);
      }
    }
    JsonNode diag = options.get("errorDiagnosticsEnabled");
    if (diag != null && !diag.isNull()) {
      if (diag.isBoolean()) {
        out.put("errorDiagnosticsEnabled", diag.asBoolean());
      } else if (diag.isTextual() && Set.of("true", "false").contains(diag.asText())) {
        out.put("errorDiagnosticsEnabled", Boolean.parseBoolean(diag.asText()));
      } else {
        throw Problems.flowBadRequest("options.errorDiagnosticsEnabled must be true or false");
      }
    }
    return out;
  }

  private static BigDecimal percent(JsonNode n) {
    BigDecimal p;
    try {
      p = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().trim());
    } catch (NumberFormatException e) {
      throw Problems.flowBadRequest(
          "options.partialIngestionPercent must be a number from 0 to 100, got " + n);
    }
    if (!n.isNumber() && !n.isTextual()
        || p.signum() < 0
        || p.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw Problems.flowBadRequest(
          "options.partialIngestionPercent must be a number from 0 to 100, got " + n);
    }
    return p;
  }
}

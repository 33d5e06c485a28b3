package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;

/**
 * What {@code explore} with {@code preview=true} tells about a Stripe resource path
 * (platform-api.md 13): the source fields and a few sample records.
 *
 * @param fields every field path under the root, e.g. {@code data}, {@code data.amount}, {@code
 *     data.payment_method_details.card.brand}, with its JSON type ({@code string}, {@code integer},
 *     {@code number}, {@code boolean}, {@code object}, {@code array}) or {@code ""} when the source
 *     leaves it untyped; in the order explore lists them
 * @param samples sample records as explore returns them, each {@code {"data": {...}}}; they hold
 *     customer data and must never reach status, events, logs or metrics
 */
public record SourceSchema(Map<String, String> fields, List<Map<String, Object>> samples) {

  public SourceSchema {
    fields =
        fields == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    samples = Copies.list(samples);
  }
}

package dev.aep.operator.platform;

import java.util.List;
import java.util.Map;

/** Immutable copies of record components, where null reads as empty. */
final class Copies {
  private Copies() {}

  static <T> List<T> list(List<? extends T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static <K, V> Map<K, V> map(Map<? extends K, ? extends V> values) {
    return values == null ? Map.of() : Map.copyOf(values);
  }
}

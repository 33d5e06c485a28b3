package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * An API enum whose wire value (as written in manifests and sent to the Platform) is the {@link
 * JsonProperty} name of its constant: written once, read by Jackson, the CRD generator and the code
 * alike.
 */
public interface WireValue {

  /** The constant's name (every enum has it). */
  String name();

  /** The wire value. */
  default String value() {
    try {
      return ((Enum<?>) this)
          .getDeclaringClass()
          .getField(name())
          .getAnnotation(JsonProperty.class)
          .value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("an enum constant is a public field", e);
    }
  }

  /** The constant of {@code type} for a wire value, or IllegalArgumentException. */
  static <E extends Enum<E> & WireValue> E parse(Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants())
        .filter(candidate -> candidate.value().equals(value))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + value));
  }
}

package dev.aep.operator.platform;

import java.util.List;
import java.util.Set;

/**
 * One record as {@code POST /mappingSets/preview} mapped it (platform-api.md 14). Only which
 * destinations received a value is kept: the values are customer data.
 *
 * @param filledDestinations dot paths of the row's leaf fields that hold a non-null value
 * @param errors the Platform's messages for this record
 */
public record PreviewRow(Set<String> filledDestinations, List<String> errors) {

  public PreviewRow {
    filledDestinations = filledDestinations == null ? Set.of() : Set.copyOf(filledDestinations);
    errors = Copies.list(errors);
  }
}

package dev.aep.operator.platform;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list answer.
 *
 * @param items objects on this page
 * @param nextPageToken opaque token for the next page (continuation token, start value or offset),
 *     or null on the last page
 * @param <T> object type
 */
public record Page<T>(List<T> items, String nextPageToken) {

  public Page {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return nextPageToken != null;
  }

  /** The next page token, if any. */
  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}

package dev.aep.operator.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
    items = Copies.list(items);
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return nextPageToken != null;
  }

  /** The next page token, if any. */
  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }

  /**
   * Every item of a listing, page after page, from a first page asked with a null token; fails
   * rather than loop on a token the server repeats, or go on beyond {@code maxPages}.
   *
   * @param method HTTP method and {@code path} of the listing, for the failure
   */
  public static <T> List<T> all(
      String method, String path, int maxPages, Function<String, Page<T>> fetch) {
    List<T> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String token = null;
    for (int pages = 0; pages < maxPages; pages++) {
      Page<T> page = fetch.apply(token);
      out.addAll(page.items());
      if (!page.hasNext()) {
        return out;
      }
      token = page.nextPageToken();
      if (!seen.add(token)) {
        throw PlatformException.builder(method, path)
            .detail(
                "the server repeated a page token; listing "
                    + path
                    + " stopped after "
                    + out.size()
                    + " objects")
            .build();
      }
    }
    throw PlatformException.builder(method, path)
        .detail("listing " + path + " exceeded " + maxPages + " pages")
        .build();
  }
}

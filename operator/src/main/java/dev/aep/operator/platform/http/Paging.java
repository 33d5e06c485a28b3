package dev.aep.operator.platform.http;

import dev.aep.operator.platform.Page;
import java.util.List;
import java.util.function.Function;

/** Walks every page of a list call, refusing to loop on a token the server repeats. */
final class Paging {

  // Far above any realistic sandbox size; stops a server that never ends a listing.
  static final int MAX_PAGES = 1000;

  private Paging() {}

  /** The offset a page token of an offset-paged service stands for; 0 for the first page. */
  static int offset(String token, String service) {
    if (token == null) {
      return 0;
    }
    try {
      int start = Integer.parseInt(token);
      if (start < 0) {
        throw new NumberFormatException();
      }
      return start;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a " + service + " page token: " + token, e);
    }
  }

  /** Without a page token, a full page means there may be more at the next offset. */
  static String nextOffset(int start, int items, int pageSize) {
    return items >= pageSize ? Integer.toString(start + items) : null;
  }

  static <T> List<T> all(String method, String path, Function<String, Page<T>> fetch) {
    return Page.all(method, path, MAX_PAGES, fetch);
  }
}

package dev.aep.operator.platform.http;

import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Walks every page of a list call, refusing to loop on a token the server repeats. */
final class Paging {

  // Far above any realistic sandbox size; stops a server that never ends a listing.
  static final int MAX_PAGES = 1000;

  private Paging() {}

  static <T> List<T> all(String method, String path, Function<String, Page<T>> fetch) {
    List<T> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String token = null;
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      Page<T> page = fetch.apply(token);
      out.addAll(page.items());
      if (!page.hasNext()) {
        return out;
      }
      token = page.nextPageToken();
      if (!seen.add(token)) {
        throw PlatformException.builder(method, path)
            .detail(
                "the server repeated a page token; listing stopped after "
                    + out.size()
                    + " objects")
            .build();
      }
    }
    throw PlatformException.builder(method, path)
        .detail("listing exceeded " + MAX_PAGES + " pages")
        .build();
  }
}

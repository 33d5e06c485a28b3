package dev.aep.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Problems;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flow Service list semantics shared by every collection: repeated `property=` filters ANDed,
 * `orderby` ([+-]field), `limit` + `continuationToken` paging, `count=true` (platform-api.md 2.3).
 */
final class FlowLists {
  private static final Pattern ORDER = Pattern.compile("^[+-]?[A-Za-z0-9_.]+$");

  private FlowLists() {}

  /**
   * Answers a list request over docs already in default (creation) order; collection names the
   * href.
   */
  static Response answer(Request req, List<ObjectNode> docs, String collection) {
    // Flow Service filters have no regex or prefix operator (platform-api.md 17 [DOC:FS-ERR]).
    List<PropertyFilter> filters =
        PropertyFilter.parseAll(
            req.queries("property"),
            m -> Problems.flowBadRequest("1440-400", "Invalid filter: " + m, collection, null),
            e ->
                Problems.flowBadRequest(
                    "1440-400",
                    "Invalid filter: unsupported operator '~' in '" + e + "'",
                    collection,
                    null));
    List<ObjectNode> hits = new ArrayList<>(docs);
    hits.removeIf(d -> !PropertyFilter.all(filters, d));
    String orderby = req.query("orderby");
    if (orderby != null) {
      hits.sort(comparator(orderby, collection));
    }
    boolean count = "true".equalsIgnoreCase(req.query("count"));
    String limitParam = req.query("limit");
    if (count && limitParam != null) {
      throw Problems.flowBadRequest(
          "1401-400", "limit and count cannot be combined", collection, null);
    }
    if (count) {
      return Response.json(200, Json.obj().put("count", hits.size()));
    }
    int offset = offset(req.query("continuationToken"), collection);
    int limit = hits.size();
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 1000) {
        throw Problems.flowBadRequest("limit must be an integer between 1 and 1000");
      }
    }
    ObjectNode body = Json.obj();
    ArrayNode items = body.putArray("items");
    int end = Math.min(hits.size(), offset + limit);
    for (int i = Math.min(offset, hits.size()); i < end; i++) {
      items.add(hits.get(i));
    }
    ObjectNode links = body.putObject("_links");
    if (end < hits.size()) {
      links.putObject("next").put("href", nextHref(req, collection, end));
    }
    return Response.json(200, body);
  }

  private static Comparator<ObjectNode> comparator(String orderby, String collection) {
    Comparator<ObjectNode> result = null;
    for (String part : orderby.split(",")) {
      String p = part.trim();
      if (!ORDER.matcher(p).matches()) {
        throw Problems.flowBadRequest(
            "1432-400", "Invalid orderby syntax: " + orderby, collection, null);
      }
      boolean desc = p.startsWith("-");
      String field = p.startsWith("-") || p.startsWith("+") ? p.substring(1) : p;
      Comparator<ObjectNode> c =
          (a, b) -> {
            List<String> la = PropertyFilter.leaves(a, field);
            List<String> lb = PropertyFilter.leaves(b, field);
            if (la.isEmpty() || lb.isEmpty()) {
              return Boolean.compare(la.isEmpty(), lb.isEmpty());
            }
            return PropertyFilter.compare(la.get(0), lb.get(0));
          };
      if (desc) {
        c = c.reversed();
      }
      result = result == null ? c : result.thenComparing(c);
    }
    return result;
  }

  private static int offset(String token, String collection) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String t = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!t.startsWith("offset:")) {
        throw new IllegalArgumentException(t);
      }
      return Integer.parseInt(t.substring(7));
    } catch (IllegalArgumentException e) {
      throw Problems.flowBadRequest("1440-400", "Invalid continuationToken", collection, null);
    }
  }

  /**
   * The next page's link. [INF] Documented as service-relative
   * ("/connections?continuationToken=..."); it repeats the filters, orderby and limit so following
   * it alone gives the next page.
   */
  private static String nextHref(Request req, String collection, int nextOffset) {
    StringBuilder sb = new StringBuilder("/").append(collection).append("?");
    req.queryMap()
        .forEach(
            (k, vs) -> {
              if (!k.equals("continuationToken")) {
                for (String v : vs) {
                  sb.append(enc(k)).append('=').append(enc(v)).append('&');
                }
              }
            });
    String token =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("offset:" + nextOffset).getBytes(StandardCharsets.UTF_8));
    return sb.append("continuationToken=").append(token).toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

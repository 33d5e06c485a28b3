package dev.aep.operator.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Filter, order and page size of a list call.
 *
 * @param properties {@code property=} expressions ANDed together, e.g. {@code name==my-flow},
 *     {@code flowId==<id>}, {@code title==Stripe Charges}; values are URL-encoded by the client
 * @param orderBy sort expression such as {@code -createdAt}, or null for the service default
 * @param limit page size hint, or null for the service default
 */
public record ListQuery(List<String> properties, String orderBy, Integer limit) {

  private static final ListQuery ALL = new ListQuery(List.of(), null, null);

  public ListQuery {
    properties = Copies.list(properties);
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }

  /** Everything, default order and page size. */
  public static ListQuery all() {
    return ALL;
  }

  /** Objects matching every given {@code property=} expression. */
  public static ListQuery where(String... properties) {
    return new ListQuery(List.of(properties), null, null);
  }

  /** Same query with one more {@code property=} expression. */
  public ListQuery and(String property) {
    List<String> more = new ArrayList<>(properties);
    more.add(property);
    return new ListQuery(more, orderBy, limit);
  }

  /** Same query with a sort expression. */
  public ListQuery orderBy(String expression) {
    return new ListQuery(properties, expression, limit);
  }

  /** Same query with a page size. */
  public ListQuery limit(int pageSize) {
    return new ListQuery(properties, orderBy, pageSize);
  }
}

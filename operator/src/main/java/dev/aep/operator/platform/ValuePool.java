package dev.aep.operator.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal values between the objects the clients read: every parsed answer carries its own
 * copy of the same spec references, states, formats, content types and mapping rows, and the
 * operator keeps ten thousand flows' objects in its snapshots. Only such low-cardinality parts are
 * pooled (ids, etags, descriptions and schedules, whose start times differ per flow, are not), and
 * the pool stops growing at a bound. One pool serves every sandbox: these values (states, formats,
 * spec references, the mapping rows flows share) are the same across sandboxes, so a second sandbox
 * mostly finds them pooled already.
 */
public final class ValuePool {
  /** Beyond this many distinct values nothing more is pooled (values are returned as given). */
  static final int MAX_VALUES = 100_000;

  private static final Map<Object, Object> POOL = new ConcurrentHashMap<>();

  private ValuePool() {}

  /** The pooled value equal to {@code value} (or {@code value}, now pooled). */
  @SuppressWarnings("unchecked") // the pooled value equals value, so it has its class
  public static <V> V of(V value) {
    if (value == null) {
      return null;
    }
    Object known = POOL.get(value);
    if (known != null) {
      return (V) known;
    }
    if (POOL.size() >= MAX_VALUES) {
      return value;
    }
    known = POOL.putIfAbsent(value, value);
    return known == null ? value : (V) known;
  }

  /** {@code ref} with its content type pooled (its id is not). */
  public static SchemaRef schemaRef(SchemaRef ref) {
    return ref == null ? null : new SchemaRef(ref.id(), of(ref.contentType()));
  }
}

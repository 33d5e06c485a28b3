package dev.aep.operator.platform;

import java.util.Locale;
import java.util.Objects;

/**
 * One RFC 6902 operation of a PATCH body; the Platform accepts only add, replace and remove.
 *
 * <p>{@link #toString()} hides values under {@code /auth} (they hold the Stripe key).
 *
 * @param op operation
 * @param path JSON pointer, e.g. {@code /scheduleParams/interval}
 * @param value new value (a String, Number, Boolean, Map, List or record); null for remove
 */
public record JsonPatchOp(Op op, String path, Object value) {

  /** The operations the Platform supports. */
  public enum Op {
    ADD,
    REPLACE,
    REMOVE;

    /** Wire form, lower case as in the Platform docs. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public JsonPatchOp {
    Objects.requireNonNull(op, "op");
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("JSON Patch path must start with '/': " + path);
    }
    if (op == Op.REMOVE && value != null) {
      throw new IllegalArgumentException("remove takes no value");
    }
  }

  public static JsonPatchOp add(String path, Object value) {
    return new JsonPatchOp(Op.ADD, path, value);
  }

  public static JsonPatchOp replace(String path, Object value) {
    return new JsonPatchOp(Op.REPLACE, path, value);
  }

  public static JsonPatchOp remove(String path) {
    return new JsonPatchOp(Op.REMOVE, path, null);
  }

  /** "replace /name": the operation and its path, never the value (for logs and status.plan). */
  public String opAndPath() {
    return op.wireName() + " " + path;
  }

  /** True when the value may hold credentials and must not be shown. */
  public boolean isSensitive() {
    return path.equals("/auth") || path.startsWith("/auth/");
  }

  @Override
  public String toString() {
    String shown = op == Op.REMOVE ? "" : ", value=" + (isSensitive() ? "<redacted>" : value);
    return "JsonPatchOp[" + op.wireName() + " " + path + shown + "]";
  }
}

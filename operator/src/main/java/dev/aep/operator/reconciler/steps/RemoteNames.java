package dev.aep.operator.reconciler.steps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic remote names and the ownership marker. A pass that crashed between a create and the
 * status write finds its object again by name and proves ownership by the CR uid in the
 * description, instead of creating a duplicate.
 */
public final class RemoteNames {
  /** Names longer than this are shortened with a hash suffix (Platform names are bounded). */
  static final int MAX_NAME = 128;

  /**
   * The Catalog tag the operator puts on every dataset it creates, so that it can list its own
   * datasets among any number of others with {@code tags=key:value} (platform-api.md 4, 17
   * [DOC:CAT-FILTER]): dataset names are the user's and carry no common prefix. Tag names starting
   * with {@code adobe} and the Profile ones are reserved; this is neither.
   */
  public static final String DATASET_TAG = "stripeAepOperator";

  /** The value of {@link #DATASET_TAG}. */
  public static final String DATASET_TAG_VALUE = "managed";

  private static final String MARKER_PREFIX = "[managed-by: stripe-aep-operator, uid: ";

  private RemoteNames() {}

  /** {@code sif-<namespace>-<name>-<kind>}, shortened deterministically when too long. */
  public static String name(String namespace, String name, String kind) {
    return bounded("sif-" + namespace + "-" + name + "-" + kind);
  }

  /** A name that also carries the uid, for objects without a description (mapping sets). */
  public static String nameWithUid(String namespace, String name, String kind, String uid) {
    return bounded("sif-" + namespace + "-" + name + "-" + kind + "-" + uid);
  }

  /** Kind suffix of a flow's Stripe base connection. */
  public static final String BASE_CONNECTION = BaseConnectionStep.KIND_SUFFIX;

  /** Kind suffix of a flow's source connection. */
  public static final String SOURCE_CONNECTION = SourceConnectionStep.KIND_SUFFIX;

  /** Kind suffix of a flow's target connection. */
  public static final String TARGET_CONNECTION = TargetConnectionStep.KIND_SUFFIX;

  /** Kind suffix of a flow's dataflow. */
  public static final String FLOW = FlowStep.KIND_SUFFIX;

  /** The ownership marker appended to descriptions. */
  public static String marker(String uid) {
    return MARKER_PREFIX + uid + "]";
  }

  /** {@code text} followed by the ownership marker. */
  public static String describe(String text, String uid) {
    String base = text == null || text.isBlank() ? "" : text.strip() + " ";
    return base + marker(uid);
  }

  /** Whether a remote description carries this uid's marker. */
  public static boolean ownedBy(String description, String uid) {
    return description != null && uid != null && description.contains(marker(uid));
  }

  private static String bounded(String candidate) {
    String lower = candidate.toLowerCase(Locale.ROOT);
    if (lower.length() <= MAX_NAME) {
      return lower;
    }
    String hash = sha256(lower).substring(0, 10);
    return lower.substring(0, MAX_NAME - hash.length() - 1) + "-" + hash;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

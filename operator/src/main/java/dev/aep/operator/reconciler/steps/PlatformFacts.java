package dev.aep.operator.reconciler.steps;

import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.PreviewRow;
import dev.aep.operator.platform.SourceSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * What the Platform says that does not change while the operator runs, read once and kept in
 * memory: an org's tenant id (platform-api.md 9: read once per sandbox), what exploring a Stripe
 * resource path answered (its field tree and sample records) and Data Prep's verdict on a mapping
 * it accepted. Shared by every flow of the operator; bounded, so a long-lived operator does not
 * grow.
 *
 * <p>Explores and verdicts are keyed by what decides their answer, not by the flow: an explore by
 * the Stripe credentials (a fingerprint of the key, never the key) or the existing base connection,
 * and the resource path; a verdict by the mapping, the schema's content and the explored records.
 * Many flows of one Stripe account and one mapping, the usual case in an org, then cost one explore
 * and one validate and preview between them instead of one each (issue 13: at most 1.5 calls per
 * new flow beyond its creates).
 */
public final class PlatformFacts {
  private static final int MAX_ENTRIES = 10_000;

  private final Memo<String> tenants = new Memo<>();
  private final Memo<SourceSchema> sources = new Memo<>();
  private final Memo<MappingVerdict> verdicts = new Memo<>();

  /**
   * What Data Prep answered for a mapping it accepted: validate found no error, and preview filled
   * these rows from the explored samples.
   */
  public record MappingVerdict(List<PreviewRow> rows) {
    public MappingVerdict {
      rows = List.copyOf(rows);
    }
  }

  /** The tenant id of the session's org and sandbox, from {@code GET /stats} on first use. */
  public String tenantId(PlatformSession session) {
    return tenants.get(scope(session), () -> session.schemaRegistry().tenantId());
  }

  /**
   * The explored source of a resource path: as remembered for the same credentials, else explored
   * through the base connection now.
   *
   * @param credentialsKey {@link #credentialsKey}: which Stripe account the connection reads
   */
  public SourceSchema source(
      PlatformSession session,
      String credentialsKey,
      String baseConnectionId,
      String resourcePath) {
    return sources.get(
        scope(session) + "/" + credentialsKey + "/" + resourcePath,
        () -> session.flowService().explore(baseConnectionId, resourcePath));
  }

  /**
   * Data Prep's verdict on a mapping of this content: as given before, else {@code ask}ed now. A
   * refusal is an exception and is not kept, so the next pass asks again.
   */
  public MappingVerdict verdict(
      PlatformSession session, String contentKey, Supplier<MappingVerdict> ask) {
    return verdicts.get(scope(session) + "/" + sha256(contentKey), ask);
  }

  /**
   * Which Stripe account a flow's base connection reads: a SHA-256 fingerprint of the access key
   * the operator gave it (the key itself is never kept), or the id of an existing connection the
   * spec names, whose credentials the operator does not know.
   */
  public static String credentialsKey(Credentials credentials, String baseConnectionId) {
    return credentials.stripeAccessToken() == null
        ? "connection:" + baseConnectionId
        : "key:" + sha256(credentials.stripeAccessToken());
  }

  private static String scope(PlatformSession session) {
    return session.scope().orgId() + "/" + session.scope().sandbox();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Answers by key, computed once: concurrent first asks wait for the one call in flight, a failed
   * call is not remembered, and the eldest answers leave beyond {@link #MAX_ENTRIES}.
   */
  private static final class Memo<V> {
    private final Map<String, FutureTask<V>> answers =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, FutureTask<V>> eldest) {
                return size() > MAX_ENTRIES;
              }
            });

    V get(String key, Supplier<V> call) {
      FutureTask<V> mine = new FutureTask<>(call::get);
      FutureTask<V> known = answers.putIfAbsent(key, mine);
      FutureTask<V> answer = known == null ? mine : known;
      if (known == null) {
        mine.run();
      }
      try {
        return answer.get();
      } catch (ExecutionException e) {
        answers.remove(key, answer);
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + key, e);
      }
    }
  }
}

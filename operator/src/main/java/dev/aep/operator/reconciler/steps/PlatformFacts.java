package dev.aep.operator.reconciler.steps;

import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.SourceSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What the Platform says that does not change while the operator runs, read once and kept in
 * memory: an org's tenant id (platform-api.md 9: read once per sandbox) and what exploring a
 * Stripe resource path through a base connection answered (its field tree and sample records).
 * Shared by every flow of the operator; bounded, so a long-lived operator does not grow.
 */
public final class PlatformFacts {
  private static final int MAX_ENTRIES = 10_000;

  /** One answer per org and sandbox: concurrent first passes wait for the one call in flight. */
  private final ConcurrentMap<String, FutureTask<String>> tenants = new ConcurrentHashMap<>();
  private final Map<String, SourceSchema> sources = bounded();

  /** The tenant id of the session's org and sandbox, from {@code GET /stats} on first use. */
  public String tenantId(PlatformSession session) {
    String key = session.scope().orgId() + "/" + session.scope().sandbox();
    FutureTask<String> mine = new FutureTask<>(() -> session.schemaRegistry().tenantId());
    FutureTask<String> known = tenants.putIfAbsent(key, mine);
    FutureTask<String> answer = known == null ? mine : known;
    if (known == null) {
      mine.run();
    }
    try {
      return answer.get();
    } catch (ExecutionException e) {
      // A failed read is not remembered: the next pass asks again.
      tenants.remove(key, answer);
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the tenant id", e);
    }
  }

  /** The explored source of a resource path through a base connection, exploring on first use. */
  public SourceSchema source(PlatformSession session, String baseConnectionId, String resourcePath) {
    String key = key(session, baseConnectionId, resourcePath);
    synchronized (sources) {
      SourceSchema known = sources.get(key);
      if (known != null) {
        return known;
      }
    }
    SourceSchema explored = session.flowService().explore(baseConnectionId, resourcePath);
    remember(session, baseConnectionId, resourcePath, explored);
    return explored;
  }

  /** Keeps what an explore just answered. */
  public void remember(PlatformSession session, String baseConnectionId, String resourcePath,
      SourceSchema explored) {
    synchronized (sources) {
      sources.put(key(session, baseConnectionId, resourcePath), explored);
    }
  }

  private static String key(PlatformSession session, String baseConnectionId, String resourcePath) {
    return session.scope().orgId() + "/" + session.scope().sandbox() + "/" + baseConnectionId + "/"
        + resourcePath;
  }

  private static <V> Map<String, V> bounded() {
    return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_ENTRIES;
      }
    });
  }
}

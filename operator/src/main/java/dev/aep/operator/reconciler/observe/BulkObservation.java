package dev.aep.operator.reconciler.observe;

import dev.aep.operator.platform.PlatformScope;
import dev.aep.operator.platform.PlatformSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Drift detection by bulk listing: every flow of an org+sandbox reads the same per-kind snapshots,
 * each refreshed by one filtered, paginated list once it is older than the resync interval (by
 * whichever pass needs it first, the others waiting for that one list). A thousand flows in a
 * sandbox then cost a handful of list calls per resync instead of thousands of GETs. Writes keep
 * the snapshots current, so the passes that follow a write see it without reading.
 */
public final class BulkObservation implements Observation {
  private final Duration maxAge;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Map<Key, ScopeSnapshots> scopes = new ConcurrentHashMap<>();

  /**
   * @param maxAge how old a kind's list may be before a pass takes it again: the resync interval
   * @param clock wall clock, to tell whether a scheduled run time has passed
   */
  public BulkObservation(Duration maxAge, Clock clock) {
    this(maxAge, clock, System::nanoTime);
  }

  BulkObservation(Duration maxAge, Clock clock, LongSupplier nanoTime) {
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
    }
  }

  @Override
  public Observed open(PlatformSession session) {
    return open(session, null);
  }

  @Override
  public Observed open(PlatformSession session, Supplier<Collection<Sibling>> siblings) {
    ScopeSnapshots scope =
        scopes.computeIfAbsent(Key.of(session.scope()), k -> new ScopeSnapshots(maxAge, nanoTime));
    if (siblings != null) {
      scope.siblings = siblings;
    }
    return new Observed(
        new WriteThrough(session, scope).session(), new BulkRemoteObserver(session, scope, clock));
  }

  /** How many list calls (pages) this instance made so far, over every scope and kind. */
  public long listCalls() {
    return scopes.values().stream()
        .flatMap(s -> s.kinds().stream())
        .mapToLong(KindSnapshot::pages)
        .sum();
  }

  /** Snapshots are per org and sandbox, whatever credentials a flow uses to reach them. */
  private record Key(String orgId, String sandbox) {
    static Key of(PlatformScope scope) {
      return new Key(scope.orgId().toLowerCase(Locale.ROOT), scope.sandbox());
    }
  }
}

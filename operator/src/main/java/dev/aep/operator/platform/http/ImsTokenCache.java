package dev.aep.operator.platform.http;

import dev.aep.operator.platform.AccessToken;
import dev.aep.operator.platform.ImsClient;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.TokenProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMS tokens cached per account (all credential fields): renewed at the later of {@code margin}
 * before expiry and half the lifetime, fetched once when many threads need one at the same time,
 * dropped when a Platform call answers 401.
 */
public final class ImsTokenCache implements TokenProvider {

  private static final Logger LOG = LoggerFactory.getLogger(ImsTokenCache.class);

  private final ImsClient ims;
  private final Clock clock;
  private final Duration margin;
  private final MeterRegistry meters;
  private final ConcurrentMap<PlatformAccount, Slot> slots = new ConcurrentHashMap<>();

  /**
   * @param ims where tokens come from
   * @param clock wall clock
   * @param margin renew no later than this long before expiry (5 minutes in production)
   * @param meters registry of the {@code aep.platform.token.requests} counter
   */
  public ImsTokenCache(ImsClient ims, Clock clock, Duration margin, MeterRegistry meters) {
    this.ims = ims;
    this.clock = clock;
    this.margin = margin;
    this.meters = meters;
  }

  @Override
  public String token(PlatformAccount account) {
    Slot slot = slots.computeIfAbsent(account, a -> new Slot());
    AccessToken current = slot.token;
    if (current != null && isFresh(current)) {
      return current.value();
    }
    long waitingSince = System.nanoTime();
    slot.lock.lock();
    try {
      current = slot.token;
      if (current != null && isFresh(current)) {
        return current.value();
      }
      PlatformException failedMeanwhile = slot.lastFailure;
      if (failedMeanwhile != null && slot.lastFailureNanos - waitingSince >= 0) {
        // Another thread asked IMS while this one waited, and failed: one request per burst of
        // callers, even when IMS is down or the credentials are wrong.
        if (current != null && clock.instant().isBefore(current.expiresAt())) {
          return current.value();
        }
        throw failedMeanwhile;
      }
      try {
        AccessToken renewed = ims.requestToken(account);
        count("success");
        slot.token = renewed;
        slot.lastFailure = null;
        LOG.debug(
            "obtained IMS token for client {} of org {}, valid until {}",
            account.clientId(),
            account.orgId(),
            renewed.expiresAt());
        return renewed.value();
      } catch (PlatformException e) {
        count("failure");
        slot.lastFailure = e;
        slot.lastFailureNanos = System.nanoTime();
        // A token that is due for renewal but not yet expired still works: keep serving it.
        if (current != null && clock.instant().isBefore(current.expiresAt())) {
          LOG.warn(
              "IMS token renewal for client {} failed ({}); using the current token until"
                  + " it expires at {}",
              account.clientId(),
              e.getMessage(),
              current.expiresAt());
          return current.value();
        }
        throw e;
      }
    } finally {
      slot.lock.unlock();
    }
  }

  @Override
  public void invalidate(PlatformAccount account, String rejectedToken) {
    Slot slot = slots.get(account);
    if (slot == null || rejectedToken == null) {
      return;
    }
    slot.lock.lock();
    try {
      AccessToken current = slot.token;
      if (current != null && current.value().equals(rejectedToken)) {
        slot.token = null;
      }
    } finally {
      slot.lock.unlock();
    }
  }

  /** When a token is due for renewal: the later of expiry minus margin and half its lifetime. */
  Instant renewalTime(AccessToken token) {
    Duration lifetime = Duration.between(token.issuedAt(), token.expiresAt());
    Instant halfLife = token.issuedAt().plus(lifetime.dividedBy(2));
    Instant beforeExpiry = token.expiresAt().minus(margin);
    return beforeExpiry.isAfter(halfLife) ? beforeExpiry : halfLife;
  }

  private boolean isFresh(AccessToken token) {
    return clock.instant().isBefore(renewalTime(token));
  }

  private void count(String outcome) {
    Counter.builder("aep.platform.token.requests")
        .description("IMS token requests by outcome")
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  /** Cache entry of one account; the lock makes concurrent misses wait for one request. */
  private static final class Slot {
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken token;
    // Guarded by lock.
    private PlatformException lastFailure;
    private long lastFailureNanos;
  }
}

package dev.aep.operator.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.platform.http.RequestLimiter;
import dev.aep.operator.platform.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The per-sandbox limiter shares its budget fairly: reconciles that keep asking are served in turn,
 * so no flow (or list refresh) starves the others of the org+sandbox's request budget.
 */
class RequestLimiterFairnessTest {
  private static final int CALLERS = 4;
  private static final int CALLS_EACH = 6;
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final AtomicLong now = new AtomicLong(SECOND);
  private final AtomicInteger sleeping = new AtomicInteger();
  private final Object clockMoved = new Object();

  // Sleeping waits for the test to move the fake clock far enough.
  private final Sleeper sleeper =
      duration -> {
        long until = now.get() + duration.toNanos();
        sleeping.incrementAndGet();
        try {
          synchronized (clockMoved) {
            while (now.get() < until) {
              clockMoved.wait();
            }
          }
        } finally {
          sleeping.decrementAndGet();
        }
      };

  private static int servedCount(List<Integer> served) {
    synchronized (served) {
      return served.size();
    }
  }

  @Test
  void callersThatKeepAskingAreServedInTurn() throws Exception {
    RequestLimiter limiter = new RequestLimiter(1, now::get, sleeper);
    List<Integer> served = new ArrayList<>();
    AtomicInteger finished = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<?>> callers = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        int caller = c;
        callers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < CALLS_EACH; i++) {
                    limiter.acquire();
                    synchronized (served) {
                      served.add(caller);
                    }
                  }
                  finished.incrementAndGet();
                  return null;
                }));
      }
      // Move the clock one slot at a time, once every caller still asking waits for its slot.
      while (finished.get() < CALLERS) {
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(2))
            .until(() -> sleeping.get() == CALLERS - finished.get());
        if (finished.get() == CALLERS) {
          break;
        }
        int before;
        synchronized (served) {
          before = served.size();
        }
        synchronized (clockMoved) {
          now.addAndGet(SECOND);
          clockMoved.notifyAll();
        }
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(2))
            .until(() -> servedCount(served) > before || finished.get() == CALLERS);
      }
      for (Future<?> caller : callers) {
        caller.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(served).hasSize(CALLERS * CALLS_EACH);
    // Once all are queued and until the first is done, every window of CALLERS consecutive
    // slots serves each caller once.
    for (int i = CALLERS; i + 2 * CALLERS <= served.size(); i++) {
      assertThat(new HashSet<>(served.subList(i, i + CALLERS)))
          .as("slots %d..", i)
          .hasSize(CALLERS);
    }
  }
}

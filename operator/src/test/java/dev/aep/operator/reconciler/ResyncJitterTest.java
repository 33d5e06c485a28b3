package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Drift checks are spread out, so a restart does not fire every flow's check at once. */
class ResyncJitterTest {

  @Test
  void resyncDelaysSpreadWithinTenPercentOfTheInterval() {
    ReconcilerSettings settings =
        ReconcilerSettings.defaults().withResyncInterval(Duration.ofMinutes(10));
    Set<Long> delays = new HashSet<>();
    IntStream.range(0, 1000).forEach(i -> delays.add(settings.jitteredResync().toMillis()));

    assertThat(delays).allSatisfy(ms -> assertThat(ms).isBetween(540_000L, 660_000L));
    // 1000 draws over a 120 s range: far more than a handful of distinct delays.
    assertThat(delays).hasSizeGreaterThan(500);
    assertThat(delays.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(570_000L);
    assertThat(delays.stream().mapToLong(Long::longValue).max().orElseThrow())
        .isGreaterThan(630_000L);
  }
}

package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One Event per pass: every change named, grouped by what happened, reason by precedence. */
class PassSummaryTest {

  @Test
  void aCreatingPassIsOneCreatedEventNamingEveryObjectInOrder() {
    PassSummary summary = new PassSummary();
    summary.add("Created", "base connection b1");
    summary.add("Explored", "Stripe resource path charges (31 top-level fields)");
    summary.add("Created", "source connection s1");
    summary.add("Created", "flow f1");

    PassSummary.Summary event = summary.drain().orElseThrow();
    assertThat(event.reason()).isEqualTo("Created");
    assertThat(event.note())
        .isEqualTo(
            "Created base connection b1, source connection s1, flow f1; "
                + "Explored Stripe resource path charges (31 top-level fields) (4 changes)");
  }

  @Test
  void aReplaceReadsAsReplacingAndNamesTheNewAndTheDeletedObject() {
    PassSummary summary = new PassSummary();
    summary.add("Replacing", "source connection s1: it reads another path");
    summary.add("Deleted", "flow f1");
    summary.add("Updated", "mapping set m1 version 2 (mappings)");

    PassSummary.Summary event = summary.drain().orElseThrow();
    assertThat(event.reason()).isEqualTo("Replacing");
    assertThat(event.note())
        .contains("source connection s1", "flow f1", "mapping set m1 version 2");
  }

  @Test
  void aSingleChangeIsItsOwnSentenceAndNothingChangedIsNoEvent() {
    PassSummary summary = new PassSummary();
    assertThat(summary.drain()).isEmpty();

    summary.add("Updated", "flow f1 (schedule interval)");
    assertThat(summary.drain())
        .hasValueSatisfying(
            e -> {
              assertThat(e.reason()).isEqualTo("Updated");
              assertThat(e.note()).isEqualTo("Updated flow f1 (schedule interval)");
            });
    assertThat(summary.drain()).as("drained").isEmpty();
  }
}

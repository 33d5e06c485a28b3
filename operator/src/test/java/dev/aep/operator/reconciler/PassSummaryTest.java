package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One Event per pass: every change named, grouped by what happened, reason by precedence. */
class PassSummaryTest {

  /** The event a pass makes of its changes, each written {@code "Verb: what changed"}. */
  private static PassSummary.Summary eventOf(String... changes) {
    PassSummary summary = new PassSummary();
    for (String change : changes) {
      String[] verbAndWhat = change.split(": ", 2);
      summary.add(verbAndWhat[0], verbAndWhat[1]);
    }
    return summary.drain().orElseThrow();
  }

  @Test
  void aCreatingPassIsOneCreatedEventNamingEveryObjectInOrder() {
    assertThat(
            eventOf(
                "Created: base connection b1",
                "Explored: Stripe resource path charges (31 top-level fields)",
                "Created: source connection s1",
                "Created: flow f1"))
        .isEqualTo(
            new PassSummary.Summary(
                "Created",
                "Created base connection b1, source connection s1, flow f1; "
                    + "Explored Stripe resource path charges (31 top-level fields) (4 changes)"));
  }

  @Test
  void aReplaceReadsAsReplacingAndNamesTheNewAndTheDeletedObject() {
    PassSummary.Summary event =
        eventOf(
            "Replacing: source connection s1: it reads another path",
            "Deleted: flow f1",
            "Updated: mapping set m1 version 2 (mappings)");

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
        .contains(new PassSummary.Summary("Updated", "Updated flow f1 (schedule interval)"));
    assertThat(summary.drain()).as("drained").isEmpty();
  }
}

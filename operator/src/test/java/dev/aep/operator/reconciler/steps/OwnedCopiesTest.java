package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which remote copies a step counts as this flow's: recorded id, then named copies it marked. */
class OwnedCopiesTest {

  /** A remote object reduced to what ownership looks at. */
  record Remote(String id, String description) {}

  private final FlowContext ctx = context("uid-1");
  private final List<Remote> onPlatform = new ArrayList<>();
  private String recordedId;
  private final OwnedCopies<Remote> copies =
      new OwnedCopies<>(
          c -> recordedId,
          (c, id) -> onPlatform.stream().filter(r -> r.id().equals(id)).findFirst(),
          c -> List.copyOf(onPlatform),
          Remote::id,
          Remote::description);

  @Test
  void namedKeepsOnlyCopiesCarryingThisFlowsUid() {
    onPlatform.add(new Remote("a", ctx.remoteDescription("mine")));
    onPlatform.add(new Remote("b", "someone else's"));
    onPlatform.add(new Remote("c", RemoteNames.describe("other flow", "uid-2")));
    onPlatform.add(new Remote("d", null));

    assertThat(copies.named(ctx)).extracting(Remote::id).containsExactly("a");
  }

  /**
   * {@code mine} are copies this flow marked, beside one foreign copy; lists are space-separated
   * ids, an empty recorded id is none.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "owned lists the recorded id first then every owned copy once, a b, b, b a, a",
    "owned keeps a recorded id that is no longer listed, a, gone, gone a, a",
    "strays are owned copies other than the recorded one, old new, new, new old, old",
    "without a recorded id every owned copy is a stray, a b, , a b, a b"
  })
  void ownedAndStrayCopies(
      String behaviour, String mine, String recorded, String owned, String strays) {
    for (String id : mine.split(" ")) {
      onPlatform.add(new Remote(id, ctx.remoteDescription("mine")));
    }
    onPlatform.add(new Remote("x", "foreign"));
    recordedId = recorded;

    assertThat(copies.owned(ctx)).containsExactly(owned.split(" "));
    assertThat(copies.strays(ctx)).containsExactly(strays.split(" "));
  }

  @Test
  void recordedIsTheObjectWithTheRecordedIdWhenItExists() {
    onPlatform.add(new Remote("a", "not even marked"));
    assertThat(copies.recorded(ctx)).isEmpty();

    recordedId = "a";
    assertThat(copies.recorded(ctx)).map(Remote::id).isEqualTo(Optional.of("a"));

    recordedId = "gone";
    assertThat(copies.recorded(ctx)).isEmpty();
  }

  private static FlowContext context(String uid) {
    StripeIngestionFlow flow = new StripeIngestionFlow();
    flow.setMetadata(
        new ObjectMetaBuilder().withNamespace("ns").withName("f").withUid(uid).build());
    return new FlowContext(
        flow,
        new StripeIngestionFlowStatus(),
        null,
        null,
        null,
        null,
        null,
        new FlowContext.Scratch());
  }
}

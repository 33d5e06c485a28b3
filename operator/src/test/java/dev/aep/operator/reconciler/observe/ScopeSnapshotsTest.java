package dev.aep.operator.reconciler.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flow Service lists: large pages, and smaller ones when the service refuses the size. */
class ScopeSnapshotsTest {
  private final List<ListQuery> asked = new ArrayList<>();

  @Test
  void flowServiceListsAskForLargePagesWithTheSpecFilter() {
    KindSnapshot.Lister<String> lister =
        ScopeSnapshots.flowServicePages(
            ListQuery.where("flowSpec.id==x"),
            (s, q, t) -> {
              asked.add(q);
              return new Page<>(List.of("a"), null);
            });

    lister.page(null, null);

    assertThat(asked)
        .containsExactly(ListQuery.where("flowSpec.id==x").limit(ScopeSnapshots.FLOW_SERVICE_PAGE));
  }

  @Test
  void aRefusedPageSizeIsReplacedByASmallerOneForGood() {
    KindSnapshot.Lister<String> lister =
        ScopeSnapshots.flowServicePages(
            ListQuery.where("flowSpec.id==x"),
            (s, q, t) -> {
              asked.add(q);
              if (q.limit() > ScopeSnapshots.SMALL_PAGE) {
                throw PlatformException.builder("GET", "/flows").httpStatus(400).build();
              }
              return new Page<>(List.of("a"), null);
            });

    lister.page(null, null);
    lister.page(null, null);

    assertThat(asked)
        .extracting(ListQuery::limit)
        .containsExactly(
            ScopeSnapshots.FLOW_SERVICE_PAGE, ScopeSnapshots.SMALL_PAGE, ScopeSnapshots.SMALL_PAGE);
  }

  @Test
  void otherFailuresOfAListPassThrough() {
    KindSnapshot.Lister<String> lister =
        ScopeSnapshots.flowServicePages(
            ListQuery.where("flowSpec.id==x"),
            (s, q, t) -> {
              asked.add(q);
              throw PlatformException.builder("GET", "/flows")
                  .httpStatus(503)
                  .retryable(true)
                  .build();
            });

    assertThatThrownBy(() -> lister.page(null, null)).isInstanceOf(PlatformException.class);
    assertThat(asked).hasSize(1);
  }
}

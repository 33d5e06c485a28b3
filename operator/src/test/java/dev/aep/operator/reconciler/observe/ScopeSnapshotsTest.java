package dev.aep.operator.reconciler.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Flow Service lists: large pages, and smaller ones when the service refuses the size. */
class ScopeSnapshotsTest {
  private static final ListQuery SPEC_FILTER = ListQuery.where("flowSpec.id==x");
  private static final Page<String> ONE_PAGE = new Page<>(List.of("a"), null);

  private final List<ListQuery> asked = new ArrayList<>();

  /**
   * The Flow Service lister over {@code service}, noting every query it sends in {@link #asked}.
   */
  private KindSnapshot.Lister<String> lister(Function<ListQuery, Page<String>> service) {
    return ScopeSnapshots.flowServicePages(
        SPEC_FILTER,
        (s, q, t) -> {
          asked.add(q);
          return service.apply(q);
        });
  }

  @Test
  void flowServiceListsAskForLargePagesWithTheSpecFilter() {
    lister(q -> ONE_PAGE).page(null, null);

    assertThat(asked).containsExactly(SPEC_FILTER.limit(ScopeSnapshots.FLOW_SERVICE_PAGE));
  }

  @Test
  void aRefusedPageSizeIsReplacedByASmallerOneForGood() {
    KindSnapshot.Lister<String> lister =
        lister(
            q -> {
              if (q.limit() > ScopeSnapshots.SMALL_PAGE) {
                throw PlatformException.builder("GET", "/flows").httpStatus(400).build();
              }
              return ONE_PAGE;
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
        lister(
            q -> {
              throw PlatformException.builder("GET", "/flows")
                  .httpStatus(503)
                  .retryable(true)
                  .build();
            });

    assertThatThrownBy(() -> lister.page(null, null)).isInstanceOf(PlatformException.class);
    assertThat(asked).hasSize(1);
  }
}

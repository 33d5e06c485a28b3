package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.SourceConnection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lists follow continuation tokens, start values and offsets to the last page. */
class PagingTest {

  @RegisterExtension final PlatformSessionFixture fixture = new PlatformSessionFixture("prod");

  /**
   * Answers a request without query parameter {@code param} with {@code first}, and one with it
   * with the page {@code next} holds for its value.
   */
  private void answerPages(String param, String first, Map<String, String> next) {
    fixture.server.handler =
        r -> {
          String value = r.getUrl().queryParameter(param);
          return json(200, value == null ? first : next.get(value));
        };
  }

  @Test
  void flowServiceListFollowsContinuationTokensKeepingTheFilter() {
    answerPages(
        "continuationToken",
        "{\"items\":[{\"id\":\"s1\"},{\"id\":\"s2\"}],"
            + "\"_links\":{\"next\":{\"href\":\"/sourceConnections?continuationToken=tok%2B1&limit=2\"}}}",
        Map.of(
            "tok+1",
            "{\"items\":[{\"id\":\"s3\"}],\"_links\":{\"next\":{\"href\":"
                + "\"https://platform.adobe.io/data/foundation/flowservice/sourceConnections?continuationToken=tok2\"}}}",
            "tok2",
            "{\"items\":[{\"id\":\"s4\"}],\"_links\":{}}"));
    var all =
        fixture
            .flowService()
            .sourceConnections()
            .list(ListQuery.where("params.resourcePath==charges").limit(2));
    assertThat(all).extracting(SourceConnection::id).containsExactly("s1", "s2", "s3", "s4");
    assertThat(fixture.server.platformRequests)
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.getUrl().queryParameter("property"))
                  .isEqualTo("params.resourcePath==charges");
              // The link's host is never followed: every page comes from the configured
              // fixture.server.
              assertThat(r.getUrl().host()).isEqualTo("127.0.0.1");
            });
    assertThat(fixture.server.platformRequests.get(2).getUrl().queryParameter("continuationToken"))
        .isEqualTo("tok2");
  }

  @Test
  void pagedVariantReturnsOnePageAndItsToken() {
    fixture.answer(
        200,
        "{\"items\":[{\"id\":\"f1\"}],"
            + "\"_links\":{\"next\":{\"href\":\"/flows?continuationToken=abc\"}}}");
    Page<dev.aep.operator.platform.Flow> page = fixture.flows().listPage(ListQuery.all(), null);
    assertThat(page.items()).hasSize(1);
    assertThat(page.nextPageToken()).isEqualTo("abc");
    fixture.flows().listPage(ListQuery.all(), page.nextPageToken());
    assertThat(fixture.last().getUrl().queryParameter("continuationToken")).isEqualTo("abc");
  }

  @Test
  void repeatedContinuationTokenStopsTheListing() {
    fixture.answer(
        200,
        "{\"items\":[{\"id\":\"x\"}],"
            + "\"_links\":{\"next\":{\"href\":\"/flows?continuationToken=same\"}}}");
    assertThatThrownBy(() -> fixture.flows().list(ListQuery.all()))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("repeated a page token");
  }

  @Test
  void findByNameKeepsOnlyExactMatches() {
    fixture.answer(
        200,
        "{\"items\":[{\"id\":\"f1\",\"name\":\"sif-payments-charges\"},"
            + "{\"id\":\"f2\",\"name\":\"SIF-payments-charges\"}]}");
    assertThat(fixture.flows().findByName("sif-payments-charges"))
        .extracting(f -> f.id())
        .containsExactly("f1");
    assertThat(fixture.last().getUrl().queryParameter("property"))
        .isEqualTo("name==sif-payments-charges");
  }

  @Test
  void schemaListFollowsPageNextAsStart() {
    answerPages(
        "start",
        "{\"results\":[{\"$id\":\"a\",\"title\":\"A\"}],\"_page\":{\"next\":\"A\",\"count\":1}}",
        Map.of(
            "A",
            "{\"results\":[{\"$id\":\"b\",\"title\":\"B\"}],\"_page\":{\"next\":null,\"count\":1}}"));
    assertThat(fixture.session.schemaRegistry().schemas().list(ListQuery.all().orderBy("title")))
        .extracting(s -> s.id())
        .containsExactly("a", "b");
    assertThat(fixture.last().getUrl().queryParameter("start")).isEqualTo("A");
    assertThat(fixture.last().getUrl().queryParameter("orderby")).isEqualTo("title");
  }

  @Test
  void catalogListPagesByOffsetUntilAShortPage() {
    fixture.server.handler =
        r -> {
          int start = Integer.parseInt(r.getUrl().queryParameter("start"));
          int limit = Integer.parseInt(r.getUrl().queryParameter("limit"));
          int total = 5;
          String body =
              IntStream.range(start, Math.min(start + limit, total))
                  .mapToObj(i -> "\"id" + i + "\":{\"name\":\"ds" + i + "\"}")
                  .collect(Collectors.joining(",", "{", "}"));
          return json(200, body);
        };
    assertThat(fixture.session.catalog().datasets().list(ListQuery.all().limit(2)))
        .extracting(d -> d.id())
        .containsExactly("id0", "id1", "id2", "id3", "id4");
    assertThat(fixture.server.platformRequests).hasSize(3);
  }

  @Test
  void mappingSetListSendsRequiredLimitAndStart() {
    fixture.answer(
        200,
        "{\"data\":[{\"id\":\"m1\",\"name\":\"n\",\"version\":1},"
            + "{\"id\":\"m2\",\"name\":\"other\",\"version\":0}],\"_page\":{\"count\":2,\"limit\":100}}");
    assertThat(fixture.session.dataPrep().mappingSets().findByName("n"))
        .extracting(m -> m.id())
        .containsExactly("m1");
    var url = fixture.last().getUrl();
    assertThat(url.queryParameter("limit")).isEqualTo("100");
    assertThat(url.queryParameter("start")).isEqualTo("0");
    assertThat(url.queryParameter("name")).isEqualTo("n");
  }
}

package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.Transformation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Numbers and booleans sent as strings, unknown fields and alternative shapes are read. */
class LenientReadingTest {

  @RegisterExtension final PlatformSessionFixture fixture = new PlatformSessionFixture("prod");

  @Test
  void flowWithStringTypedScheduleAndMappingVersionIsRead() {
    fixture.answer(
        200,
        "{\"items\":[{\"id\":\"f1\",\"etag\":\"\\\"e1\\\"\","
            + "\"version\":\"\\\"e1\\\"\",\"name\":\"n\",\"state\":\"enabled\",\"unknownField\":{\"x\":1},"
            + "\"flowSpec\":{\"id\":\"fs\",\"version\":\"1.0\"},"
            + "\"sourceConnectionIds\":[\"s1\"],\"targetConnectionIds\":[\"t1\"],"
            + "\"transformations\":[{\"name\":\"Mapping\",\"params\":{\"mappingId\":\"m1\",\"mappingVersion\":\"0\"}}],"
            + "\"scheduleParams\":{\"startTime\":\"1612310466\",\"frequency\":\"minute\",\"interval\":\"15\",\"backfill\":\"true\"},"
            + "\"lastRunDetails\":{\"id\":\"r1\",\"state\":\"success\",\"startedAtUTC\":\"1596656058198\",\"completedAtUTC\":1596656113306}}]}");
    Flow flow = fixture.flows().get("f1").orElseThrow();
    assertThat(flow.etag()).isEqualTo("\"e1\"");
    assertThat(flow.scheduleParams())
        .isEqualTo(new ScheduleParams("minute", 15, 1612310466L, true));
    assertThat(flow.mapping()).contains(new Transformation("Mapping", "m1", 0));
    assertThat(flow.isEnabled()).isTrue();
    assertThat(flow.sourceConnectionIds()).containsExactly("s1");
    assertThat(flow.lastRunDetails().startedAt()).isEqualTo(Instant.ofEpochMilli(1596656058198L));
    assertThat(flow.lastRunDetails().completedAt()).isEqualTo(Instant.ofEpochMilli(1596656113306L));
  }

  @Test
  void backfillFalseAsStringAndNumbersAsNumbersAreRead() {
    fixture.answer(
        200,
        "{\"items\":[{\"id\":\"f1\",\"scheduleParams\":"
            + "{\"startTime\":1612310466,\"frequency\":\"hour\",\"interval\":2,\"backfill\":\"false\"}}]}");
    assertThat(fixture.flows().get("f1").orElseThrow().scheduleParams())
        .isEqualTo(new ScheduleParams("hour", 2, 1612310466L, false));
  }

  @Test
  void runMetricsWithStringCountsAndErrorsAreRead() {
    fixture.answer(
        200,
        "{\"items\":[{\"id\":\"r1\",\"flowId\":\"f1\",\"createdAt\":\"1596656079576\","
            + "\"eTag\":\"\\\"x\\\"\",\"metrics\":{\"durationSummary\":{\"startedAtUTC\":1596656058198,"
            + "\"completedAtUTC\":\"1596656113306\"},\"recordSummary\":{\"inputRecordCount\":\"100\","
            + "\"outputRecordCount\":99,\"failedRecordCount\":\"1\"},\"statusSummary\":{\"status\":\"success\","
            + "\"errors\":[{\"code\":\"CONNECTOR-2001-500\",\"message\":\"m\"}]}},\"activities\":[]}]}");
    FlowRun run = fixture.flowService().getRun("r1").orElseThrow();
    assertThat(run.recordsRead()).isEqualTo(100L);
    assertThat(run.recordsWritten()).isEqualTo(99L);
    assertThat(run.recordsFailed()).isEqualTo(1L);
    assertThat(run.status()).isEqualTo("success");
    assertThat(run.isTerminal()).isTrue();
    assertThat(run.createdAt()).isEqualTo(Instant.ofEpochMilli(1596656079576L));
    assertThat(run.completedAt()).isEqualTo(Instant.ofEpochMilli(1596656113306L));
    assertThat(run.errors())
        .singleElement()
        .extracting(e -> e.code())
        .isEqualTo("CONNECTOR-2001-500");
  }

  @Test
  void mappingSetWithLegacyFieldNamesAndSchemaPathTypeIsNormalised() {
    fixture.answer(
        200,
        "{\"id\":\"m1\",\"version\":\"3\",\"outputSchema\":{\"schemaRef\":"
            + "{\"id\":\"https://s\",\"contentType\":\"application/vnd.adobe.xed-full+json;version=1\"}},"
            + "\"mappings\":[{\"sourceType\":\"text/x.schema-path\",\"sourceAttribute\":\"id\","
            + "\"destinationXdmPath\":\"_t.id\",\"identity\":\"false\",\"matchScore\":0},"
            + "{\"sourceType\":\"EXPRESSION\",\"source\":\"lower(currency)\",\"destination\":\"_t.c\"}]}");
    MappingSet set = fixture.session.dataPrep().getMappingSet("m1", 3).orElseThrow();
    assertThat(set.version()).isEqualTo(3);
    assertThat(set.outputSchema().id()).isEqualTo("https://s");
    assertThat(set.mappings())
        .containsExactly(
            new Mapping("ATTRIBUTE", "id", "_t.id"),
            new Mapping("EXPRESSION", "lower(currency)", "_t.c"));
    assertThat(fixture.last().getUrl().queryParameter("version")).isEqualTo("3");
  }

  @Test
  void datasetKeyedAnswerIsUnwrapped() {
    fixture.answer(
        200,
        "{\"5ba9452f7de80400007fc52a\":{\"name\":\"ds\",\"created\":\"1521828048923\","
            + "\"schemaRef\":{\"id\":\"https://s\",\"contentType\":\"application/vnd.adobe.xed+json;version=1\"},"
            + "\"tags\":{\"owner\":[\"uid-1\"],\"single\":\"v\"},\"viewId\":\"v\"}}");
    var ds = fixture.session.catalog().getDataset("5ba9452f7de80400007fc52a").orElseThrow();
    assertThat(ds.id()).isEqualTo("5ba9452f7de80400007fc52a");
    assertThat(ds.name()).isEqualTo("ds");
    assertThat(ds.created()).isEqualTo(1521828048923L);
    assertThat(ds.schemaRef().id()).isEqualTo("https://s");
    assertThat(ds.tags())
        .containsEntry("owner", java.util.List.of("uid-1"))
        .containsEntry("single", java.util.List.of("v"));
  }

  @Test
  void imsExpiresInAsStringIsSeconds() throws Exception {
    java.time.Clock fixed =
        java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    try (HttpPlatform platform =
        fixture.server.platform(FakePlatformServer.fastOptions().withClock(fixed))) {
      var token = platform.ims().requestToken(ACCOUNT);
      assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-01-01T23:59:59Z"));
      assertThat(token.toString()).doesNotContain("token-1");
    }
  }
}

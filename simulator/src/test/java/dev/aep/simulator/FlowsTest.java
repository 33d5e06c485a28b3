package dev.aep.simulator;

import static dev.aep.simulator.SimClient.FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flows and target connections: create checks, schedule rules, PATCH rules, actions, the 1418
 * delete guard.
 */
class FlowsTest extends SimulatorTestBase {

  private long now() {
    return sim.clock().now().getEpochSecond();
  }

  private Fixtures.Chain chain(String name) {
    return Fixtures.chain(c, name, Fixtures.schedule("minute", 15, now() + 3600));
  }

  /** A fresh flow body over the objects of an existing chain. */
  private Map<String, Object> flowBody(Fixtures.Chain ch, Map<String, Object> schedule) {
    return new HashMap<>(
        Fixtures.flow("f2", ch.sourceId(), ch.targetId(), ch.mappingId(), 0, schedule));
  }

  @Test
  void createdFlowIsEnabledWithScheduleEchoedAsStrings() {
    Fixtures.Chain ch = chain("a");
    SimClient.Resp r = c.get(FLOW + "/flows/" + ch.flowId());
    JsonNode flow = r.item();
    assertThat(flow.path("state").asText()).isEqualTo("enabled");
    assertThat(flow.path("etag").asText()).isEqualTo(ch.flowEtag());
    assertThat(flow.path("flowSpec").path("id").asText()).isEqualTo(Fixtures.STRIPE_FLOW_SPEC);
    assertThat(flow.at("/scheduleParams/interval").isTextual()).isTrue();
    assertThat(flow.at("/scheduleParams/interval").asText()).isEqualTo("15");
    assertThat(flow.at("/scheduleParams/startTime").isTextual()).isTrue();
    assertThat(flow.at("/scheduleParams/backfill").asText()).isEqualTo("true");
    assertThat(flow.at("/transformations/0/params/mappingId").asText()).isEqualTo(ch.mappingId());
    assertThat(flow.at("/transformations/0/params/mappingVersion").asText()).isEqualTo("0");
    assertThat(flow.at("/inheritedAttributes/sourceConnections/0/baseConnection/id").asText())
        .isEqualTo(ch.baseId());
    assertThat(flow.at("/lastOperation/operation").asText()).isEqualTo("create");
    assertThat(flow.path("runs").asText()).contains(ch.flowId());
  }

  @Test
  void stateIsRefusedOnCreate() {
    Fixtures.Chain ch = chain("a");
    Map<String, Object> body = flowBody(ch, Fixtures.schedule("once", null, now() + 60));
    body.put("state", "enabled");
    assertThat(c.post(FLOW + "/flows", body).text("type")).endsWith("FLOW-1410-400");
  }

  @Test
  void flowSpecAndReferencesAreChecked() {
    Fixtures.Chain ch = chain("a");
    Map<String, Object> badSpec = flowBody(ch, Fixtures.schedule("once", null, now()));
    badSpec.put("flowSpec", Map.of("id", "9753525b-82c7-4dce-8a9b-5ccfce2b9876", "version", "1.0"));
    assertThat(c.post(FLOW + "/flows", badSpec).text("type")).endsWith("FLOW-1413-400");

    Map<String, Object> noSource = flowBody(ch, Fixtures.schedule("once", null, now()));
    noSource.put("sourceConnectionIds", List.of("11111111-2222-4333-8444-555555555555"));
    assertThat(c.post(FLOW + "/flows", noSource).status()).isEqualTo(400);

    Map<String, Object> noTarget = flowBody(ch, Fixtures.schedule("once", null, now()));
    noTarget.put("targetConnectionIds", List.of("11111111-2222-4333-8444-555555555555"));
    assertThat(c.post(FLOW + "/flows", noTarget).status()).isEqualTo(400);
  }

  /** A run-once flow body over the chain's connections with the given mapping set version. */
  private Map<String, Object> onceFlowWithMapping(
      Fixtures.Chain ch, String mappingId, int version) {
    return Fixtures.flow(
        "f",
        ch.sourceId(),
        ch.targetId(),
        mappingId,
        version,
        Fixtures.schedule("once", null, now()));
  }

  @Test
  void unknownMappingSetOrVersionIs1412() {
    Fixtures.Chain ch = chain("a");
    SimClient.Resp badVersion = c.post(FLOW + "/flows", onceFlowWithMapping(ch, ch.mappingId(), 1));
    assertThat(badVersion.text("type")).endsWith("FLOW-1412-400");
    SimClient.Resp badId =
        c.post(FLOW + "/flows", onceFlowWithMapping(ch, "0123456789abcdef0123456789abcdef", 0));
    assertThat(badId.text("type")).endsWith("FLOW-1412-400");
  }

  @Test
  void targetDatasetMustStillExist() {
    Fixtures.Chain ch = chain("a");
    assertThat(c.delete(SimClient.CATALOG + "/dataSets/" + ch.datasetId()).status()).isEqualTo(200);
    SimClient.Resp r =
        c.post(FLOW + "/flows", flowBody(ch, Fixtures.schedule("once", null, now())));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("report").path("detailed-message").asText()).contains(ch.datasetId());
  }

  @Test
  void targetConnectionChecksSpecFormatAndDataset() {
    Fixtures.Chain ch = chain("a");
    Map<String, Object> badSpec =
        new HashMap<>(Fixtures.targetConnection(ch.schemaId(), ch.datasetId()));
    badSpec.put("connectionSpec", Map.of("id", Fixtures.STRIPE_SPEC, "version", "1.0"));
    assertThat(c.post(FLOW + "/targetConnections", badSpec).text("type")).endsWith("FLOW-1413-400");
    Map<String, Object> badFormat =
        new HashMap<>(Fixtures.targetConnection(ch.schemaId(), ch.datasetId()));
    badFormat.put("data", Map.of("format", "delimited", "schema", Map.of("id", ch.schemaId())));
    assertThat(c.post(FLOW + "/targetConnections", badFormat).status()).isEqualTo(400);
    assertThat(
            c.post(
                    FLOW + "/targetConnections",
                    Fixtures.targetConnection(ch.schemaId(), "5c8c3c555033b814b69f947f"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void scheduleValidation() {
    Fixtures.Chain ch = chain("a");
    long start = now() + 600;
    Map<String, Map<String, Object>> invalid =
        Map.of(
            "unknown frequency", Map.of("frequency", "month", "interval", 1, "startTime", start),
            "minute below 15", Map.of("frequency", "minute", "interval", 10, "startTime", start),
            "zero hours", Map.of("frequency", "hour", "interval", 0, "startTime", start),
            "missing interval", Map.of("frequency", "day", "startTime", start),
            "interval on once", Map.of("frequency", "once", "interval", 1, "startTime", start),
            "milliseconds start",
                Map.of("frequency", "hour", "interval", 1, "startTime", start * 1000));
    invalid.forEach(
        (why, schedule) -> {
          SimClient.Resp r = c.post(FLOW + "/flows", flowBody(ch, schedule));
          assertThat(r.status()).as(why + ": " + r).isEqualTo(400);
        });
    for (Map<String, Object> ok :
        List.<Map<String, Object>>of(
            Map.of("frequency", "minute", "interval", "15", "startTime", Long.toString(start)),
            Map.of("frequency", "week", "interval", 1, "startTime", start),
            Map.of("frequency", "once", "startTime", start))) {
      assertThat(c.post(FLOW + "/flows", flowBody(ch, ok)).status())
          .as(ok.toString())
          .isEqualTo(201);
    }
  }

  @Test
  void patchFlowNeedsIfMatchAndChangesEtag() {
    Fixtures.Chain ch = chain("a");
    List<Map<String, Object>> ops =
        List.of(Map.of("op", "replace", "path", "/scheduleParams/interval", "value", 30));
    assertThat(c.patch(FLOW + "/flows/" + ch.flowId(), ops, null).text("type"))
        .endsWith("FLOW-1403-400");
    SimClient.Resp ok = c.patch(FLOW + "/flows/" + ch.flowId(), ops, ch.flowEtag());
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.text("etag")).isNotEqualTo(ch.flowEtag());
    assertThat(c.patch(FLOW + "/flows/" + ch.flowId(), ops, ch.flowEtag()).status()).isEqualTo(412);
    JsonNode flow = c.get(FLOW + "/flows/" + ch.flowId()).item();
    assertThat(flow.at("/scheduleParams/interval").asText()).isEqualTo("30");
    assertThat(flow.at("/lastOperation/operation").asText()).isEqualTo("update");
    assertThat(flow.at("/lastOperation/ops/0/path").asText()).isEqualTo("/scheduleParams/interval");
  }

  @Test
  void patchFlowRefusesUndocumentedPathsAndInvalidSchedules() {
    Fixtures.Chain ch = chain("a");
    String etag = ch.flowEtag();
    for (Map<String, Object> op :
        List.<Map<String, Object>>of(
            Map.of("op", "replace", "path", "/state", "value", "disabled"),
            Map.of("op", "replace", "path", "/sourceConnectionIds/0", "value", ch.sourceId()),
            Map.of("op", "replace", "path", "/flowSpec/id", "value", "x"))) {
      assertThat(c.patch(FLOW + "/flows/" + ch.flowId(), List.of(op), etag).text("type"))
          .as(op.toString())
          .endsWith("FLOW-1455-400");
    }
    assertThat(
            c.patch(
                    FLOW + "/flows/" + ch.flowId(),
                    List.of(
                        Map.of("op", "replace", "path", "/scheduleParams/interval", "value", 5)),
                    etag)
                .status())
        .isEqualTo(400);
    assertThat(
            c.patch(
                    FLOW + "/flows/" + ch.flowId(),
                    List.of(Map.of("op", "copy", "from", "/name", "path", "/description")),
                    etag)
                .text("type"))
        .endsWith("FLOW-1434-400");
    assertThat(c.get(FLOW + "/flows/" + ch.flowId()).item().path("etag").asText()).isEqualTo(etag);
  }

  @Test
  void startTimeCannotChangeOnceItHasPassed() {
    Fixtures.Chain ch = chain("a");
    long future = now() + 7200;
    SimClient.Resp moved =
        c.patchOne(
            FLOW + "/flows/" + ch.flowId(),
            "replace",
            "/scheduleParams/startTime",
            Long.toString(future),
            ch.flowEtag());
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    sim.clock().advance(Duration.ofHours(3));
    SimClient.Resp refused =
        c.patchOne(
            FLOW + "/flows/" + ch.flowId(),
            "replace",
            "/scheduleParams/startTime",
            Long.toString(future + 60),
            moved.text("etag"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("report").path("detailed-message").asText())
        .contains("startTime");
  }

  @Test
  void transformationReplaceAdoptsNewMappingVersion() {
    Fixtures.Chain ch = chain("a");
    assertThat(
            c.put(
                    SimClient.CONVERSION + "/mappingSets/" + ch.mappingId(),
                    Fixtures.mappingSet(ch.schemaId()))
                .json()
                .get("version")
                .asInt())
        .isEqualTo(1);
    Map<String, Object> t1 =
        Map.of(
            "name", "Mapping", "params", Map.of("mappingId", ch.mappingId(), "mappingVersion", 1));
    SimClient.Resp ok =
        c.patch(
            FLOW + "/flows/" + ch.flowId(),
            List.of(Map.of("op", "replace", "path", "/transformations/0", "value", t1)),
            ch.flowEtag());
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    sim.clock().advance(Faults.DEFAULT_FLOW_TRANSITION);
    assertThat(
            c.get(FLOW + "/flows/" + ch.flowId())
                .item()
                .at("/transformations/0/params/mappingVersion")
                .asText())
        .isEqualTo("1");
    Map<String, Object> t9 =
        Map.of(
            "name", "Mapping", "params", Map.of("mappingId", ch.mappingId(), "mappingVersion", 9));
    assertThat(
            c.patch(
                    FLOW + "/flows/" + ch.flowId(),
                    List.of(Map.of("op", "replace", "path", "/transformations/0", "value", t9)),
                    ok.text("etag"))
                .text("type"))
        .endsWith("FLOW-1412-400");
  }

  @Test
  void enableDisableActionChangesStateAndEtag() {
    Fixtures.Chain ch = chain("a");
    SimClient.Resp off = c.post(FLOW + "/flows/" + ch.flowId() + "/action?op=disable", null);
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(off.text("etag")).isNotEqualTo(ch.flowEtag());
    assertThat(c.get(FLOW + "/flows/" + ch.flowId()).item().path("state").asText())
        .isEqualTo("disabling");
    sim.clock().advance(Faults.DEFAULT_FLOW_TRANSITION);
    assertThat(c.get(FLOW + "/flows/" + ch.flowId()).item().path("state").asText())
        .isEqualTo("disabled");
    SimClient.Resp staleOn =
        c.send(
            "POST",
            FLOW + "/flows/" + ch.flowId() + "/action?op=ENABLE",
            null,
            Map.of("If-Match", ch.flowEtag()));
    assertThat(staleOn.status()).isEqualTo(412);
    SimClient.Resp on =
        c.send(
            "POST",
            FLOW + "/flows/" + ch.flowId() + "/action?op=ENABLE",
            null,
            Map.of("If-Match", off.text("etag")));
    assertThat(on.status()).isEqualTo(200);
    sim.clock().advance(Faults.DEFAULT_FLOW_TRANSITION);
    assertThat(c.get(FLOW + "/flows/" + ch.flowId()).item().path("state").asText())
        .isEqualTo("enabled");
    assertThat(c.post(FLOW + "/flows/" + ch.flowId() + "/action?op=publish", null).status())
        .isEqualTo(400);
  }

  @Test
  void baseConnectionCannotBeDeletedWhileAFlowUsesIt() {
    Fixtures.Chain ch = chain("a");
    SimClient.Resp refused = c.delete(FLOW + "/connections/" + ch.baseId());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("type")).endsWith("FLOW-1418-400");
    assertThat(c.delete(FLOW + "/flows/" + ch.flowId()).status()).isEqualTo(204);
    assertThat(c.get(FLOW + "/flows/" + ch.flowId()).text("type")).endsWith("FLOW-1439-404");
    assertThat(c.delete(FLOW + "/sourceConnections/" + ch.sourceId()).status()).isEqualTo(204);
    assertThat(c.delete(FLOW + "/targetConnections/" + ch.targetId()).status()).isEqualTo(204);
    assertThat(c.delete(FLOW + "/connections/" + ch.baseId()).status()).isEqualTo(204);
  }

  @Test
  void flowListFiltersByFlowSpecNameAndArrays() {
    Fixtures.Chain a = chain("a");
    chain("b");
    SimClient.Resp r =
        c.get(
            FLOW
                + "/flows?property="
                + SimClient.enc("flowSpec.id==" + Fixtures.STRIPE_FLOW_SPEC)
                + "&property="
                + SimClient.enc("name==Flow a"));
    assertThat(r.json().get("items")).hasSize(1);
    assertThat(r.json().at("/items/0/id").asText()).isEqualTo(a.flowId());
    SimClient.Resp bySource =
        c.get(FLOW + "/flows?property=" + SimClient.enc("sourceConnectionIds[]==" + a.sourceId()));
    assertThat(bySource.json().get("items")).hasSize(1);
  }
}

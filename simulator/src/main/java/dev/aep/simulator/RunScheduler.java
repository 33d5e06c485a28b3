package dev.aep.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.api.Schedules;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import java.time.Duration;
import java.util.UUID;

/**
 * Creates runs for enabled flows when their schedule says one is due, on the simulator clock.
 * Deterministic: a run is due at startTime (or at once, if the flow is enabled after its start time
 * has passed) and then every interval on the grid startTime + k * period. Each run ingests its
 * records through the flow's mapping when it is created (RunIngest); durations derive from the flow
 * id and run number. Runs are made lazily: on every Platform call, on clock advance and on
 * inventory reads; a run reads as inProgress until its completion time has passed on the clock.
 */
public record RunScheduler(
    Store store,
    SimClock clock,
    Faults faults,
    StripeSource stripe,
    RunIngest ingest,
    DatasetRows rows) {
  /**
   * A clock jump creates at most this many runs per flow; later slots of the same jump are skipped.
   */
  private static final int MAX_RUNS_PER_TICK = 500;

  /** Creates every run that has come due. */
  public void tick() {
    synchronized (store) {
      long now = clock.nowMillis();
      for (Entity flow : store.all(Kind.FLOW)) {
        int made = 0;
        while (flow.nextRunAtMillis != null
            && flow.nextRunAtMillis <= now
            && "enabled".equals(state(flow))) {
          long at = flow.nextRunAtMillis;
          if (made++ < MAX_RUNS_PER_TICK) {
            createRun(flow, at);
          }
          flow.nextRunAtMillis = nextSlotAfter(flow, at);
        }
      }
    }
  }

  /** A flow was created, enabled or rescheduled: plan its next run. */
  public void flowEnabled(Entity flow) {
    synchronized (store) {
      long now = clock.nowMillis();
      long start = Schedules.startMillis(flow.doc().get("scheduleParams"));
      if (flow.runCount == 0) {
        flow.nextRunAtMillis = Math.max(start, now);
      } else {
        flow.nextRunAtMillis = start > now ? start : nextSlotAfter(flow, now);
      }
    }
  }

  public void flowDisabled(Entity flow) {
    synchronized (store) {
      flow.nextRunAtMillis = null;
    }
  }

  private Long nextSlotAfter(Entity flow, long after) {
    Duration period = Schedules.period(flow.doc().get("scheduleParams"));
    if (period == null) {
      return null;
    }
    long start = Schedules.startMillis(flow.doc().get("scheduleParams"));
    long p = period.toMillis();
    if (after < start) {
      return start;
    }
    return start + ((after - start) / p + 1) * p;
  }

  private static String state(Entity flow) {
    return Json.text(flow.doc(), "state");
  }

  private void createRun(Entity flow, long at) {
    int n = flow.runCount + 1;
    flow.runCount = n;
    int h = RunIngest.seed(flow.id(), n);
    long durationMs = (30 + h % 60) * 1000L;
    boolean rejected = stripe.isRejected(baseConnectionSecret(flow));
    RunIngest.Result result = faults.failRuns() || rejected ? null : ingest.ingest(flow, n, at);
    String fatal =
        result == null
            ? (rejected
                ? "Error in copying the data from Source: the source rejected the credentials (401 Unauthorized)"
                : "Error in copying the data from Source")
            : result.fatal() == null
                ? null
                : "Error in copying the data from Source: " + result.fatal();
    if (fatal != null) {
      result = RunIngest.fatal(fatal);
    }
    boolean failed = fatal != null || result.failed() > 0 && !withinPartialThreshold(flow, result);
    String id = UUID.randomUUID().toString();
    ObjectNode run = Json.obj().put("id", id).put("flowId", flow.id());
    run.set("flowSpec", flow.doc().get("flowSpec").deepCopy());
    run.put("createdAt", at).put("updatedAt", at + durationMs);
    run.put("etag", store.newEtag(at));
    run.put("providerRefId", UUID.randomUUID().toString());
    run.put("sandboxId", Json.text(flow.doc(), "sandboxId"))
        .put("sandboxName", flow.scope().sandbox());
    run.put("imsOrgId", flow.scope().orgId());
    ObjectNode metrics = run.putObject("metrics");
    metrics
        .putObject("durationSummary")
        .put("startedAtUTC", at)
        .put("completedAtUTC", at + durationMs);
    metrics
        .putObject("sizeSummary")
        .put("inputBytes", result.input() * 240)
        .put("outputBytes", result.output() * 171);
    metrics
        .putObject("recordSummary")
        .put("inputRecordCount", result.input())
        .put("outputRecordCount", result.output())
        .put("failedRecordCount", result.failed())
        .put("warningRecordCount", result.warnings());
    metrics
        .putObject("fileSummary")
        .put("inputFileCount", fatal != null ? 0 : 1)
        .put("outputFileCount", fatal != null ? 0 : 1);
    ObjectNode status =
        metrics.putObject("statusSummary").put("status", failed ? "failed" : "success");
    ArrayNode errors = status.putArray("errors");
    if (fatal != null) {
      errors.addObject().put("code", "CONNECTOR-1001-500").put("message", fatal);
    } else {
      result.errors().forEach(errors::add);
    }
    ObjectNode activity =
        run.putArray("activities")
            .addObject()
            .put("id", "copyActivity")
            .put("updatedAtUTC", at + durationMs);
    activity.set("durationSummary", metrics.get("durationSummary").deepCopy());
    activity.set("recordSummary", metrics.get("recordSummary").deepCopy());
    // per-activity errors live under statusSummary.extensions.errors [DOC:MON]
    ObjectNode activityStatus =
        activity.putObject("statusSummary").put("status", failed ? "failed" : "success");
    activityStatus.putObject("extensions").set("errors", errors.deepCopy());
    store.create(Kind.RUN, id, flow.scope(), run);
    if (result.datasetId() != null && !result.rows().isEmpty()) {
      rows.add(result.datasetId(), result.rows());
    }
  }

  /**
   * A run with failed records succeeds only if the flow allows partial ingestion and the failed
   * share stays within options.partialIngestionPercent [DOC:PARTIAL, platform-api.md 15]; the
   * errors are listed either way (a success run can carry errors, DOC:MON).
   */
  private static boolean withinPartialThreshold(Entity flow, RunIngest.Result result) {
    JsonNode percent = flow.doc().path("options").path("partialIngestionPercent");
    if (!percent.isNumber() || result.input() == 0) {
      return false;
    }
    return result.failed() * 100.0 <= percent.asDouble() * result.input();
  }

  private String baseConnectionSecret(Entity flow) {
    String baseId =
        flow.doc().at("/inheritedAttributes/sourceConnections/0/baseConnection/id").asText(null);
    return baseId == null
        ? null
        : store.any(Kind.CONNECTION, baseId).map(e -> e.secret).orElse(null);
  }

  /**
   * An object as a GET shows it now: a run in its current state, a flow with lastRunDetails,
   * anything else as stored. Always a copy.
   */
  public ObjectNode present(Entity e) {
    if (e.kind() == Kind.RUN) {
      return runView(e);
    }
    ObjectNode doc = e.doc().deepCopy();
    if (e.kind() == Kind.FLOW) {
      ObjectNode last = lastRunDetails(e.id());
      if (last != null) {
        doc.set("lastRunDetails", last);
      }
    }
    return doc;
  }

  /** A run reads inProgress (no completion time, no counts yet) until it completes on the clock. */
  private ObjectNode runView(Entity run) {
    ObjectNode doc = run.doc().deepCopy();
    long completed = doc.path("metrics").path("durationSummary").path("completedAtUTC").asLong();
    if (clock.nowMillis() >= completed) {
      return doc;
    }
    ObjectNode metrics = (ObjectNode) doc.get("metrics");
    ((ObjectNode) metrics.get("durationSummary")).remove("completedAtUTC");
    metrics
        .putObject("recordSummary")
        .put("inputRecordCount", 0)
        .put("outputRecordCount", 0)
        .put("failedRecordCount", 0);
    metrics.putObject("statusSummary").put("status", "inProgress").putArray("errors");
    doc.put("updatedAt", doc.get("createdAt").asLong());
    doc.remove("activities");
    return doc;
  }

  /** lastRunDetails of a flow: its latest completed run, or null. */
  private ObjectNode lastRunDetails(String flowId) {
    long now = clock.nowMillis();
    Entity latest = null;
    for (Entity r : store.all(Kind.RUN)) {
      long completed =
          r.doc().path("metrics").path("durationSummary").path("completedAtUTC").asLong();
      if (flowId.equals(Json.text(r.doc(), "flowId"))
          && completed <= now
          && (latest == null
              || r.doc().get("createdAt").asLong() >= latest.doc().get("createdAt").asLong())) {
        latest = r;
      }
    }
    if (latest == null) {
      return null;
    }
    ObjectNode d = latest.doc().path("metrics").path("durationSummary").deepCopy();
    return Json.obj()
        .put("id", latest.id())
        .put("state", latest.doc().path("metrics").path("statusSummary").path("status").asText())
        .put("startedAtUTC", d.path("startedAtUTC").asLong())
        .put("completedAtUTC", d.path("completedAtUTC").asLong());
  }
}

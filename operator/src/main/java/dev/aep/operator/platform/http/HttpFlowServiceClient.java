package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SourceConnectionRequest;
import dev.aep.operator.platform.SourceSchema;
import dev.aep.operator.platform.TargetConnection;
import dev.aep.operator.platform.TargetConnectionRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Flow Service over HTTP: one {@link FlowServiceCollection} per kind, plus explore, actions and
 * runs.
 */
final class HttpFlowServiceClient implements FlowServiceClient {

  static final String SERVICE = "flowservice";

  private final PlatformCaller caller;
  private final FlowServiceJson json;
  private final FlowServiceCollection<BaseConnection, BaseConnectionRequest> baseConnections;
  private final FlowServiceCollection<SourceConnection, SourceConnectionRequest> sourceConnections;
  private final FlowServiceCollection<TargetConnection, TargetConnectionRequest> targetConnections;
  private final FlowServiceCollection<Flow, FlowRequest> flows;

  /** Runs are only read. */
  private final FlowServiceCollection<FlowRun, Void> runs;

  HttpFlowServiceClient(PlatformCaller caller, HttpUrl platformBase) {
    this.caller = caller;
    HttpUrl base = platformBase.newBuilder().addPathSegments("data/foundation/flowservice").build();
    this.json = new FlowServiceJson(caller.mapper());
    this.baseConnections =
        new FlowServiceCollection<>(
            caller,
            json,
            base,
            new FlowServiceCollection.Kind<>(
                "connections",
                "base connection",
                "BaseConnection",
                "BaseConnections",
                FlowServiceJson::baseConnection,
                json::baseConnection,
                BaseConnection::name,
                r -> r.authParams().values()));
    this.sourceConnections =
        new FlowServiceCollection<>(
            caller,
            json,
            base,
            new FlowServiceCollection.Kind<>(
                "sourceConnections",
                "source connection",
                "SourceConnection",
                "SourceConnections",
                FlowServiceJson::sourceConnection,
                json::sourceConnection,
                SourceConnection::name,
                r -> List.of()));
    this.targetConnections =
        new FlowServiceCollection<>(
            caller,
            json,
            base,
            new FlowServiceCollection.Kind<>(
                "targetConnections",
                "target connection",
                "TargetConnection",
                "TargetConnections",
                FlowServiceJson::targetConnection,
                json::targetConnection,
                TargetConnection::name,
                r -> List.of()));
    this.flows =
        new FlowServiceCollection<>(
            caller,
            json,
            base,
            new FlowServiceCollection.Kind<>(
                "flows",
                "flow",
                "Flow",
                "Flows",
                FlowServiceJson::flow,
                json::flow,
                Flow::name,
                r -> List.of()));
    this.runs =
        new FlowServiceCollection<>(
            caller,
            json,
            base,
            new FlowServiceCollection.Kind<>(
                "runs",
                "run",
                "Run",
                "Runs",
                FlowServiceJson::run,
                r -> {
                  throw new UnsupportedOperationException("runs are not created by the operator");
                },
                r -> null,
                r -> List.of()));
  }

  @Override
  public RemoteCollection<BaseConnection, BaseConnectionRequest> baseConnections() {
    return baseConnections;
  }

  @Override
  public RemoteCollection<SourceConnection, SourceConnectionRequest> sourceConnections() {
    return sourceConnections;
  }

  @Override
  public RemoteCollection<TargetConnection, TargetConnectionRequest> targetConnections() {
    return targetConnections;
  }

  @Override
  public RemoteCollection<Flow, FlowRequest> flows() {
    return flows;
  }

  @Override
  public SourceSchema explore(String baseConnectionId, String resourcePath) {
    String sourceParams =
        Base64.getEncoder()
            .encodeToString(
                ("{\"resourcePath\":" + caller.mapper().valueToTree(resourcePath) + "}")
                    .getBytes(StandardCharsets.UTF_8));
    HttpUrl url =
        baseConnections
            .byId(baseConnectionId, "explore")
            .newBuilder()
            .addQueryParameter("objectType", "rest")
            .addQueryParameter("object", "json")
            .addQueryParameter("fileType", "json")
            // preview=true adds sample records to the same schema answer (platform-api.md 13).
            .addQueryParameter("preview", "true")
            .addQueryParameter("sourceParams", sourceParams)
            .build();
    JsonNode body =
        caller.execute(FlowServiceCollection.call("explore", "GET", url).build()).body();
    return json.sourceSchema(body);
  }

  @Override
  public EntityRef enableFlow(String id) {
    EntityRef enabled = action("enableFlow", id, "enable");
    ChangeLog.record(caller, "enabled flow " + id);
    return enabled;
  }

  @Override
  public EntityRef disableFlow(String id) {
    EntityRef disabled = action("disableFlow", id, "disable");
    ChangeLog.record(caller, "disabled flow " + id);
    return disabled;
  }

  private EntityRef action(String operation, String id, String op) {
    HttpUrl url = flows.byId(id, "action").newBuilder().addQueryParameter("op", op).build();
    // Enabling an enabled flow (or disabling a disabled one) changes nothing: safe to repeat.
    // The docs send no If-Match here (platform-api.md 2.6); the spec makes it optional.
    return FlowServiceCollection.send(
        caller, FlowServiceCollection.call(operation, "POST", url).idempotent(true));
  }

  @Override
  public List<FlowRun> listRuns(String flowId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    ListQuery query =
        ListQuery.where("flowId==" + FlowServiceCollection.requireId(flowId))
            .orderBy("-createdAt")
            .limit(limit);
    List<FlowRun> newest = new ArrayList<>(listRunsPage(query, null).items());
    // Sorted here as well: the order parameter is not documented for runs.
    newest.sort(
        Comparator.comparing(
            FlowRun::createdAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
    return newest.size() > limit ? List.copyOf(newest.subList(0, limit)) : List.copyOf(newest);
  }

  @Override
  public Page<FlowRun> listRunsPage(ListQuery query, String pageToken) {
    return runs.listPage(query, pageToken);
  }

  @Override
  public Optional<FlowRun> getRun(String id) {
    return runs.get(id);
  }
}

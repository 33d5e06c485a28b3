package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.FlowRun;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
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
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Flow Service over HTTP: one {@link HttpCollection} per kind, plus explore, actions and runs. The
 * service's own shapes (the items wrapper, {@code property=} filters, continuation tokens, etags in
 * answers) are its {@link Wire} (platform-api.md 2.1-2.8).
 */
final class HttpFlowServiceClient implements FlowServiceClient {

  static final String SERVICE = "flowservice";

  private final PlatformCaller caller;
  private final FlowServiceJson json;
  private final HttpCollection<BaseConnection, BaseConnectionRequest> baseConnections;
  private final HttpCollection<SourceConnection, SourceConnectionRequest> sourceConnections;
  private final HttpCollection<TargetConnection, TargetConnectionRequest> targetConnections;
  private final HttpCollection<Flow, FlowRequest> flows;
  private final RemoteKind.Collections collections;

  /** Runs are only read. */
  private final HttpCollection<FlowRun, Void> runs;

  HttpFlowServiceClient(PlatformCaller caller, HttpUrl platformBase) {
    this.caller = caller;
    this.json = new FlowServiceJson(caller.mapper());
    HttpCollection.Service service =
        HttpCollection.Service.at(
            caller, new Wire(json), platformBase, "data/foundation/flowservice");
    this.baseConnections =
        service.collection(
            HttpCollection.Kind.of(
                    "connections",
                    BaseConnection.KIND,
                    FlowServiceJson::baseConnection,
                    json::baseConnection)
                .withSecrets(r -> r.authParams().values()));
    this.sourceConnections =
        service.collection(
            HttpCollection.Kind.of(
                "sourceConnections",
                SourceConnection.KIND,
                FlowServiceJson::sourceConnection,
                json::sourceConnection));
    this.targetConnections =
        service.collection(
            HttpCollection.Kind.of(
                "targetConnections",
                TargetConnection.KIND,
                FlowServiceJson::targetConnection,
                json::targetConnection));
    this.flows =
        service.collection(
            HttpCollection.Kind.of("flows", Flow.KIND, FlowServiceJson::flow, json::flow));
    this.runs =
        service.collection(
            HttpCollection.Kind.of(
                "runs",
                "run",
                FlowServiceJson::run,
                r -> {
                  throw new UnsupportedOperationException("runs are not created by the operator");
                },
                r -> null));
    this.collections =
        new RemoteKind.Collections()
            .with(BaseConnection.KIND, baseConnections)
            .with(SourceConnection.KIND, sourceConnections)
            .with(TargetConnection.KIND, targetConnections)
            .with(Flow.KIND, flows);
  }

  @Override
  public <T extends RemoteObject, R> RemoteCollection<T, R> collection(RemoteKind<T, R> kind) {
    return collections.of(kind);
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
        caller.execute(PlatformCaller.Call.builder(SERVICE, "explore", "GET", url).build()).body();
    return json.sourceSchema(body);
  }

  @Override
  public EntityRef enableFlow(String id) {
    return action(id, "enable");
  }

  @Override
  public EntityRef disableFlow(String id) {
    return action(id, "disable");
  }

  private EntityRef action(String id, String op) {
    HttpUrl url = flows.byId(id, "action").newBuilder().addQueryParameter("op", op).build();
    // Enabling an enabled flow (or disabling a disabled one) changes nothing: safe to repeat.
    // The docs send no If-Match here (platform-api.md 2.6); the spec makes it optional.
    JsonNode body =
        flows.send(
            PlatformCaller.Call.builder(SERVICE, op + "Flow", "POST", url).idempotent(true),
            n -> LenientJson.text(n, "id"),
            "id");
    ChangeLog.record(caller, op + "d flow " + id);
    return new EntityRef(LenientJson.text(body, "id"), FlowServiceJson.etag(body));
  }

  @Override
  public List<FlowRun> listRuns(String flowId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    if (flowId == null || flowId.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    ListQuery query = ListQuery.where("flowId==" + flowId).orderBy("-createdAt").limit(limit);
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

  /** Flow Service answers: the items wrapper, continuation tokens, ids and etags. */
  private static final class Wire extends HttpCollection.Wire {
    private final FlowServiceJson json;

    Wire(FlowServiceJson json) {
      super(SERVICE);
      this.json = json;
    }

    @Override
    Page<JsonNode> page(
        HttpUrl.Builder url, ListQuery q, String token, Function<HttpUrl, JsonNode> fetch) {
      filter(url, q, "orderby", q.orderBy());
      if (q.limit() != null) {
        url.addQueryParameter("limit", Integer.toString(q.limit()));
      }
      if (token != null) {
        url.addQueryParameter("continuationToken", token);
      }
      JsonNode body = fetch.apply(url.build());
      return new Page<>(
          LenientJson.elements(LenientJson.at(body, "items")), continuationToken(body));
    }

    @Override
    Optional<JsonNode> single(JsonNode body, String id) {
      Iterator<JsonNode> items = LenientJson.at(body, "items").elements();
      if (items.hasNext()) {
        return Optional.of(items.next());
      }
      // Some answers are the bare object rather than the items wrapper.
      return body != null && body.isObject() && body.has("id")
          ? Optional.of(body)
          : Optional.empty();
    }

    @Override
    String createdId(JsonNode body) {
      return LenientJson.text(body, "id");
    }

    @Override
    String etag(JsonNode body) {
      return FlowServiceJson.etag(body);
    }

    @Override
    ArrayNode patch(List<JsonPatchOp> ops) {
      return json.patch(ops);
    }
  }

  /** The continuation token of {@code _links.next.href}, or a top-level one; null at the end. */
  static String continuationToken(JsonNode body) {
    JsonNode next = LenientJson.at(body, "_links", "next");
    String href = next.isTextual() ? next.asText() : LenientJson.text(next, "href");
    if (href != null && !href.isBlank()) {
      // Only the token is taken from the link: the host and path stay ours, so the bearer token
      // never goes where a link points.
      HttpUrl resolved = HttpUrl.get("http://localhost/").resolve(href.trim());
      String token = resolved == null ? null : resolved.queryParameter("continuationToken");
      if (token != null && !token.isBlank()) {
        return token;
      }
    }
    String token = LenientJson.text(body, "continuationToken");
    return token == null || token.isBlank() ? null : token;
  }
}

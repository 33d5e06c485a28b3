package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.aep.operator.platform.PlatformException;
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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/** Flow Service over HTTP. */
final class HttpFlowServiceClient implements FlowServiceClient {

  static final String SERVICE = "flowservice";
  private static final String CONNECTIONS = "connections";
  private static final String SOURCES = "sourceConnections";
  private static final String TARGETS = "targetConnections";
  private static final String FLOWS = "flows";
  private static final String RUNS = "runs";

  private final PlatformCaller caller;
  private final HttpUrl base;
  private final FlowServiceJson json;

  HttpFlowServiceClient(PlatformCaller caller, HttpUrl platformBase) {
    this.caller = caller;
    this.base = platformBase.newBuilder().addPathSegments("data/foundation/flowservice").build();
    this.json = new FlowServiceJson(caller.mapper());
  }

  // --- base connections ---

  @Override
  public EntityRef createBaseConnection(BaseConnectionRequest request) {
    PlatformCaller.Call.Builder call = post("createBaseConnection", url(CONNECTIONS))
        .json(json.baseConnection(request));
    request.authParams().values().forEach(call::secret);
    return send(call);
  }

  @Override
  public Optional<BaseConnection> getBaseConnection(String id) {
    return getOne("getBaseConnection", CONNECTIONS, id, FlowServiceJson::baseConnection);
  }

  @Override
  public List<BaseConnection> listBaseConnections(ListQuery query) {
    return all("listBaseConnections", CONNECTIONS, query, FlowServiceJson::baseConnection);
  }

  @Override
  public Page<BaseConnection> listBaseConnectionsPage(ListQuery query, String pageToken) {
    return page("listBaseConnections", CONNECTIONS, query, pageToken,
        FlowServiceJson::baseConnection);
  }

  @Override
  public List<BaseConnection> findBaseConnectionsByName(String name) {
    return byName(listBaseConnections(nameQuery(name)), BaseConnection::name, name);
  }

  @Override
  public EntityRef patchBaseConnection(String id, String etag, List<JsonPatchOp> ops) {
    return patch("patchBaseConnection", CONNECTIONS, id, etag, ops);
  }

  @Override
  public boolean deleteBaseConnection(String id) {
    return delete("deleteBaseConnection", CONNECTIONS, id);
  }

  @Override
  public SourceSchema explore(String baseConnectionId, String resourcePath) {
    String sourceParams = Base64.getEncoder().encodeToString(
        ("{\"resourcePath\":" + caller.mapper().valueToTree(resourcePath) + "}")
            .getBytes(StandardCharsets.UTF_8));
    HttpUrl url = url(CONNECTIONS, requireId(baseConnectionId), "explore").newBuilder()
        .addQueryParameter("objectType", "rest")
        .addQueryParameter("object", "json")
        .addQueryParameter("fileType", "json")
        // preview=true adds sample records to the same schema answer (platform-api.md 13).
        .addQueryParameter("preview", "true")
        .addQueryParameter("sourceParams", sourceParams)
        .build();
    JsonNode body = caller.execute(get("explore", url).build()).body();
    return json.sourceSchema(body);
  }

  // --- source connections ---

  @Override
  public EntityRef createSourceConnection(SourceConnectionRequest request) {
    return send(post("createSourceConnection", url(SOURCES)).json(json.sourceConnection(request)));
  }

  @Override
  public Optional<SourceConnection> getSourceConnection(String id) {
    return getOne("getSourceConnection", SOURCES, id, FlowServiceJson::sourceConnection);
  }

  @Override
  public List<SourceConnection> listSourceConnections(ListQuery query) {
    return all("listSourceConnections", SOURCES, query, FlowServiceJson::sourceConnection);
  }

  @Override
  public Page<SourceConnection> listSourceConnectionsPage(ListQuery query, String pageToken) {
    return page("listSourceConnections", SOURCES, query, pageToken,
        FlowServiceJson::sourceConnection);
  }

  @Override
  public List<SourceConnection> findSourceConnectionsByName(String name) {
    return byName(listSourceConnections(nameQuery(name)), SourceConnection::name, name);
  }

  @Override
  public EntityRef patchSourceConnection(String id, String etag, List<JsonPatchOp> ops) {
    return patch("patchSourceConnection", SOURCES, id, etag, ops);
  }

  @Override
  public boolean deleteSourceConnection(String id) {
    return delete("deleteSourceConnection", SOURCES, id);
  }

  // --- target connections ---

  @Override
  public EntityRef createTargetConnection(TargetConnectionRequest request) {
    return send(post("createTargetConnection", url(TARGETS)).json(json.targetConnection(request)));
  }

  @Override
  public Optional<TargetConnection> getTargetConnection(String id) {
    return getOne("getTargetConnection", TARGETS, id, FlowServiceJson::targetConnection);
  }

  @Override
  public List<TargetConnection> listTargetConnections(ListQuery query) {
    return all("listTargetConnections", TARGETS, query, FlowServiceJson::targetConnection);
  }

  @Override
  public Page<TargetConnection> listTargetConnectionsPage(ListQuery query, String pageToken) {
    return page("listTargetConnections", TARGETS, query, pageToken,
        FlowServiceJson::targetConnection);
  }

  @Override
  public List<TargetConnection> findTargetConnectionsByName(String name) {
    return byName(listTargetConnections(nameQuery(name)), TargetConnection::name, name);
  }

  @Override
  public EntityRef patchTargetConnection(String id, String etag, List<JsonPatchOp> ops) {
    return patch("patchTargetConnection", TARGETS, id, etag, ops);
  }

  @Override
  public boolean deleteTargetConnection(String id) {
    return delete("deleteTargetConnection", TARGETS, id);
  }

  // --- flows ---

  @Override
  public EntityRef createFlow(FlowRequest request) {
    return send(post("createFlow", url(FLOWS)).json(json.flow(request)));
  }

  @Override
  public Optional<Flow> getFlow(String id) {
    return getOne("getFlow", FLOWS, id, FlowServiceJson::flow);
  }

  @Override
  public List<Flow> listFlows(ListQuery query) {
    return all("listFlows", FLOWS, query, FlowServiceJson::flow);
  }

  @Override
  public Page<Flow> listFlowsPage(ListQuery query, String pageToken) {
    return page("listFlows", FLOWS, query, pageToken, FlowServiceJson::flow);
  }

  @Override
  public List<Flow> findFlowsByName(String name) {
    return byName(listFlows(nameQuery(name)), Flow::name, name);
  }

  @Override
  public EntityRef patchFlow(String id, String etag, List<JsonPatchOp> ops) {
    return patch("patchFlow", FLOWS, id, etag, ops);
  }

  @Override
  public EntityRef enableFlow(String id) {
    return action("enableFlow", id, "enable");
  }

  @Override
  public EntityRef disableFlow(String id) {
    return action("disableFlow", id, "disable");
  }

  @Override
  public boolean deleteFlow(String id) {
    return delete("deleteFlow", FLOWS, id);
  }

  private EntityRef action(String operation, String id, String op) {
    HttpUrl url = url(FLOWS, requireId(id), "action").newBuilder().addQueryParameter("op", op)
        .build();
    // Enabling an enabled flow (or disabling a disabled one) changes nothing: safe to repeat.
    return send(post(operation, url).idempotent(true));
  }

  // --- runs ---

  @Override
  public List<FlowRun> listRuns(String flowId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    ListQuery query = ListQuery.where("flowId==" + requireId(flowId)).orderBy("-createdAt")
        .limit(limit);
    List<FlowRun> runs = new ArrayList<>(listRunsPage(query, null).items());
    // Sorted here as well: the order parameter is not documented for runs.
    runs.sort(Comparator.comparing(FlowRun::createdAt,
        Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
    return runs.size() > limit ? List.copyOf(runs.subList(0, limit)) : List.copyOf(runs);
  }

  @Override
  public Page<FlowRun> listRunsPage(ListQuery query, String pageToken) {
    return page("listRuns", RUNS, query, pageToken, FlowServiceJson::run);
  }

  @Override
  public Optional<FlowRun> getRun(String id) {
    return getOne("getRun", RUNS, id, FlowServiceJson::run);
  }

  // --- shared plumbing ---

  private <T> Optional<T> getOne(String operation, String collection, String id,
      Function<JsonNode, T> parse) {
    try {
      JsonNode body = caller.execute(get(operation, url(collection, requireId(id))).build()).body();
      Iterator<JsonNode> items = LenientJson.at(body, "items").elements();
      if (items.hasNext()) {
        return Optional.of(parse.apply(items.next()));
      }
      // Some answers are the bare object rather than the items wrapper.
      if (body != null && body.isObject() && body.has("id")) {
        return Optional.of(parse.apply(body));
      }
      return Optional.empty();
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private <T> List<T> all(String operation, String collection, ListQuery query,
      Function<JsonNode, T> parse) {
    return Paging.all("GET", url(collection).encodedPath(),
        token -> page(operation, collection, query, token, parse));
  }

  private <T> Page<T> page(String operation, String collection, ListQuery query, String token,
      Function<JsonNode, T> parse) {
    ListQuery q = query == null ? ListQuery.all() : query;
    HttpUrl.Builder url = url(collection).newBuilder();
    q.properties().forEach(p -> url.addQueryParameter("property", p));
    if (q.orderBy() != null) {
      url.addQueryParameter("orderby", q.orderBy());
    }
    if (q.limit() != null) {
      url.addQueryParameter("limit", Integer.toString(q.limit()));
    }
    if (token != null) {
      url.addQueryParameter("continuationToken", token);
    }
    JsonNode body = caller.execute(get(operation, url.build()).build()).body();
    List<T> items = new ArrayList<>();
    for (JsonNode item : LenientJson.elements(LenientJson.at(body, "items"))) {
      items.add(parse.apply(item));
    }
    return new Page<>(items, continuationToken(body));
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

  private EntityRef patch(String operation, String collection, String id, String etag,
      List<JsonPatchOp> ops) {
    PlatformCaller.Call.Builder call = PlatformCaller.Call
        .builder(SERVICE, operation, "PATCH", url(collection, requireId(id)))
        .ifMatch(etag)
        .json(json.patch(ops));
    FlowServiceJson.sensitiveValues(ops).forEach(call::secret);
    return send(call);
  }

  private boolean delete(String operation, String collection, String id) {
    try {
      caller.execute(PlatformCaller.Call
          .builder(SERVICE, operation, "DELETE", url(collection, requireId(id))).build());
      return true;
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return false;
      }
      throw e;
    }
  }

  private PlatformCaller.Call.Builder get(String operation, HttpUrl url) {
    return PlatformCaller.Call.builder(SERVICE, operation, "GET", url);
  }

  private PlatformCaller.Call.Builder post(String operation, HttpUrl url) {
    return PlatformCaller.Call.builder(SERVICE, operation, "POST", url);
  }

  private HttpUrl url(String... segments) {
    HttpUrl.Builder b = base.newBuilder();
    for (String s : segments) {
      b.addPathSegment(s);
    }
    return b.build();
  }

  private static ListQuery nameQuery(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return ListQuery.where("name==" + name);
  }

  private static <T> List<T> byName(List<T> found, Function<T, String> nameOf, String name) {
    // The filter may match loosely (case, comma lists): keep exact matches only.
    return found.stream().filter(o -> Objects.equals(nameOf.apply(o), name)).toList();
  }

  private static String requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    return id;
  }

  /** Id and etag of a create answer; an answer without an id is an error. */
  private static EntityRef entityRef(PlatformCaller.Answer answer, PlatformCaller.Call call) {
    String id = LenientJson.text(answer.body(), "id");
    if (id == null || id.isBlank()) {
      throw PlatformException.builder(call.method(), call.url().encodedPath())
          .service(SERVICE)
          .operation(call.operation())
          .httpStatus(answer.status())
          .requestId(answer.requestId())
          .detail("the answer carries no id")
          .build();
    }
    return new EntityRef(id, FlowServiceJson.etag(answer.body()));
  }

  private EntityRef send(PlatformCaller.Call.Builder builder) {
    PlatformCaller.Call call = builder.build();
    return entityRef(caller.execute(call), call);
  }
}

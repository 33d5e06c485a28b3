package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.RemoteCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * One Flow Service collection over HTTP. The four kinds differ only in their path, their JSON and,
 * for base connections, the request values that are secrets; everything else (the items wrapper,
 * {@code property=} filters, continuation tokens, {@code If-Match}, 404 as missing) is the
 * service's and is written once here (platform-api.md 2.1-2.8).
 *
 * @param <T> the object as read
 * @param <R> the body of a create
 */
final class FlowServiceCollection<T, R> implements RemoteCollection<T, R> {

  /** How one kind is written and read. */
  record Kind<T, R>(
      String path,
      String words,
      String singular,
      String plural,
      Function<JsonNode, T> read,
      Function<R, ObjectNode> write,
      Function<T, String> nameOf,
      Function<R, Collection<String>> secrets) {}

  private final PlatformCaller caller;
  private final FlowServiceJson json;
  private final HttpUrl url;
  private final Kind<T, R> kind;

  FlowServiceCollection(
      PlatformCaller caller, FlowServiceJson json, HttpUrl serviceBase, Kind<T, R> kind) {
    this.caller = caller;
    this.json = json;
    this.url = serviceBase.newBuilder().addPathSegment(kind.path()).build();
    this.kind = kind;
  }

  @Override
  public EntityRef create(R request) {
    PlatformCaller.Call.Builder call =
        call("create" + kind.singular(), "POST", url).json(kind.write().apply(request));
    kind.secrets().apply(request).forEach(call::secret);
    EntityRef created = send(caller, call);
    ChangeLog.record(caller, "created " + kind.words() + " " + created.id());
    return created;
  }

  @Override
  public Optional<T> get(String id) {
    try {
      JsonNode body = caller.execute(call("get" + kind.singular(), "GET", byId(id)).build()).body();
      Iterator<JsonNode> items = LenientJson.at(body, "items").elements();
      if (items.hasNext()) {
        return Optional.of(kind.read().apply(items.next()));
      }
      // Some answers are the bare object rather than the items wrapper.
      if (body != null && body.isObject() && body.has("id")) {
        return Optional.of(kind.read().apply(body));
      }
      return Optional.empty();
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<T> list(ListQuery query) {
    return Paging.all("GET", url.encodedPath(), token -> listPage(query, token));
  }

  @Override
  public Page<T> listPage(ListQuery query, String pageToken) {
    ListQuery q = query == null ? ListQuery.all() : query;
    HttpUrl.Builder page = url.newBuilder();
    q.properties().forEach(p -> page.addQueryParameter("property", p));
    if (q.orderBy() != null) {
      page.addQueryParameter("orderby", q.orderBy());
    }
    if (q.limit() != null) {
      page.addQueryParameter("limit", Integer.toString(q.limit()));
    }
    if (pageToken != null) {
      page.addQueryParameter("continuationToken", pageToken);
    }
    JsonNode body =
        caller.execute(call("list" + kind.plural(), "GET", page.build()).build()).body();
    List<T> items = new ArrayList<>();
    for (JsonNode item : LenientJson.elements(LenientJson.at(body, "items"))) {
      items.add(kind.read().apply(item));
    }
    return new Page<>(items, continuationToken(body));
  }

  @Override
  public List<T> findByName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    // The filter may match loosely (case, comma lists): keep exact matches only.
    return list(ListQuery.where("name==" + name)).stream()
        .filter(o -> Objects.equals(kind.nameOf().apply(o), name))
        .toList();
  }

  @Override
  public EntityRef patch(String id, String etag, List<JsonPatchOp> ops) {
    PlatformCaller.Call.Builder call =
        call("patch" + kind.singular(), "PATCH", byId(id)).ifMatch(etag).json(json.patch(ops));
    FlowServiceJson.sensitiveValues(ops).forEach(call::secret);
    EntityRef patched = send(caller, call);
    ChangeLog.patched(caller, kind.words(), id, ops);
    return patched;
  }

  @Override
  public boolean delete(String id) {
    try {
      caller.execute(call("delete" + kind.singular(), "DELETE", byId(id)).build());
      return ChangeLog.deleted(caller, kind.words(), id, true);
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return ChangeLog.deleted(caller, kind.words(), id, false);
      }
      throw e;
    }
  }

  /** {@code <collection>/<id>[/<more>...]}. */
  HttpUrl byId(String id, String... more) {
    HttpUrl.Builder b = url.newBuilder().addPathSegment(requireId(id));
    for (String segment : more) {
      b.addPathSegment(segment);
    }
    return b.build();
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

  static PlatformCaller.Call.Builder call(String operation, String method, HttpUrl url) {
    return PlatformCaller.Call.builder(HttpFlowServiceClient.SERVICE, operation, method, url);
  }

  static String requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    return id;
  }

  /** Sends a create, PATCH or action; its answer must carry the id (and the new etag). */
  static EntityRef send(PlatformCaller caller, PlatformCaller.Call.Builder builder) {
    PlatformCaller.Call call = builder.build();
    PlatformCaller.Answer answer = caller.execute(call);
    String id = LenientJson.text(answer.body(), "id");
    if (id == null || id.isBlank()) {
      throw PlatformException.builder(call.method(), call.url().encodedPath())
          .service(HttpFlowServiceClient.SERVICE)
          .operation(call.operation())
          .httpStatus(answer.status())
          .requestId(answer.requestId())
          .detail("the answer carries no id")
          .build();
    }
    return new EntityRef(id, FlowServiceJson.etag(answer.body()));
  }
}

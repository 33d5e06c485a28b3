package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * One collection of Platform objects over HTTP, for every kind of every service: create, read by
 * id, list page by page, find by exact name, PATCH under {@code If-Match}, PUT and delete (404 as
 * missing) are written once here. A {@link Kind} is what differs between kinds (path, JSON, name,
 * secrets); a {@link Wire} is what differs between services (how lists page, how a read or a create
 * answers, which {@code Accept} a call needs).
 *
 * @param <T> the object as read
 * @param <R> the body of a create
 */
final class HttpCollection<T, R> implements RemoteCollection<T, R> {

  /**
   * How one kind is written and read.
   *
   * @param path the collection below its service, e.g. {@code flows} or {@code tenant/schemas}
   * @param words the kind in change log lines and operation names, e.g. {@code base connection}
   * @param nameField the field a lookup by name filters on: {@code name} or {@code title}
   * @param read one object from its JSON
   * @param write the body of a create (and of a PUT)
   * @param nameOf the name a lookup must match exactly
   * @param secrets values of a create request to mask in error messages
   */
  record Kind<T, R>(
      String path,
      String words,
      String nameField,
      Function<JsonNode, T> read,
      Function<R, ObjectNode> write,
      Function<T, String> nameOf,
      Function<R, Collection<String>> secrets) {

    /** A kind looked up by {@code name} whose requests hold no secret. */
    static <T, R> Kind<T, R> of(
        String path,
        String words,
        Function<JsonNode, T> read,
        Function<R, ObjectNode> write,
        Function<T, String> nameOf) {
      return new Kind<>(path, words, "name", read, write, nameOf, r -> List.of());
    }

    /**
     * The collection of {@code kind}: its words, and objects named by {@link RemoteObject#name}.
     */
    static <T extends RemoteObject, R> Kind<T, R> of(
        String path,
        RemoteKind<T, R> kind,
        Function<JsonNode, T> read,
        Function<R, ObjectNode> write) {
      return of(path, kind.words(), read, write, RemoteObject::name);
    }

    /** The same kind with another lookup field (e.g. {@code title}). */
    Kind<T, R> namedBy(String field) {
      return new Kind<>(path, words, field, read, write, nameOf, secrets);
    }

    /** The same kind whose create requests hold these secrets. */
    Kind<T, R> withSecrets(Function<R, Collection<String>> values) {
      return new Kind<>(path, words, nameField, read, write, nameOf, values);
    }

    /** "base connection" to "BaseConnection", as in {@code createBaseConnection}. */
    String singular() {
      StringBuilder out = new StringBuilder();
      for (String word : words.split(" ")) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
      return out.toString();
    }
  }

  /** Where one service answers the same calls differently from another. */
  abstract static class Wire {
    private final String service;

    /** {@code service}: the tag of metrics and errors (flowservice, catalog, ...). */
    Wire(String service) {
      this.service = service;
    }

    final String service() {
      return service;
    }

    /** Adds the query's {@code property=} filters and its order, named {@code orderParam}. */
    static void filter(HttpUrl.Builder url, ListQuery q, String orderParam, String orderBy) {
      q.properties().forEach(p -> url.addQueryParameter("property", p));
      if (orderBy != null) {
        url.addQueryParameter(orderParam, orderBy);
      }
    }

    /** Accept header of a call ({@code get}, {@code list} or {@code write}); null for JSON. */
    String accept(String call) {
      return null;
    }

    /**
     * One page of a list: adds the query and the page token to {@code url}, fetches it and reads
     * the items and the next page token from the answer.
     */
    abstract Page<JsonNode> page(
        HttpUrl.Builder url, ListQuery query, String token, Function<HttpUrl, JsonNode> fetch);

    /** The object a GET of {@code id} answered; empty when the answer holds none. */
    Optional<JsonNode> single(JsonNode body, String id) {
      return Optional.of(body == null ? MissingNode.getInstance() : body);
    }

    /** The id a create answer carries, or null when it carries none. */
    abstract String createdId(JsonNode body);

    /** Where a create answer carries the id, for the error when it does not. */
    String idField() {
      return "id";
    }

    /** The etag a create, PATCH or action answer carries, or null. */
    String etag(JsonNode body) {
      return null;
    }

    /** Whether a 2xx answer to a DELETE says the object was there. */
    boolean deleted(JsonNode body) {
      return true;
    }

    /** The body of a JSON Patch; only services that take PATCH have one. */
    ArrayNode patch(List<JsonPatchOp> ops) {
      throw new UnsupportedOperationException(service() + " objects are not patched");
    }
  }

  /** Where one service's collections live: how it is called, its wire and its base URL. */
  record Service(PlatformCaller caller, Wire wire, HttpUrl base) {

    /**
     * The service at {@code path} below the Platform's base, e.g. {@code data/foundation/catalog}.
     */
    static Service at(PlatformCaller caller, Wire wire, HttpUrl platformBase, String path) {
      return new Service(caller, wire, platformBase.newBuilder().addPathSegments(path).build());
    }

    /** The service's collection of {@code kind}. */
    <T, R> HttpCollection<T, R> collection(Kind<T, R> kind) {
      return new HttpCollection<>(caller, wire, base, kind);
    }
  }

  private final PlatformCaller caller;
  private final Wire wire;
  private final HttpUrl url;
  private final Kind<T, R> kind;

  HttpCollection(PlatformCaller caller, Wire wire, HttpUrl serviceBase, Kind<T, R> kind) {
    this.caller = caller;
    this.wire = wire;
    this.url = serviceBase.newBuilder().addPathSegments(kind.path()).build();
    this.kind = kind;
  }

  @Override
  public EntityRef create(R request) {
    JsonNode body = post(request);
    return new EntityRef(wire.createdId(body), wire.etag(body));
  }

  /** Sends a create; returns its answer, which carries the new object's id. */
  JsonNode post(R request) {
    PlatformCaller.Call.Builder call =
        call("create", "POST", url, "write").json(kind.write().apply(request));
    kind.secrets().apply(request).forEach(call::secret);
    JsonNode body = send(call, wire::createdId, wire.idField());
    ChangeLog.record(caller, "created " + kind.words() + " " + wire.createdId(body));
    return body;
  }

  /** The request's own JSON read back as an answer, with the id and etag the create answered. */
  @Override
  public T created(EntityRef ref, R request) {
    ObjectNode sent = kind.write().apply(request).put("id", ref.id());
    return kind.read().apply(ref.etag() == null ? sent : sent.put("etag", ref.etag()));
  }

  @Override
  public Optional<T> get(String id) {
    return read(byId(id), id);
  }

  /** A GET of {@code url} (the object {@code id}, perhaps at a version); empty on 404. */
  Optional<T> read(HttpUrl target, String id) {
    try {
      JsonNode body = caller.execute(call("get", "GET", target, "get").build()).body();
      return wire.single(body, id).map(kind.read());
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
    return page(url.newBuilder(), query, pageToken);
  }

  /** One page of a list whose URL already carries service-specific parameters. */
  Page<T> page(HttpUrl.Builder target, ListQuery query, String pageToken) {
    Page<JsonNode> page =
        wire.page(
            target,
            query == null ? ListQuery.all() : query,
            pageToken,
            u -> caller.execute(call("list", "GET", u, "list").build()).body());
    return new Page<>(page.items().stream().map(kind.read()).toList(), page.nextPageToken());
  }

  @Override
  public List<T> findByName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(kind.nameField() + " must not be blank");
    }
    // The filter may match loosely (case, comma lists): keep exact matches only.
    return list(ListQuery.where(kind.nameField() + "==" + name)).stream()
        .filter(o -> Objects.equals(kind.nameOf().apply(o), name))
        .toList();
  }

  @Override
  public EntityRef patch(String id, String etag, List<JsonPatchOp> ops) {
    PlatformCaller.Call.Builder call =
        call("patch", "PATCH", byId(id), "write").ifMatch(etag).json(wire.patch(ops));
    FlowServiceJson.sensitiveValues(ops).forEach(call::secret);
    JsonNode body = send(call, wire::createdId, "id");
    ChangeLog.patched(caller, kind.words(), id, ops);
    return new EntityRef(wire.createdId(body), wire.etag(body));
  }

  /** {@code PUT} of a full new body; {@code verb} names the operation ({@code replace}...). */
  JsonNode put(String id, R request, String verb) {
    return caller
        .execute(call(verb, "PUT", byId(id), "write").json(kind.write().apply(request)).build())
        .body();
  }

  @Override
  public boolean delete(String id) {
    try {
      JsonNode body = caller.execute(call("delete", "DELETE", byId(id), null).build()).body();
      return ChangeLog.deleted(caller, kind.words(), id, wire.deleted(body));
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return ChangeLog.deleted(caller, kind.words(), id, false);
      }
      throw e;
    }
  }

  /** The collection's URL, to add parameters of the service's own to. */
  HttpUrl.Builder url() {
    return url.newBuilder();
  }

  /** {@code <collection>/<id>[/<more>...]}; a {@code $id} URI is one percent-encoded segment. */
  HttpUrl byId(String id, String... more) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(kind.words() + " id must not be blank");
    }
    HttpUrl.Builder b = url.newBuilder().addPathSegment(id);
    for (String segment : more) {
      b.addPathSegment(segment);
    }
    return b.build();
  }

  /** A call named like {@code getBaseConnection} ({@code listBaseConnections} for a list). */
  PlatformCaller.Call.Builder call(String verb, String method, HttpUrl target, String accept) {
    String operation = verb + kind.singular() + (verb.equals("list") ? "s" : "");
    PlatformCaller.Call.Builder call =
        PlatformCaller.Call.builder(wire.service(), operation, method, target);
    String type = accept == null ? null : wire.accept(accept);
    return type == null ? call : call.accept(type);
  }

  /** Sends a write whose answer must carry an id. */
  JsonNode send(
      PlatformCaller.Call.Builder builder, Function<JsonNode, String> idOf, String idField) {
    PlatformCaller.Call call = builder.build();
    PlatformCaller.Answer answer = caller.execute(call);
    String id = idOf.apply(answer.body());
    if (id == null || id.isBlank()) {
      throw call.failure(answer).detail("the answer carries no " + idField).build();
    }
    return answer.body();
  }
}

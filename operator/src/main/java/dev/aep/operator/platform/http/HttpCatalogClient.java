package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.CatalogClient;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import dev.aep.operator.platform.SchemaRef;
import dev.aep.operator.platform.ValuePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Catalog datasets over HTTP. Its {@link Wire}: array create answers ({@code ["@/dataSets/<id>"]}),
 * reads keyed by id, offsets for pages, 200 deletes.
 */
final class HttpCatalogClient implements CatalogClient {

  static final String SERVICE = "catalog";
  private static final String REF_PREFIX = "@/dataSets/";

  /** Catalog's largest page. */
  static final int MAX_PAGE = 100;

  private final HttpCollection<Dataset, DatasetRequest> datasets;
  private final RemoteKind.Collections collections;

  HttpCatalogClient(PlatformCaller caller, HttpUrl platformBase) {
    ObjectMapper mapper = caller.mapper();
    this.datasets =
        HttpCollection.Service.at(caller, new Wire(), platformBase, "data/foundation/catalog")
            .collection(
                HttpCollection.Kind.of(
                    "dataSets", Dataset.KIND, n -> dataset(n), r -> body(mapper, r)));
    this.collections = new RemoteKind.Collections().with(Dataset.KIND, datasets);
  }

  @Override
  public <T extends RemoteObject, R> RemoteCollection<T, R> collection(RemoteKind<T, R> kind) {
    return collections.of(kind);
  }

  @Override
  public Page<Dataset> listDatasetsTaggedPage(
      String tag, String value, int limit, String pageToken) {
    if (tag == null || tag.isBlank() || value == null || value.isBlank()) {
      throw new IllegalArgumentException("tag and value must not be blank");
    }
    HttpUrl.Builder url = datasets.url().addQueryParameter("tags", tag + ":" + value);
    // A stable order, so that offsets do not skip or repeat datasets between pages.
    return datasets.page(url, ListQuery.all().orderBy("asc:created").limit(limit), pageToken);
  }

  private static ObjectNode body(ObjectMapper mapper, DatasetRequest request) {
    ObjectNode body = mapper.createObjectNode();
    body.put("name", request.name());
    if (request.description() != null) {
      body.put("description", request.description());
    }
    ObjectNode schemaRef = body.putObject("schemaRef");
    schemaRef.put("id", Objects.requireNonNull(request.schemaRef(), "schemaRef").id());
    schemaRef.put("contentType", request.schemaRef().contentType());
    if (!request.tags().isEmpty()) {
      ObjectNode tags = body.putObject("tags");
      request.tags().forEach((k, v) -> v.forEach(tags.putArray(k)::add));
    }
    return body;
  }

  /** Ids from an array of {@code "@/dataSets/<id>"} references. */
  static List<String> refs(JsonNode body) {
    List<String> ids = new ArrayList<>();
    for (String ref : LenientJson.textList(body)) {
      String id = ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : ref;
      if (!id.isBlank()) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** A dataset; Catalog keys objects by id, which {@link Wire} copies into {@code id}. */
  static Dataset dataset(JsonNode n) {
    JsonNode ref = n.path("schemaRef");
    SchemaRef schemaRef =
        ref.isObject()
            ? new SchemaRef(
                LenientJson.text(ref, "id"), ValuePool.of(LenientJson.text(ref, "contentType")))
            : null;
    return new Dataset(
        LenientJson.text(n, "id"),
        LenientJson.text(n, "name"),
        LenientJson.text(n, "description"),
        schemaRef,
        ValuePool.of(Map.copyOf(LenientJson.tags(n.path("tags")))),
        ValuePool.of(LenientJson.text(n, "version")),
        LenientJson.longValue(n, "created"),
        LenientJson.longValue(n, "updated"));
  }

  /** Catalog's answers: objects keyed by id, reference arrays, offsets for pages. */
  private static final class Wire extends HttpCollection.Wire {
    Wire() {
      super(SERVICE);
    }

    @Override
    Page<JsonNode> page(
        HttpUrl.Builder url, ListQuery q, String token, Function<HttpUrl, JsonNode> fetch) {
      filter(url, q, "orderBy", q.orderBy());
      int limit = Math.min(q.limit() == null ? MAX_PAGE : q.limit(), MAX_PAGE);
      int start = Paging.offset(token, "Catalog");
      url.addQueryParameter("limit", Integer.toString(limit));
      url.addQueryParameter("start", Integer.toString(start));
      JsonNode body = fetch.apply(url.build());
      List<JsonNode> items = new ArrayList<>();
      if (body != null && body.isObject()) {
        body.properties().forEach(e -> keyed(e).ifPresent(items::add));
      }
      // Catalog has no page token: a full page means there may be more at the next offset.
      return new Page<>(items, Paging.nextOffset(start, items.size(), limit));
    }

    @Override
    Optional<JsonNode> single(JsonNode body, String id) {
      if (body == null || !body.isObject() || body.isEmpty()) {
        return Optional.empty();
      }
      JsonNode entry = body.path(id);
      if (entry.isObject()) {
        return keyed(Map.entry(id, entry));
      }
      // Tolerate an answer keyed differently (e.g. case) when it holds exactly one dataset.
      return body.size() == 1 ? keyed(body.properties().iterator().next()) : Optional.empty();
    }

    private static Optional<JsonNode> keyed(Map.Entry<String, JsonNode> e) {
      return e.getValue() instanceof ObjectNode o
          ? Optional.of(o.deepCopy().put("id", e.getKey()))
          : Optional.empty();
    }

    @Override
    String createdId(JsonNode body) {
      List<String> ids = refs(body);
      return ids.size() == 1 ? ids.get(0) : null;
    }

    @Override
    String idField() {
      return "single \"@/dataSets/<id>\"";
    }

    @Override
    boolean deleted(JsonNode body) {
      // 200 with ["@/dataSets/<id>"] when deleted; 200 with [] when there was nothing to delete.
      return !refs(body).isEmpty();
    }
  }
}

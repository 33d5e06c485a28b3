package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.platform.CatalogClient;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.ListQuery;
import dev.aep.operator.platform.Page;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.SchemaRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Catalog datasets over HTTP: array create answers, keyed-object reads, 200 deletes. */
final class HttpCatalogClient implements CatalogClient {

  static final String SERVICE = "catalog";
  private static final String REF_PREFIX = "@/dataSets/";

  /** Catalog's largest page. */
  static final int MAX_PAGE = 100;

  private final PlatformCaller caller;
  private final HttpUrl datasets;

  HttpCatalogClient(PlatformCaller caller, HttpUrl platformBase) {
    this.caller = caller;
    this.datasets =
        platformBase.newBuilder().addPathSegments("data/foundation/catalog/dataSets").build();
  }

  @Override
  public String createDataset(DatasetRequest request) {
    ObjectNode body = caller.mapper().createObjectNode();
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
    PlatformCaller.Call call =
        PlatformCaller.Call.builder(SERVICE, "createDataset", "POST", datasets).json(body).build();
    PlatformCaller.Answer answer = caller.execute(call);
    List<String> ids = refs(answer.body());
    if (ids.size() != 1) {
      throw PlatformException.builder("POST", datasets.encodedPath())
          .service(SERVICE)
          .operation("createDataset")
          .httpStatus(answer.status())
          .requestId(answer.requestId())
          .detail("expected one \"@/dataSets/<id>\" in the answer, got " + ids.size())
          .build();
    }
    ChangeLog.record(caller, "created dataset " + ids.get(0));
    return ids.get(0);
  }

  @Override
  public Optional<Dataset> getDataset(String id) {
    try {
      JsonNode body =
          caller
              .execute(PlatformCaller.Call.builder(SERVICE, "getDataset", "GET", byId(id)).build())
              .body();
      if (body == null || !body.isObject() || body.isEmpty()) {
        return Optional.empty();
      }
      JsonNode entry = body.path(id);
      if (!entry.isObject()) {
        // Tolerate an answer keyed differently (e.g. case) when it holds exactly one dataset.
        if (body.size() != 1) {
          return Optional.empty();
        }
        Map.Entry<String, JsonNode> only = body.properties().iterator().next();
        return Optional.of(dataset(only.getKey(), only.getValue()));
      }
      return Optional.of(dataset(id, entry));
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<Dataset> findDatasetsByName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return listDatasets(ListQuery.where("name==" + name)).stream()
        .filter(d -> name.equals(d.name()))
        .toList();
  }

  @Override
  public List<Dataset> listDatasets(ListQuery query) {
    return Paging.all("GET", datasets.encodedPath(), token -> listDatasetsPage(query, token));
  }

  @Override
  public Page<Dataset> listDatasetsPage(ListQuery query, String pageToken) {
    ListQuery q = query == null ? ListQuery.all() : query;
    HttpUrl.Builder url = datasets.newBuilder();
    q.properties().forEach(p -> url.addQueryParameter("property", p));
    if (q.orderBy() != null) {
      url.addQueryParameter("orderBy", q.orderBy());
    }
    return datasetsPage(url, q.limit() == null ? MAX_PAGE : q.limit(), pageToken);
  }

  @Override
  public Page<Dataset> listDatasetsTaggedPage(
      String tag, String value, int limit, String pageToken) {
    if (tag == null || tag.isBlank() || value == null || value.isBlank()) {
      throw new IllegalArgumentException("tag and value must not be blank");
    }
    HttpUrl.Builder url = datasets.newBuilder().addQueryParameter("tags", tag + ":" + value);
    // A stable order, so that offsets do not skip or repeat datasets between pages.
    url.addQueryParameter("orderBy", "asc:created");
    return datasetsPage(url, limit, pageToken);
  }

  private Page<Dataset> datasetsPage(HttpUrl.Builder url, int pageSize, String pageToken) {
    int limit = Math.min(pageSize, MAX_PAGE);
    int start = parseStart(pageToken);
    url.addQueryParameter("limit", Integer.toString(limit));
    url.addQueryParameter("start", Integer.toString(start));
    JsonNode body =
        caller
            .execute(
                PlatformCaller.Call.builder(SERVICE, "listDatasets", "GET", url.build()).build())
            .body();
    List<Dataset> items = new ArrayList<>();
    if (body != null && body.isObject()) {
      body.properties()
          .forEach(
              e -> {
                if (e.getValue().isObject()) {
                  items.add(dataset(e.getKey(), e.getValue()));
                }
              });
    }
    // Catalog has no page token: a full page means there may be more at the next offset.
    String next = items.size() >= limit ? Integer.toString(start + items.size()) : null;
    return new Page<>(items, next);
  }

  @Override
  public boolean deleteDataset(String id) {
    try {
      JsonNode body =
          caller
              .execute(
                  PlatformCaller.Call.builder(SERVICE, "deleteDataset", "DELETE", byId(id)).build())
              .body();
      // 200 with ["@/dataSets/<id>"] when deleted; 200 with [] when there was nothing to delete.
      return ChangeLog.deleted(caller, "dataset", id, !refs(body).isEmpty());
    } catch (PlatformException e) {
      if (PlatformErrors.isMissingObject(e)) {
        return ChangeLog.deleted(caller, "dataset", id, false);
      }
      throw e;
    }
  }

  private static int parseStart(String token) {
    if (token == null) {
      return 0;
    }
    try {
      int start = Integer.parseInt(token);
      if (start < 0) {
        throw new NumberFormatException();
      }
      return start;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a Catalog page token: " + token, e);
    }
  }

  private HttpUrl byId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("dataset id must not be blank");
    }
    return datasets.newBuilder().addPathSegment(id).build();
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

  static Dataset dataset(String id, JsonNode n) {
    JsonNode ref = n.path("schemaRef");
    SchemaRef schemaRef =
        ref.isObject()
            ? new SchemaRef(LenientJson.text(ref, "id"), LenientJson.text(ref, "contentType"))
            : null;
    return new Dataset(
        id,
        LenientJson.text(n, "name"),
        LenientJson.text(n, "description"),
        schemaRef,
        LenientJson.tags(n.path("tags")),
        LenientJson.text(n, "version"),
        LenientJson.longValue(n, "created"),
        LenientJson.longValue(n, "updated"));
  }
}

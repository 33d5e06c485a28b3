package dev.aep.operator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The Kubernetes mock's CRUD dispatcher with every write recorded (method, path, time). Events
 * are answered but not stored: the mock scans every stored object on each request, and thousands
 * of events would make the API server, not the operator, the thing measured.
 */
final class BenchDispatcher extends KubernetesCrudDispatcher {

  /** One write request. */
  record Write(String method, String path, Instant time) {
    boolean event() {
      return path.contains("/events");
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final List<Write> writes = new ArrayList<>();
  private final AtomicLong resourceVersions = new AtomicLong(1_000_000_000L);

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String method = request.getMethod();
    String path = request.getPath();
    if (!"GET".equals(method)) {
      synchronized (writes) {
        writes.add(new Write(method, path, Instant.now()));
      }
    }
    if ("POST".equals(method) && path.split("\\?")[0].endsWith("/events")) {
      return acceptEvent(request);
    }
    return super.dispatch(request);
  }

  /** Writes matching a filter. */
  List<Write> writes(Predicate<Write> filter) {
    synchronized (writes) {
      return writes.stream().filter(filter).toList();
    }
  }

  private MockResponse acceptEvent(RecordedRequest request) {
    try {
      ObjectNode event = (ObjectNode) json.readTree(request.getUtf8Body());
      ObjectNode metadata = event.has("metadata") && event.get("metadata").isObject()
          ? (ObjectNode) event.get("metadata") : event.putObject("metadata");
      metadata.put("uid", UUID.randomUUID().toString());
      metadata.put("resourceVersion", Long.toString(resourceVersions.incrementAndGet()));
      if (!metadata.has("name")) {
        metadata.put("name", metadata.path("generateName").asText("event.") + UUID.randomUUID());
      }
      return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
          .setBody(json.writeValueAsString(event));
    } catch (IOException | ClassCastException e) {
      return new MockResponse().setResponseCode(400).setBody("{}");
    }
  }
}

package dev.aep.operator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.testing.RecordingDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The recording CRUD dispatcher (no request bodies kept) with Events answered but not stored: the
 * mock scans every stored object on each request, and thousands of events would make the API
 * server, not the operator, the thing measured.
 */
final class BenchDispatcher extends RecordingDispatcher {
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong resourceVersions = new AtomicLong(1_000_000_000L);

  BenchDispatcher() {
    super(false);
  }

  /** The writes so far that match {@code filter}. */
  List<Request> writes(Predicate<Request> filter) {
    return requests(r -> r.write() && filter.test(r));
  }

  /** Whether a write is an Event. */
  static boolean event(Request write) {
    return write.path().contains("/events");
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    if ("POST".equals(request.getMethod())
        && request.getPath().split("\\?")[0].endsWith("/events")) {
      return acceptEvent(request);
    }
    return super.answer(request);
  }

  private MockResponse acceptEvent(RecordedRequest request) {
    try {
      ObjectNode event = (ObjectNode) json.readTree(request.getUtf8Body());
      ObjectNode metadata =
          event.has("metadata") && event.get("metadata").isObject()
              ? (ObjectNode) event.get("metadata")
              : event.putObject("metadata");
      metadata.put("uid", UUID.randomUUID().toString());
      metadata.put("resourceVersion", Long.toString(resourceVersions.incrementAndGet()));
      if (!metadata.has("name")) {
        metadata.put("name", metadata.path("generateName").asText("event.") + UUID.randomUUID());
      }
      return new MockResponse()
          .setResponseCode(201)
          .setHeader("Content-Type", "application/json")
          .setBody(json.writeValueAsString(event));
    } catch (IOException | ClassCastException e) {
      return new MockResponse().setResponseCode(400).setBody("{}");
    }
  }
}

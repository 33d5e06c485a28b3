package dev.aep.operator.reliability;

import dev.aep.operator.testing.MockCluster;
import dev.aep.operator.testing.RecordingDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The Kubernetes mock server's recording CRUD dispatcher with a fault switch in front: a share of
 * the operator's status writes meets a concurrent write and is answered 409 Conflict, as an API
 * server does when another writer got there first.
 */
final class KubernetesFaults extends RecordingDispatcher {
  private static final Pattern STATUS_WRITE =
      Pattern.compile(".*/stripeingestionflows/[^/?]+/status(\\?.*)?");

  private final AtomicInteger conflictsInjected = new AtomicInteger();
  private final AtomicInteger concurrentWrites = new AtomicInteger();
  private volatile double statusConflictRate;
  private volatile Random random = new Random(1);

  /**
   * Before this share (0..1) of the operator's status PATCH/PUT requests, another writer changes
   * the flow (an annotation), so the request meets a newer resourceVersion and is answered 409.
   */
  void statusConflicts(double rate, long seed) {
    random = new Random(seed);
    statusConflictRate = rate;
  }

  /** How many of the operator's status writes were answered 409 that way so far. */
  int conflictsInjected() {
    return conflictsInjected.get();
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    String method = request.getMethod();
    String path = request.getPath();
    if (("PATCH".equals(method) || "PUT".equals(method))
        && STATUS_WRITE.matcher(path).matches()
        && MockCluster.OPERATOR_USER_AGENT.equals(request.getHeader("User-Agent"))
        && statusConflictRate > 0
        && draw() < statusConflictRate) {
      // Another writer gets there first: the stored object moves to a new resourceVersion, so the
      // operator's write (which carries the version it read) is refused by the CRUD store itself.
      concurrentWrite(path.substring(0, path.indexOf("/status")));
      MockResponse response = super.answer(request);
      if (response.code() == 409) {
        conflictsInjected.incrementAndGet();
      }
      return response;
    }
    return super.answer(request);
  }

  private void concurrentWrite(String resourcePath) {
    String body =
        "{\"metadata\":{\"annotations\":{\"reliability.aep.dev/concurrent-write\":\""
            + concurrentWrites.incrementAndGet()
            + "\"}}}";
    store(
        new RecordedRequest(
            "HTTP/1.1",
            HttpMethod.PATCH,
            resourcePath,
            Headers.builder().add("Content-Type", "application/merge-patch+json").build(),
            new Buffer(body.getBytes(StandardCharsets.UTF_8))));
  }

  private synchronized double draw() {
    return random.nextDouble();
  }
}

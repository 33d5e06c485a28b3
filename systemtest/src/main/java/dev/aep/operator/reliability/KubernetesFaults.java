package dev.aep.operator.reliability;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The Kubernetes mock server's CRUD dispatcher with a fault switch in front: a share of the
 * operator's status writes meets a concurrent write and is answered 409 Conflict, as an API server
 * does when another writer got there first. Records every request (method, path, User-Agent,
 * time, body of writes) so tests can tell the operator's traffic from their own and read what it
 * wrote, and answers the lease-access review leader election asks for (the mock server has no
 * authorizer).
 */
final class KubernetesFaults extends KubernetesCrudDispatcher {
  private static final Pattern STATUS_WRITE =
      Pattern.compile(".*/stripeingestionflows/[^/?]+/status(\\?.*)?");

  /** One request as the API server saw it (body kept for writes), and what it answered. */
  record Request(String method, String path, String userAgent, Instant time, int status,
      String body) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
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

  /** Every request so far, in arrival order. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String body = "GET".equals(request.getMethod()) || request.getBody() == null ? ""
        : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    MockResponse response = answer(request);
    requests.add(new Request(request.getMethod(), request.getPath(),
        request.getHeader("User-Agent"), Instant.now(), response.code(), body));
    return response;
  }

  private MockResponse answer(RecordedRequest request) {
    String method = request.getMethod();
    String path = request.getPath();
    if ("POST".equals(method)
        && path.startsWith("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")) {
      return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
          .setBody(Serialization.asJson(leaseRules()));
    }
    if (("PATCH".equals(method) || "PUT".equals(method)) && STATUS_WRITE.matcher(path).matches()
        && ReliabilityStack.OPERATOR_USER_AGENT.equals(request.getHeader("User-Agent"))
        && statusConflictRate > 0 && draw() < statusConflictRate) {
      // Another writer gets there first: the stored object moves to a new resourceVersion, so the
      // operator's write (which carries the version it read) is refused by the CRUD store itself.
      concurrentWrite(path.substring(0, path.indexOf("/status")));
      MockResponse response = super.dispatch(request);
      if (response.code() == 409) {
        conflictsInjected.incrementAndGet();
      }
      return response;
    }
    return super.dispatch(request);
  }

  private void concurrentWrite(String resourcePath) {
    String body = "{\"metadata\":{\"annotations\":{\"reliability.aep.dev/concurrent-write\":\""
        + concurrentWrites.incrementAndGet() + "\"}}}";
    super.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.PATCH, resourcePath,
        Headers.builder().add("Content-Type", "application/merge-patch+json").build(),
        new Buffer(body.getBytes(StandardCharsets.UTF_8))));
  }

  private synchronized double draw() {
    return random.nextDouble();
  }

  /** What a real cluster grants the operator's service account on leases (deploy/base). */
  private static SelfSubjectRulesReview leaseRules() {
    return new SelfSubjectRulesReviewBuilder()
        .withNewStatus()
        .withIncomplete(false)
        .withResourceRules(new ResourceRuleBuilder()
            .withApiGroups("coordination.k8s.io")
            .withResources("leases")
            .withVerbs("get", "create", "update")
            .build())
        .endStatus()
        .build();
  }
}

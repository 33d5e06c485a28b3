package dev.aep.operator.testing;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The CRUD dispatcher of the Kubernetes mock server, recording every request (method, path,
 * User-Agent, time, answer, and the body of writes when asked to) so tests can tell the operator's
 * traffic from their own and read what it wrote. It also answers the lease-access review JOSDK asks
 * before joining a leader election, as a real cluster would for the operator's service account (the
 * mock server has no authorizer). Subclasses change answers in {@link #answer}.
 */
public class RecordingDispatcher extends KubernetesCrudDispatcher {

  /** One request as the API server saw it, and the status it answered. */
  public record Request(
      String method, String path, String userAgent, Instant time, int status, String body) {

    /** Anything but a read. */
    public boolean write() {
      return !"GET".equals(method);
    }
  }

  private final boolean keepBodies;
  private final List<Request> requests = new ArrayList<>();

  /** Records requests with the bodies of writes. */
  public RecordingDispatcher() {
    this(true);
  }

  /** {@code keepBodies} false keeps no request bodies (the benchmark writes many thousands). */
  public RecordingDispatcher(boolean keepBodies) {
    this.keepBodies = keepBodies;
  }

  @Override
  public final MockResponse dispatch(RecordedRequest request) {
    String method = request.getMethod();
    String body =
        !keepBodies || "GET".equals(method) || request.getBody() == null
            ? ""
            : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    MockResponse response = answer(request);
    Request seen =
        new Request(
            method,
            request.getPath(),
            request.getHeader("User-Agent"),
            Instant.now(),
            response.code(),
            body);
    synchronized (requests) {
      requests.add(seen);
    }
    return response;
  }

  /** The answer to a request: the lease-access review, else the CRUD store's. */
  protected MockResponse answer(RecordedRequest request) {
    if ("POST".equals(request.getMethod())
        && request.getPath().startsWith("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")) {
      return new MockResponse()
          .setResponseCode(201)
          .setHeader("Content-Type", "application/json")
          .setBody(Serialization.asJson(leaseRules()));
    }
    return store(request);
  }

  /** What the CRUD store answers, unrecorded (for requests a subclass makes up itself). */
  protected final MockResponse store(RecordedRequest request) {
    return super.dispatch(request);
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    synchronized (requests) {
      return new ArrayList<>(requests);
    }
  }

  /** The requests so far that match {@code filter}. */
  public List<Request> requests(Predicate<Request> filter) {
    synchronized (requests) {
      return requests.stream().filter(filter).toList();
    }
  }

  /** Every write so far. */
  public List<Request> writes() {
    return requests(Request::write);
  }

  /** What deploy/base grants the operator's service account on leases. */
  private static SelfSubjectRulesReview leaseRules() {
    return new SelfSubjectRulesReviewBuilder()
        .withNewStatus()
        .withIncomplete(false)
        .withResourceRules(
            new ResourceRuleBuilder()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("get", "create", "update")
                .build())
        .endStatus()
        .build();
  }
}

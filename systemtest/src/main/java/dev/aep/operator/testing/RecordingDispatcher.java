package dev.aep.operator.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/** CRUD dispatcher of the Kubernetes mock server that also records every write request. */
public final class RecordingDispatcher extends KubernetesCrudDispatcher {

  /** One write request: method and path (with query). */
  public record Write(String method, String path) {}

  private final List<Write> writes = new ArrayList<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method)) {
      synchronized (writes) {
        writes.add(new Write(method, request.getPath()));
      }
    }
    return super.dispatch(request);
  }

  /** Every write so far. */
  public List<Write> writes() {
    synchronized (writes) {
      return new ArrayList<>(writes);
    }
  }
}

package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.ACCOUNT;
import static dev.aep.operator.platform.http.FakePlatformServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Every exchange is timed by service, HTTP method, operation and status. */
class MetricsTest {

  @Test
  void requestsAreTimedPerServiceMethodOperationAndStatus() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (FakePlatformServer server = new FakePlatformServer();
        HttpPlatform platform =
            new HttpPlatform(
                PlatformEndpoints.single(server.baseUrl(), true),
                FakePlatformServer.fastOptions(),
                registry)) {
      server.handler =
          r ->
              r.getUrl().encodedPath().endsWith("/flows/f1")
                  ? json(200, "{\"items\":[{\"id\":\"f1\"}]}")
                  : json(404, "{}");
      var fs = platform.session(ACCOUNT, "prod").flowService();
      fs.flows().get("f1");
      fs.flows().get("f1");
      fs.flows().get("missing");
      Timer ok = timer(registry, "flowservice", "GET", "getFlow", "200");
      Timer missing = timer(registry, "flowservice", "GET", "getFlow", "404");
      Timer ims = timer(registry, "ims", "POST", "requestToken", "200");
      assertThat(ok).isNotNull();
      assertThat(ok.count()).isEqualTo(2);
      assertThat(missing.count()).isEqualTo(1);
      assertThat(ims.count()).isEqualTo(1);
      assertThat(
              registry
                  .find("aep.platform.token.requests")
                  .tag("outcome", "success")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }

  private static Timer timer(
      SimpleMeterRegistry registry,
      String service,
      String method,
      String operation,
      String status) {
    return registry
        .find("aep.platform.requests")
        .tags("service", service, "method", method, "operation", operation, "status", status)
        .timer();
  }
}

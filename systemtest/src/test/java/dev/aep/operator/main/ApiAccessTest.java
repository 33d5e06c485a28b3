package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests map to the (group, resource, verb) the API server authorizes, as the RBAC test relies
 * on.
 */
class ApiAccessTest {

  @ParameterizedTest(name = "{0} {1} -> {3} {2}")
  @CsvSource({
    "GET,/apis/flows.aep.dev/v1alpha1/stripeingestionflows?resourceVersion=0,flows.aep.dev:stripeingestionflows,list,",
    "GET,/apis/flows.aep.dev/v1alpha1/stripeingestionflows?allowWatchBookmarks=true&watch=true,flows.aep.dev:stripeingestionflows,watch,",
    "PATCH,/apis/flows.aep.dev/v1alpha1/namespaces/p/stripeingestionflows/charges/status,flows.aep.dev:stripeingestionflows/status,patch,charges",
    "PUT,/apis/flows.aep.dev/v1alpha1/namespaces/p/stripeingestionflows/charges,flows.aep.dev:stripeingestionflows,update,charges",
    "GET,/api/v1/namespaces/p/secrets/stripe,:secrets,get,stripe",
    "GET,/api/v1/namespaces/p/secrets?watch=true,:secrets,watch,",
    "POST,/api/v1/namespaces/p/events,:events,create,",
    "GET,/api/v1/namespaces/p,:namespaces,get,p",
    "POST,/apis/coordination.k8s.io/v1/namespaces/ops/leases,coordination.k8s.io:leases,create,",
    "DELETE,/api/v1/namespaces/p/secrets,:secrets,deletecollection,",
    "DELETE,/api/v1/namespaces/p/secrets/s,:secrets,delete,s",
  })
  void mapsRequestToWhatRbacChecks(
      String method, String path, String groupResource, String verb, String name) {
    ApiAccess access = ApiAccess.of(method, path).orElseThrow();
    String[] gr = groupResource.split(":", -1);
    assertThat(access.apiGroup()).isEqualTo(gr[0]);
    assertThat(access.resource()).isEqualTo(gr[1]);
    assertThat(access.verb()).isEqualTo(verb);
    assertThat(access.name()).isEqualTo(name);
  }

  @org.junit.jupiter.api.Test
  void namespacedRequestsCarryTheirNamespace() {
    assertThat(
            ApiAccess.of("GET", "/apis/coordination.k8s.io/v1/namespaces/ops/leases/l")
                .orElseThrow()
                .namespace())
        .isEqualTo("ops");
    assertThat(
            ApiAccess.of("GET", "/apis/flows.aep.dev/v1alpha1/stripeingestionflows")
                .orElseThrow()
                .namespace())
        .isNull();
  }

  @ParameterizedTest
  @CsvSource({"/version", "/apis", "/api", "/apis/flows.aep.dev/v1alpha1", "/openapi/v3"})
  void discoveryPathsAreNotResourceRequests(String path) {
    assertThat(ApiAccess.of("GET", path)).isEmpty();
  }
}

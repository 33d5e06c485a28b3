package dev.aep.operator.reliability;

import dev.aep.operator.main.ApiAccess;
import java.util.Optional;

/**
 * What RBAC authorizes a Kubernetes API request as: API group, resource (with subresource, e.g.
 * {@code stripeingestionflows/status}) and verb. Discovery and other non-resource paths are not
 * resource requests.
 *
 * @param group API group, "" for the core group
 * @param resource resource, with "/subresource" when there is one
 * @param verb get, list, watch, create, update, patch, delete or deletecollection
 */
record ApiVerb(String group, String resource, String verb) {

  @Override
  public String toString() {
    return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
  }

  /**
   * The access a request needs, ignoring the object's name and namespace; empty for non-resource
   * paths (discovery, version). The request is read by the RBAC test's parser, so both suites agree
   * on what a request needs. Like the API server, it takes a GET or HEAD of a named object as get
   * even with watch=true: only a collection is watched.
   */
  static Optional<ApiVerb> of(String method, String pathAndQuery) {
    return ApiAccess.of(method, pathAndQuery)
        .map(access -> new ApiVerb(access.apiGroup(), access.resource(), access.verb()));
  }
}

package dev.aep.operator.reliability;

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

  /** The access a request needs; empty for non-resource paths (discovery, version). */
  static Optional<ApiVerb> of(String method, String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    String[] p = path.replaceAll("^/+", "").split("/");
    String group;
    int i;
    if (p.length >= 3 && p[0].equals("api")) {
      group = "";
      i = 2;
    } else if (p.length >= 4 && p[0].equals("apis")) {
      group = p[1];
      i = 3;
    } else {
      return Optional.empty();
    }
    String resource;
    String name = null;
    String sub = null;
    if (p[i].equals("namespaces") && p.length >= i + 3) {
      // /namespaces/{ns}/{resource}[/{name}[/{sub}]]
      resource = p[i + 2];
      name = p.length > i + 3 ? p[i + 3] : null;
      sub = p.length > i + 4 ? p[i + 4] : null;
    } else {
      resource = p[i];
      name = p.length > i + 1 ? p[i + 1] : null;
      sub = p.length > i + 2 ? p[i + 2] : null;
    }
    boolean watch = query.matches("(.*&)?watch=(true|1)(&.*)?");
    String verb =
        switch (method) {
          case "GET" -> watch ? "watch" : name == null ? "list" : "get";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> name == null ? "deletecollection" : "delete";
          default -> method.toLowerCase();
        };
    return Optional.of(new ApiVerb(group, sub == null ? resource : resource + "/" + sub, verb));
  }
}

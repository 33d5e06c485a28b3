package dev.aep.operator.main;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What one Kubernetes API request needs from RBAC: API group, resource (with subresource), verb,
 * and the object name when the request names one.
 *
 * @param apiGroup "" for the core group
 * @param resource plural, {@code resource/subresource} for subresources
 * @param verb get, list, watch, create, update, patch, delete or deletecollection
 * @param name the object name, or null for collection requests
 * @param namespace the request's namespace, or null for cluster-wide requests
 */
public record ApiAccess(
    String apiGroup, String resource, String verb, String name, String namespace) {

  /**
   * Maps a request to what RBAC checks, the way the API server does; empty for non-resource URLs
   * (/version, /api, /apis, /openapi...), which every authenticated user may read.
   */
  public static Optional<ApiAccess> of(String method, String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    String[] parts =
        Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    String group;
    int rest;
    if (parts.length >= 3 && parts[0].equals("api")) {
      group = "";
      rest = 2;
    } else if (parts.length >= 4 && parts[0].equals("apis")) {
      group = parts[1];
      rest = 3;
    } else {
      return Optional.empty();
    }
    String[] r = Arrays.copyOfRange(parts, rest, parts.length);
    // /namespaces/{ns}/{resource}... is namespaced; /namespaces and /namespaces/{ns} are the
    // resource itself.
    String namespace = null;
    if (r.length >= 3 && r[0].equals("namespaces")) {
      namespace = r[1];
      r = Arrays.copyOfRange(r, 2, r.length);
    }
    String resource = r[0];
    String name = r.length >= 2 ? r[1] : null;
    if (r.length >= 3) {
      resource = resource + "/" + r[2];
    }
    boolean watch =
        Arrays.stream(query.split("&"))
            .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
            .anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
    String verb =
        switch (method) {
          case "GET", "HEAD" -> name != null ? "get" : watch ? "watch" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> name != null ? "delete" : "deletecollection";
          default -> throw new IllegalArgumentException("unexpected method " + method);
        };
    return Optional.of(
        new ApiAccess(group, resource, verb, verb.equals("create") ? null : name, namespace));
  }

  @Override
  public String toString() {
    return verb
        + " "
        + (apiGroup.isEmpty() ? "core" : apiGroup)
        + "/"
        + resource
        + (namespace == null ? "" : " in " + namespace)
        + (name == null ? "" : " named " + name);
  }
}

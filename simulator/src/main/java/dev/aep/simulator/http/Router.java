package dev.aep.simulator.http;

import dev.aep.simulator.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches method + raw path against route templates. A trailing slash is ignored (Flow Service's
 * spec writes PATCH/DELETE /connections/{id}/ while its docs write no slash: platform-api.md 2.3).
 */
public final class Router {
  private final List<Route> routes = new ArrayList<>();

  public void add(Route route) {
    routes.add(route);
  }

  /**
   * Adds a route of {@code service} at its base path + {@code path}; every method but GET changes
   * state.
   */
  public void add(Service service, Kind kind, String method, String path, Route.Handler handler) {
    add(
        new Route(
            method, service.basePath() + path, service, kind, !method.equals("GET"), handler));
  }

  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** A route and its decoded path parameters. */
  public record Match(Route route, Map<String, String> params) {
    /** Runs the route's handler with the path parameters set on the request. */
    public Response invoke(Request request) {
      return route.handler().handle(request.withParams(params));
    }
  }

  /**
   * The matching route; empty if none. pathKnown tells whether some other method serves this path.
   */
  public Optional<Match> match(String method, String rawPath) {
    String[] segs = split(rawPath);
    for (Route r : routes) {
      if (!r.method().equals(method)) {
        continue;
      }
      Map<String, String> params = matchTemplate(r.template(), segs);
      if (params != null) {
        return Optional.of(new Match(r, params));
      }
    }
    return Optional.empty();
  }

  public boolean pathKnown(String rawPath) {
    String[] segs = split(rawPath);
    return routes.stream().anyMatch(r -> matchTemplate(r.template(), segs) != null);
  }

  private static String[] split(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.substring(1).split("/", -1);
  }

  private static Map<String, String> matchTemplate(String template, String[] segs) {
    String[] t = split(template);
    if (t.length != segs.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < t.length; i++) {
      if (t[i].startsWith("{") && t[i].endsWith("}")) {
        if (segs[i].isEmpty()) {
          return null;
        }
        params.put(t[i].substring(1, t[i].length() - 1), Request.decodePathSegment(segs[i]));
      } else if (!t[i].equals(segs[i])) {
        return null;
      }
    }
    return params;
  }
}

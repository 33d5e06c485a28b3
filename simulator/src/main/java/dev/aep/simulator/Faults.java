package dev.aep.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.simulator.api.FlowServiceApi;
import dev.aep.simulator.http.ApiError;
import dev.aep.simulator.http.Json;
import dev.aep.simulator.http.Problems;
import dev.aep.simulator.http.Request;
import dev.aep.simulator.http.Service;
import dev.aep.simulator.store.Entity;
import dev.aep.simulator.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Fault switches. Random faults use a seeded generator so a test run is reproducible. 429 and 5xx
 * rates apply to Platform calls (not IMS); failNext rules match any non-admin call. [INF] Platform
 * documents no 429 or Retry-After (platform-api.md 1.4); the body here is gateway-shaped like the
 * other gateway answers.
 */
public final class Faults {
  private static final long DEFAULT_SEED = 42L;

  /**
   * How long a flow stays updating (or disabling) after a PATCH or an action. [INF] The real
   * durations are undocumented (platform-api.md 16); a few seconds makes clients meet the window.
   */
  public static final Duration DEFAULT_FLOW_TRANSITION = Duration.ofSeconds(2);

  /** The documented answer for a missing flow (platform-api.md 2.2). */
  public static final String DEFAULT_MISSING_FLOW_CODE = "1439-404";

  /**
   * The answers for a missing flow the docs show or list: 2.2's example, 1101-404, the table's
   * 1439-400.
   */
  public static final List<String> MISSING_FLOW_CODES = List.of("1439-404", "1101-404", "1439-400");

  /** One "fail the next N calls matching method and path" rule. */
  private static final class FailRule {
    final String method;
    final Pattern path;
    final int status;
    final String flowCode;
    int remaining;

    FailRule(int count, String method, String pathRegex, int status, String flowCode) {
      this.remaining = count;
      this.method =
          method == null || method.equals("*") ? null : method.toUpperCase(java.util.Locale.ROOT);
      this.path = Pattern.compile(pathRegex);
      this.status = status;
      this.flowCode = flowCode;
    }
  }

  private final Accounts accounts;
  private final Store store;
  private final SimClock clock;
  private Random random = new Random(DEFAULT_SEED);
  private double rateLimitRate;
  private int retryAfterSeconds = 1;
  private double serverErrorRate;
  private Duration latency = Duration.ZERO;
  private boolean failRuns;
  private final List<FailRule> failRules = new ArrayList<>();
  private Duration flowTransition = DEFAULT_FLOW_TRANSITION;
  private String missingFlowCode = DEFAULT_MISSING_FLOW_CODE;

  Faults(Accounts accounts, Store store, SimClock clock) {
    this.accounts = accounts;
    this.store = store;
    this.clock = clock;
  }

  /** Reseeds the random faults. */
  public synchronized Faults seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /** Answers this share (0..1) of Platform calls with 429 and Retry-After: retryAfterSeconds. */
  public synchronized Faults rateLimit(double rate, int retryAfterSeconds) {
    checkRate(rate);
    this.rateLimitRate = rate;
    this.retryAfterSeconds = retryAfterSeconds;
    return this;
  }

  /** Answers this share (0..1) of Platform calls with 503. */
  public synchronized Faults serverErrors(double rate) {
    checkRate(rate);
    this.serverErrorRate = rate;
    return this;
  }

  /** Adds this delay before every non-admin call is answered. */
  public synchronized Faults latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  synchronized Duration latency() {
    return latency;
  }

  /** Lifetime (expires_in) of tokens issued from now on; already issued tokens keep theirs. */
  public Faults tokenLifetime(Duration lifetime) {
    accounts.tokenLifetime(lifetime);
    return this;
  }

  /** Expires every token issued so far: the next Platform call answers 401 401013. */
  public Faults expireTokens() {
    accounts.expireAllTokens();
    return this;
  }

  /**
   * Fails the next count calls whose method matches (null or "*" = any) and whose raw path contains
   * a match of pathRegex, with the given status in the service's error shape.
   */
  public synchronized Faults failNext(int count, String method, String pathRegex, int status) {
    failRules.add(new FailRule(count, method, pathRegex, status, null));
    return this;
  }

  /**
   * Like {@link #failNext(int, String, String, int)}, answering with a Flow Service problem of the
   * given code ("1421-400"), e.g. a state-machine refusal a client cannot otherwise provoke on cue.
   */
  public synchronized Faults failNext(int count, String method, String pathRegex, String flowCode) {
    int status = Integer.parseInt(flowCode.substring(flowCode.lastIndexOf('-') + 1));
    failRules.add(new FailRule(count, method, pathRegex, status, flowCode));
    return this;
  }

  /** New runs end failed (CONNECTOR-1001-500) while on. */
  public synchronized Faults failRuns(boolean on) {
    this.failRuns = on;
    return this;
  }

  synchronized boolean failRuns() {
    return failRuns;
  }

  /**
   * How long, in simulator-clock time, a flow stays {@code updating} after a PATCH or enable action
   * and {@code disabling} after a disable action; zero turns the window off.
   */
  public synchronized Faults flowTransition(Duration window) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("the flow transition window must not be negative");
    }
    this.flowTransition = window;
    return this;
  }

  public synchronized Duration flowTransition() {
    return flowTransition;
  }

  /** The code a missing flow is answered with: one of {@link #MISSING_FLOW_CODES}. */
  public synchronized Faults missingFlowCode(String code) {
    if (!MISSING_FLOW_CODES.contains(code)) {
      throw new IllegalArgumentException("missing flow code must be one of " + MISSING_FLOW_CODES);
    }
    this.missingFlowCode = code;
    return this;
  }

  public synchronized String missingFlowCode() {
    return missingFlowCode;
  }

  /**
   * Puts a flow in {@code delete-finalizing} for {@code duration} of simulator time, as if someone
   * had deleted it: PATCH answers 1457, DELETE 1458 and actions 1422 until it ends; then it is
   * gone.
   */
  public Faults deleteFinalizing(String flowId, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the delete-finalizing window must be positive");
    }
    synchronized (store) {
      existing(Kind.FLOW, flowId)
          .transition(FlowServiceApi.DELETE_FINALIZING, clock.now().plus(duration).toEpochMilli());
    }
    return this;
  }

  /** Changes an object's etag as if someone else had written it (the client's etag goes stale). */
  public Faults bumpEtag(Kind kind, String id) {
    synchronized (store) {
      Entity e = existing(kind, id);
      ObjectNode doc = e.doc().deepCopy();
      switch (kind) {
        case CONNECTION, SOURCE_CONNECTION, TARGET_CONNECTION, FLOW -> {
          String etag = store.newEtag(clock.nowMillis());
          doc.put("etag", etag).put("version", etag).put("updatedAt", clock.nowMillis());
        }
        case SCHEMA, FIELD_GROUP ->
            ((ObjectNode) doc.get("meta:registryMetadata"))
                .put("eTag", Store.hexId())
                .put("repo:lastModifiedDate", clock.nowMillis());
        default -> throw new IllegalArgumentException(kind.value() + " objects carry no etag");
      }
      e.doc(doc);
    }
    return this;
  }

  /** Deletes an object as if someone had done it out of band. */
  public Faults deleteBehindBack(Kind kind, String id) {
    synchronized (store) {
      if (!store.remove(kind, id)) {
        throw new NoSuchElementException(kind.value() + " " + id);
      }
    }
    return this;
  }

  private Entity existing(Kind kind, String id) {
    return store
        .any(kind, id)
        .orElseThrow(() -> new NoSuchElementException(kind.value() + " " + id));
  }

  /** Turns every switch off (token lifetime back to the default, seed back to the default). */
  public synchronized Faults clear() {
    random = new Random(DEFAULT_SEED);
    rateLimitRate = 0;
    serverErrorRate = 0;
    latency = Duration.ZERO;
    failRuns = false;
    failRules.clear();
    flowTransition = DEFAULT_FLOW_TRANSITION;
    missingFlowCode = DEFAULT_MISSING_FLOW_CODE;
    accounts.tokenLifetime(Accounts.DEFAULT_TOKEN_LIFETIME);
    return this;
  }

  /** The fault to answer with instead of serving the call, if any. */
  synchronized ApiError pick(Request request, Service service) {
    Iterator<FailRule> it = failRules.iterator();
    while (it.hasNext()) {
      FailRule r = it.next();
      if ((r.method == null || r.method.equals(request.method()))
          && r.path.matcher(request.path()).find()) {
        if (--r.remaining <= 0) {
          it.remove();
        }
        if (r.flowCode != null) {
          return Problems.flow(
              r.flowCode,
              r.status >= 500 ? "Service Unavailable" : "Bad Request",
              "Refused with FLOW-" + r.flowCode + " (injected fault)",
              null,
              null);
        }
        return injected(service, r.status);
      }
    }
    if (!service.behindGateway()) {
      return null;
    }
    if (rateLimitRate > 0 && random.nextDouble() < rateLimitRate) {
      return tooManyRequests();
    }
    if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
      return injected(service, 503);
    }
    return null;
  }

  private ApiError tooManyRequests() {
    ApiError e = Problems.gateway(429, "429050", "Too many requests");
    return new ApiError(
        e.response().withHeader("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  private ApiError injected(Service service, int status) {
    if (status == 429) {
      return tooManyRequests();
    }
    if (status == 401) {
      return Problems.gateway(401, "401013", "Oauth token is not valid");
    }
    if (status == 403) {
      return Problems.gateway(403, "403025", "Profile is not valid");
    }
    if (service == Service.IMS) {
      return Problems.oauth(status, "server_error", "injected fault");
    }
    String title = status >= 500 ? "Service Unavailable" : "Injected fault";
    if (service == Service.FLOW_SERVICE && status == 412) {
      return Problems.flow(
          "1404-412", "Precondition Failed", "Version not matching (injected fault)", null, null);
    }
    return Problems.forService(
        service, status, "9000-" + status, title, "Fault injected by the simulator");
  }

  private static void checkRate(double rate) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be within 0..1");
    }
  }

  public synchronized ObjectNode toJson() {
    ObjectNode o = Json.obj();
    o.putObject("rateLimit").put("rate", rateLimitRate).put("retryAfterSeconds", retryAfterSeconds);
    o.putObject("serverErrors").put("rate", serverErrorRate);
    o.put("latencyMillis", latency.toMillis());
    o.put("tokenLifetimeSeconds", accounts.tokenLifetime().toSeconds());
    o.put("failRuns", failRuns);
    o.put("flowTransitionMillis", flowTransition.toMillis());
    o.put("missingFlowCode", missingFlowCode);
    ArrayNode rules = o.putArray("failNext");
    for (FailRule r : failRules) {
      ObjectNode rule =
          rules
              .addObject()
              .put("count", r.remaining)
              .put("method", r.method == null ? "*" : r.method)
              .put("pathPattern", r.path.pattern())
              .put("status", r.status);
      if (r.flowCode != null) {
        rule.put("flowCode", r.flowCode);
      }
    }
    return o;
  }
}

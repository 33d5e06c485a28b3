package dev.aep.operator.main;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's configuration, read once from the environment at start (README, "Pointing it at a
 * real Platform sandbox", lists every variable).
 *
 * @param platformUrl base of {@code /data/foundation/...}
 * @param imsUrl base of {@code /ims/token/v3}
 * @param allowHttp whether plain-http URLs are accepted (simulator only)
 * @param watchNamespaces namespaces to watch; empty means all namespaces
 * @param watchLabelSelector only flows matching this label selector are reconciled (sharding)
 * @param resyncInterval period of the drift check
 * @param platformMaxRps request cap per org+sandbox
 * @param httpPort port of {@code /healthz}, {@code /readyz} and {@code /metrics}; 0 picks a free
 *     port
 * @param reconcileThreads upper bound of concurrent reconciles
 * @param shutdownTimeout how long in-flight reconciles may run on after a stop request
 * @param leaderElection whether and how replicas elect one active reconciler
 * @param logFormat plain text or one JSON object per line
 */
public record OperatorConfig(
    URI platformUrl,
    URI imsUrl,
    boolean allowHttp,
    Set<String> watchNamespaces,
    Optional<String> watchLabelSelector,
    Duration resyncInterval,
    double platformMaxRps,
    int httpPort,
    int reconcileThreads,
    Duration shutdownTimeout,
    LeaderElection leaderElection,
    LogFormat logFormat) {

  public static final String AEP_PLATFORM_URL = "AEP_PLATFORM_URL";
  public static final String AEP_IMS_URL = "AEP_IMS_URL";
  public static final String AEP_ALLOW_HTTP = "AEP_ALLOW_HTTP";
  public static final String WATCH_NAMESPACES = "WATCH_NAMESPACES";
  public static final String WATCH_LABEL_SELECTOR = "WATCH_LABEL_SELECTOR";
  public static final String RESYNC_INTERVAL = "RESYNC_INTERVAL";
  public static final String PLATFORM_MAX_RPS = "PLATFORM_MAX_RPS";
  public static final String HTTP_PORT = "HTTP_PORT";
  public static final String RECONCILE_THREADS = "RECONCILE_THREADS";
  public static final String SHUTDOWN_TIMEOUT = "SHUTDOWN_TIMEOUT";
  public static final String LEADER_ELECTION = "LEADER_ELECTION";
  public static final String LEADER_ELECTION_NAMESPACE = "LEADER_ELECTION_NAMESPACE";
  public static final String LEADER_ELECTION_LEASE_NAME = "LEADER_ELECTION_LEASE_NAME";
  public static final String LEADER_ELECTION_IDENTITY = "LEADER_ELECTION_IDENTITY";
  public static final String LOG_FORMAT = "LOG_FORMAT";

  /** Lease name shared by all replicas; deploy/base grants the lease verbs on it. */
  public static final String DEFAULT_LEASE_NAME = "stripe-ingestion-flow-operator";

  static final int MAX_RECONCILE_THREADS = 200;

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final String LABEL_NAME = "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
  private static final String LABEL_KEY =
      "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?" + LABEL_NAME;
  private static final String LABEL_VALUE = "(" + LABEL_NAME + ")?";
  private static final Pattern SELECTOR_REQUIREMENT =
      Pattern.compile(
          "!?\\s*"
              + LABEL_KEY
              + "|"
              + LABEL_KEY
              + "\\s*(=|==|!=)\\s*"
              + LABEL_VALUE
              + "|"
              + LABEL_KEY
              + "\\s+(in|notin)\\s*\\(\\s*"
              + LABEL_VALUE
              + "(\\s*,\\s*"
              + LABEL_VALUE
              + ")*\\s*\\)");

  /** Normalises the collections so the record is immutable whatever the caller passed. */
  public OperatorConfig {
    watchNamespaces = Collections.unmodifiableSet(new LinkedHashSet<>(watchNamespaces));
  }

  /** Whether every namespace is watched. */
  public boolean watchAllNamespaces() {
    return watchNamespaces.isEmpty();
  }

  /**
   * Parses the configuration from an environment map ({@code System.getenv()} in production). Unset
   * and blank variables take their defaults.
   *
   * @throws ConfigException with a one-line message naming the variable when a value is refused
   */
  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    Reader in = new Reader(env);
    boolean allowHttp = in.bool(AEP_ALLOW_HTTP, false);
    URI platformUrl = in.baseUrl(AEP_PLATFORM_URL, "https://platform.adobe.io", allowHttp);
    URI imsUrl = in.baseUrl(AEP_IMS_URL, "https://ims-na1.adobelogin.com", allowHttp);
    Set<String> namespaces = in.namespaces(WATCH_NAMESPACES);
    Optional<String> selector = in.labelSelector(WATCH_LABEL_SELECTOR);
    Duration resync = in.duration(RESYNC_INTERVAL, Duration.ofMinutes(10));
    double maxRps = in.positiveNumber(PLATFORM_MAX_RPS, 10);
    int httpPort = in.integer(HTTP_PORT, 8080, 0, 65535);
    int threads = in.integer(RECONCILE_THREADS, 10, 1, MAX_RECONCILE_THREADS);
    Duration shutdown = in.duration(SHUTDOWN_TIMEOUT, Duration.ofSeconds(20));
    // A pod always has KUBERNETES_SERVICE_HOST; a developer's `make run` does not, and needs no
    // lease.
    boolean inCluster = in.value("KUBERNETES_SERVICE_HOST").isPresent();
    boolean elect = in.bool(LEADER_ELECTION, inCluster);
    Optional<String> leaseNamespace = in.dnsLabel(LEADER_ELECTION_NAMESPACE);
    String leaseName = in.dnsLabel(LEADER_ELECTION_LEASE_NAME).orElse(DEFAULT_LEASE_NAME);
    String identity =
        in.value(LEADER_ELECTION_IDENTITY)
            .or(() -> in.value("POD_NAME"))
            .or(() -> in.value("HOSTNAME"))
            .orElseGet(() -> UUID.randomUUID().toString());
    LogFormat logFormat = in.logFormat(LOG_FORMAT);
    return new OperatorConfig(
        platformUrl,
        imsUrl,
        allowHttp,
        namespaces,
        selector,
        resync,
        maxRps,
        httpPort,
        threads,
        shutdown,
        new LeaderElection(elect, leaseNamespace, leaseName, identity),
        logFormat);
  }

  /** Parses a duration such as {@code 30s}, {@code 10m}, {@code 1h30m} or {@code 500ms}. */
  static Optional<Duration> parseDuration(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = DURATION_PART.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.lookingAt()) {
      long amount;
      try {
        amount = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      Duration part =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
      total = total.plus(part);
      end = m.end();
      m.region(end, s.length());
    }
    return end == s.length() ? Optional.of(total) : Optional.empty();
  }

  /** Whether and how replicas elect the one that reconciles. */
  public record LeaderElection(
      boolean enabled, Optional<String> leaseNamespace, String leaseName, String identity) {}

  /** Log line format. */
  public enum LogFormat {
    TEXT,
    JSON;

    /** The value logback.xml selects its appender with. */
    public String logbackName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Reads typed values, turning every refusal into a ConfigException naming the variable. */
  private static final class Reader {
    private final Map<String, String> env;

    Reader(Map<String, String> env) {
      this.env = Map.copyOf(env);
    }

    Optional<String> value(String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /**
     * The variable read by {@code parse} (empty for text it refuses), or empty when unset; refused
     * text is a ConfigException saying what was expected.
     */
    <T> Optional<T> typed(String name, Function<String, Optional<T>> parse, String expected) {
      return value(name)
          .map(
              v ->
                  parse
                      .apply(v)
                      .orElseThrow(
                          () ->
                              new ConfigException(
                                  name, "expected " + expected + ", got \"" + v + "\"")));
    }

    boolean bool(String name, boolean fallback) {
      return typed(
              name,
              v ->
                  v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
                      ? Optional.of(Boolean.parseBoolean(v))
                      : Optional.empty(),
              "true or false")
          .orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
      Optional<Integer> v = typed(name, number(Integer::parseInt), "a whole number");
      if (v.isPresent() && (v.get() < min || v.get() > max)) {
        throw new ConfigException(
            name, "must be between " + min + " and " + max + ", got " + v.get());
      }
      return v.orElse(fallback);
    }

    double positiveNumber(String name, double fallback) {
      Optional<Double> v = typed(name, number(Double::parseDouble), "a number");
      if (v.isPresent() && (!(v.get() > 0) || v.get().isInfinite())) {
        throw new ConfigException(
            name, "must be a positive number, got \"" + value(name).orElseThrow() + "\"");
      }
      return v.orElse(fallback);
    }

    Duration duration(String name, Duration fallback) {
      Optional<Duration> v =
          typed(name, OperatorConfig::parseDuration, "a duration such as 30s, 10m or 1h");
      if (v.isPresent() && v.get().isZero()) {
        throw new ConfigException(name, "must be longer than zero");
      }
      return v.orElse(fallback);
    }

    /** A parser of numbers that answers empty for text that is not one. */
    private static <T> Function<String, Optional<T>> number(Function<String, T> parse) {
      return v -> {
        try {
          return Optional.of(parse.apply(v));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      };
    }

    URI baseUrl(String name, String fallback, boolean allowHttp) {
      String raw = value(name).orElse(fallback);
      URI uri;
      try {
        uri = new URI(raw);
      } catch (URISyntaxException e) {
        throw new ConfigException(name, "not a valid URL");
      }
      // Never echo a URL carrying credentials: it would put them in a log line.
      if (uri.getRawUserInfo() != null) {
        throw new ConfigException(name, "must not contain credentials");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new ConfigException(name, "must be an https URL, got \"" + raw + "\"");
      }
      if (scheme.equals("http") && !allowHttp) {
        throw new ConfigException(
            name,
            "must be https (plain http is only for the simulator: set "
                + AEP_ALLOW_HTTP
                + "=true), got \""
                + raw
                + "\"");
      }
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        throw new ConfigException(name, "has no host: \"" + raw + "\"");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new ConfigException(name, "must be a base URL without query or fragment");
      }
      String normalised = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
      return URI.create(normalised);
    }

    Set<String> namespaces(String name) {
      Optional<String> v = value(name);
      if (v.isEmpty()) {
        return Set.of();
      }
      Set<String> result = new LinkedHashSet<>();
      for (String part : v.get().split(",")) {
        String ns = part.trim();
        if (ns.isEmpty()) {
          continue;
        }
        if (!DNS_LABEL.matcher(ns).matches()) {
          throw new ConfigException(name, "\"" + ns + "\" is not a valid namespace name");
        }
        result.add(ns);
      }
      if (result.isEmpty()) {
        throw new ConfigException(name, "lists no namespace");
      }
      return result;
    }

    Optional<String> dnsLabel(String name) {
      Optional<String> v = value(name);
      v.ifPresent(
          s -> {
            if (!DNS_LABEL.matcher(s).matches()) {
              throw new ConfigException(
                  name, "\"" + s + "\" is not a valid name (lower case, digits, '-')");
            }
          });
      return v;
    }

    Optional<String> labelSelector(String name) {
      Optional<String> v = value(name);
      v.ifPresent(
          s -> {
            for (String requirement : splitRequirements(s)) {
              if (!SELECTOR_REQUIREMENT.matcher(requirement.trim()).matches()) {
                throw new ConfigException(
                    name,
                    "\""
                        + requirement.trim()
                        + "\" is not a label selector requirement (e.g. shard=a, tier in (x,y), !legacy)");
              }
            }
          });
      return v;
    }

    LogFormat logFormat(String name) {
      return value(name)
          .map(
              v -> {
                for (LogFormat f : LogFormat.values()) {
                  if (f.name().equalsIgnoreCase(v)) {
                    return f;
                  }
                }
                throw new ConfigException(name, "expected text or json, got \"" + v + "\"");
              })
          .orElse(LogFormat.TEXT);
    }

    /** Splits a selector on the commas that separate requirements, not those inside a value set. */
    private static List<String> splitRequirements(String selector) {
      List<String> parts = new ArrayList<>();
      int depth = 0;
      int start = 0;
      for (int i = 0; i < selector.length(); i++) {
        char c = selector.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        } else if (c == ',' && depth == 0) {
          parts.add(selector.substring(start, i));
          start = i + 1;
        }
      }
      parts.add(selector.substring(start));
      return parts;
    }
  }
}

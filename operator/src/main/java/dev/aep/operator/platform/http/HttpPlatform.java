package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aep.operator.platform.ImsClient;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformScope;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.TokenProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Platform over OkHttp + Jackson: one HTTP client, one IMS token cache and one request limiter
 * per org+sandbox shared by every session it hands out.
 *
 * <pre>{@code
 * HttpPlatform platform = new HttpPlatform(
 *     PlatformEndpoints.of("https://platform.adobe.io", "https://ims-na1.adobelogin.com", false),
 *     HttpPlatformOptions.defaults().withMaxRequestsPerSecond(10), meterRegistry);
 * PlatformSession session = platform.session(account, "prod");
 * session.flowService().flows().get(id);
 * }</pre>
 */
public final class HttpPlatform implements Platform, AutoCloseable {

  private final PlatformEndpoints endpoints;
  private final HttpPlatformOptions options;
  private final MeterRegistry meters;
  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final HttpUrl platformBase;
  private final HttpImsClient ims;
  private final ImsTokenCache tokens;
  private final ConcurrentMap<LimiterKey, RequestLimiter> limiters = new ConcurrentHashMap<>();

  public HttpPlatform(
      PlatformEndpoints endpoints, HttpPlatformOptions options, MeterRegistry meters) {
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.options = Objects.requireNonNull(options, "options");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.http = httpClient(options).build();
    this.mapper =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    this.platformBase = HttpUrl.get(endpoints.platformUrl().toString());
    PlatformCaller imsCaller =
        new PlatformCaller(
            http, mapper, null, null, null, options.retryPolicy(), options.sleeper(), meters);
    this.ims =
        new HttpImsClient(imsCaller, HttpUrl.get(endpoints.imsUrl().toString()), options.clock());
    this.tokens = new ImsTokenCache(ims, options.clock(), options.minTokenRenewalMargin(), meters);
  }

  /** The HTTP client every caller of one instance shares; tests add their own hooks to it. */
  static OkHttpClient.Builder httpClient(HttpPlatformOptions options) {
    return new OkHttpClient.Builder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.readTimeout())
        .callTimeout(options.callTimeout())
        // Retries are decided by PlatformCaller, which knows which calls are safe to repeat.
        .retryOnConnectionFailure(false)
        // A redirect could carry the bearer token elsewhere; the Platform does not redirect.
        .followRedirects(false)
        .followSslRedirects(false)
        // Network, not application, interceptor: it must run after the connection is ready, as
        // the last step before the request is written and the first after the headers are read.
        .addNetworkInterceptor(new RetryAfterGate(options.retryPolicy().maxRetryAfter()));
  }

  @Override
  public PlatformSession session(PlatformAccount account, String sandbox) {
    PlatformScope scope = new PlatformScope(account, sandbox);
    RequestLimiter limiter =
        limiters.computeIfAbsent(
            new LimiterKey(account.orgId().toLowerCase(Locale.ROOT), scope.sandbox()),
            k ->
                new RequestLimiter(
                    options.maxRequestsPerSecond(), System::nanoTime, options.sleeper()));
    PlatformCaller caller =
        new PlatformCaller(
            http, mapper, scope, tokens, limiter, options.retryPolicy(), options.sleeper(), meters);
    return PlatformSession.of(
        scope,
        new HttpFlowServiceClient(caller, platformBase),
        new HttpSchemaRegistryClient(caller, platformBase),
        new HttpCatalogClient(caller, platformBase),
        new HttpDataPrepClient(caller, platformBase));
  }

  /** The IMS token endpoint client. */
  public ImsClient ims() {
    return ims;
  }

  /** The shared token cache (e.g. to check credentials before the first Platform call). */
  public TokenProvider tokens() {
    return tokens;
  }

  /** Where this instance sends requests. */
  public PlatformEndpoints endpoints() {
    return endpoints;
  }

  /** Stops the HTTP client's threads and closes pooled connections. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Limiter identity: the request cap is per org and sandbox, whatever the credentials. */
  private record LimiterKey(String orgId, String sandbox) {}
}

package dev.aep.operator.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformScope;
import dev.aep.operator.platform.TokenProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical call: adds the Platform headers and token, waits for the scope's limiter,
 * retries what is safe to retry, renews the token once on a 401, records metrics, and turns every
 * failure into a {@link PlatformException} without secrets.
 *
 * @param scope the org+sandbox whose headers and token are sent; null for unauthenticated IMS calls
 * @param tokens token source; null for IMS calls
 * @param limiter the scope's limiter; null for none
 */
record PlatformCaller(
    OkHttpClient http,
    ObjectMapper mapper,
    PlatformScope scope,
    TokenProvider tokens,
    RequestLimiter limiter,
    RetryPolicy retry,
    Sleeper sleeper,
    MeterRegistry meters) {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformCaller.class);
  private static final MediaType JSON = MediaType.get("application/json");
  static final String METRIC = "aep.platform.requests";

  /** Sends the call and returns its 2xx answer, or throws. */
  Answer execute(Call call) {
    String path = call.url().encodedPath();
    int attempt = 0;
    boolean tokenRenewed = false;
    while (true) {
      attempt++;
      String token = null;
      List<String> secrets = new ArrayList<>(call.secrets());
      if (scope != null) {
        secrets.add(scope.account().clientSecret());
      }
      try {
        // Token first: a renewal can take a while, and a Retry-After that arrives meanwhile must
        // still hold this call back, so the limiter is passed last. RetryAfterGate checks the
        // pause once more when the request is about to be written.
        if (tokens != null) {
          token = tokens.token(scope.account());
          secrets.add(token);
        }
        if (limiter != null) {
          limiter.acquire();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw call.failure().detail("interrupted while waiting to send").build(e);
      }
      Redactor redactor = new Redactor(secrets);
      Request request = buildRequest(call, token);
      long started = System.nanoTime();
      int status;
      byte[] bytes;
      String requestIdHeader;
      Duration retryAfter;
      try (Response response = http.newCall(request).execute()) {
        status = response.code();
        bytes = response.body().bytes();
        requestIdHeader = firstHeader(response, "x-request-id", "x-requestid", "request-id");
        retryAfter = parseRetryAfter(response.header("Retry-After"));
      } catch (RetryAfterGate.Closed e) {
        // Another caller's 429 arrived after this one passed the limiter; nothing was written.
        // Not an attempt: wait out the pause, then queue for a slot again like everyone held back.
        attempt--;
        LOG.debug("{} {} held back before sending: {}", call.method(), path, e.getMessage());
        try {
          limiter.awaitResume();
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw call.failure().detail("interrupted while waiting to send").build(ie);
        }
        continue;
      } catch (IOException e) {
        record(call, "IO_ERROR", started);
        boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException;
        boolean safe = call.idempotent() || neverSent;
        if (safe && retry.mayRetryAfterAttempt(attempt)) {
          Duration delay = retry.delayBeforeRetry(attempt, null);
          LOG.warn(
              "{} {} failed without an answer ({}); retry {} of {} in {} ms",
              call.method(),
              path,
              describe(e),
              attempt,
              retry.maxAttempts() - 1,
              delay.toMillis());
          pause(call, delay);
          continue;
        }
        throw call.failure()
            .httpStatus(0)
            .detail(redactor.redact(describe(e)))
            .retryable(true)
            .outcomeUnknown(!safe)
            .build(e);
      }
      record(call, Integer.toString(status), started);
      LOG.debug(
          "{} {} -> {} in {} ms (attempt {})",
          call.method(),
          path,
          status,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          attempt);

      if (status == 401 && tokens != null && !tokenRenewed) {
        // Tokens can be revoked or expire early; one renewal tells that apart from bad credentials.
        tokenRenewed = true;
        attempt--;
        tokens.invalidate(scope.account(), token);
        LOG.info("{} {} answered 401 for {}; renewing the token once", call.method(), path, scope);
        continue;
      }
      String raw = new String(bytes, StandardCharsets.UTF_8);
      if (status >= 200 && status < 300) {
        return new Answer(status, parse(call, status, raw), requestIdHeader);
      }
      JsonNode errorBody = tryParse(raw);
      PlatformException error =
          PlatformErrors.fromResponse(
              call, status, errorBody, raw, requestIdHeader, retryAfter, redactor);
      // A Retry-After has already paused the scope's limiter (RetryAfterGate), as soon as the
      // answer's headers arrived and before this thread read the body.
      // A 429 was refused before any processing, so even a POST may be sent again.
      boolean safe = call.idempotent() || status == 429;
      if (error.isRetryable()
          && safe
          && retry.mayRetryAfterAttempt(attempt)
          && (retryAfter == null || retry.honours(retryAfter))) {
        Duration delay = retry.delayBeforeRetry(attempt, retryAfter);
        LOG.warn(
            "{} {} -> {}{}; retry {} of {} in {} ms",
            call.method(),
            path,
            status,
            error.errorCode() == null ? "" : " " + error.errorCode(),
            attempt,
            retry.maxAttempts() - 1,
            delay.toMillis());
        pause(call, delay);
        continue;
      }
      throw error;
    }
  }

  private Request buildRequest(Call call, String token) {
    Request.Builder b = new Request.Builder().url(call.url());
    if (limiter != null) {
      RetryAfterGate.scope(b, limiter);
    }
    if (scope != null) {
      PlatformAccount account = scope.account();
      b.header("x-api-key", account.apiKey());
      b.header("x-gw-ims-org-id", account.orgId());
      b.header("x-sandbox-name", scope.sandbox());
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Accept", call.accept());
    call.headers().forEach(b::header);
    RequestBody body = null;
    if (call.form() != null) {
      FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
      call.form().forEach(form::add);
      body = form.build();
    } else if (call.jsonBody() != null) {
      try {
        body = RequestBody.create(mapper.writeValueAsBytes(call.jsonBody()), JSON);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("request body not serialisable for " + call.operation(), e);
      }
    } else if (call.method().equals("POST")
        || call.method().equals("PUT")
        || call.method().equals("PATCH")) {
      body = RequestBody.create(new byte[0], null);
    }
    return b.method(call.method(), body).build();
  }

  private JsonNode parse(Call call, int status, String raw) {
    if (raw.isBlank()) {
      return null;
    }
    try {
      return mapper.readTree(raw);
    } catch (JsonProcessingException e) {
      // The parser message quotes the body; only its position is kept.
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw call.failure()
          .httpStatus(status)
          .detail("malformed JSON in the response" + where)
          .build();
    }
  }

  private JsonNode tryParse(String raw) {
    if (raw.isBlank()) {
      return null;
    }
    try {
      return mapper.readTree(raw);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private void pause(Call call, Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw call.failure().detail("interrupted while waiting to retry").build(e);
    }
  }

  private void record(Call call, String status, long startedNanos) {
    Timer.builder(METRIC)
        .description("Platform HTTP exchanges by service, HTTP method, client operation and status")
        .tag("service", call.service())
        .tag("method", call.method())
        .tag("operation", call.operation())
        .tag("status", status)
        .register(meters)
        .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  private static String describe(IOException e) {
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return "timed out (" + e.getClass().getSimpleName() + ")";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String firstHeader(Response response, String... names) {
    for (String name : names) {
      String v = response.header(name);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** Seconds or an HTTP date; null when absent or unreadable. */
  static Duration parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  /**
   * One logical call.
   *
   * @param service metric/error tag: flowservice, schemaregistry, catalog, conversion, ims
   * @param operation client operation name
   * @param method HTTP method
   * @param url full URL
   * @param accept Accept header
   * @param headers extra headers (If-Match, Content-Type variants)
   * @param jsonBody JSON body or null
   * @param form form fields (IMS) or null
   * @param idempotent whether repeating the call after a lost answer is harmless
   * @param secrets values to mask in error details (e.g. the Stripe key being sent)
   */
  record Call(
      String service,
      String operation,
      String method,
      HttpUrl url,
      String accept,
      Map<String, String> headers,
      Object jsonBody,
      Map<String, String> form,
      boolean idempotent,
      List<String> secrets) {

    static Builder builder(String service, String operation, String method, HttpUrl url) {
      return new Builder(service, operation, method, url);
    }

    /** An exception about this call (its path without the query), to complete and build. */
    PlatformException.Builder failure() {
      return PlatformException.builder(method, url.encodedPath())
          .service(service)
          .operation(operation);
    }

    /** As {@link #failure()}, about a 2xx answer whose content was not what the call needs. */
    PlatformException.Builder failure(Answer answer) {
      return failure().httpStatus(answer.status()).requestId(answer.requestId());
    }

    /** Assembles a {@link Call}; GET, PUT and DELETE are idempotent by default. */
    static final class Builder {
      private final String service;
      private final String operation;
      private final String method;
      private final HttpUrl url;
      private String accept = "application/json";
      private final Map<String, String> headers = new LinkedHashMap<>();
      private Object jsonBody;
      private Map<String, String> form;
      private boolean idempotent;
      private final List<String> secrets = new ArrayList<>();

      private Builder(String service, String operation, String method, HttpUrl url) {
        this.service = service;
        this.operation = operation;
        this.method = method;
        this.url = url;
        this.idempotent = method.equals("GET") || method.equals("PUT") || method.equals("DELETE");
      }

      Builder accept(String value) {
        this.accept = value;
        return this;
      }

      Builder header(String name, String value) {
        headers.put(name, value);
        return this;
      }

      /** {@code If-Match} with the etag exactly as given; a conditional PATCH may be repeated. */
      Builder ifMatch(String etag) {
        if (etag == null || etag.isEmpty()) {
          throw new IllegalArgumentException("an etag is required for " + operation);
        }
        headers.put("If-Match", etag);
        idempotent = true;
        return this;
      }

      Builder json(Object body) {
        this.jsonBody = body;
        return this;
      }

      Builder form(Map<String, String> fields) {
        this.form = fields;
        return this;
      }

      Builder idempotent(boolean value) {
        this.idempotent = value;
        return this;
      }

      Builder secret(String value) {
        if (value != null) {
          secrets.add(value);
        }
        return this;
      }

      Call build() {
        return new Call(
            service,
            operation,
            method,
            url,
            accept,
            Map.copyOf(headers),
            jsonBody,
            form,
            idempotent,
            List.copyOf(secrets));
      }
    }
  }

  /**
   * A 2xx answer.
   *
   * @param status HTTP status
   * @param body parsed JSON, or null when the body was empty
   * @param requestId {@code x-request-id} header, or null
   */
  record Answer(int status, JsonNode body, String requestId) {}
}

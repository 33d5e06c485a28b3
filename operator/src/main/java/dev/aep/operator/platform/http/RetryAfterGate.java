package dev.aep.operator.platform.http;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The {@code Retry-After} gate at the wire: an OkHttp network interceptor, so it runs after the
 * connection is set up and immediately before the request is written, and again as soon as the
 * answer's status line and headers have been read, before anyone reads the body.
 *
 * <p>Going out, a request of an org+sandbox whose limiter is paused is not written; it fails with
 * {@link Closed}, which {@link PlatformCaller} answers by waiting out the pause and passing the
 * limiter again. Checking here rather than only in {@link RequestLimiter#acquire()} matters because
 * a caller may pass the limiter and then wait for a token, a connection (a TCP handshake, a pooled
 * connection to come free) or the serialisation of its body while another caller's 429 arrives.
 *
 * <p>Coming back, a 429 or 503 with {@code Retry-After} pauses the limiter here, before the body is
 * read and before the connection can return to the pool for another caller to pick up. Setting it
 * later (after reading and parsing the error body, as the caller does) would leave a window in
 * which requests of other threads pass the check although the answer has already arrived.
 *
 * <p>A request already written when the 429 arrives cannot be recalled; that is the only kind of
 * request of the scope that can still reach the server inside the announced window.
 */
final class RetryAfterGate implements Interceptor {

  private final Duration maxPause;

  /**
   * @param maxPause longest pause a {@code Retry-After} may impose (the policy's cap)
   */
  RetryAfterGate(Duration maxPause) {
    this.maxPause = maxPause;
  }

  /** Marks {@code builder}'s request as belonging to the scope {@code limiter} guards. */
  static Request.Builder scope(Request.Builder builder, RequestLimiter limiter) {
    return builder.tag(RequestLimiter.class, limiter);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestLimiter limiter = request.tag(RequestLimiter.class);
    if (limiter == null) {
      return chain.proceed(request);
    }
    Duration paused = limiter.pausedFor();
    if (!paused.isZero()) {
      throw new Closed(paused);
    }
    Response response = chain.proceed(request);
    if (response.code() == 429 || response.code() == 503) {
      Duration retryAfter = PlatformCaller.parseRetryAfter(response.header("Retry-After"));
      if (retryAfter != null) {
        // The server speaks for the whole org+sandbox: hold back every caller of this scope,
        // but never park threads longer than the retry policy would wait itself.
        limiter.pauseFor(retryAfter.compareTo(maxPause) <= 0 ? retryAfter : maxPause);
      }
    }
    return response;
  }

  /**
   * The request was not written because its scope is paused; nothing reached the server, so any
   * call may be sent again once the pause is over.
   */
  static final class Closed extends IOException {
    private static final long serialVersionUID = 1L;

    Closed(Duration remaining) {
      super("held back: Retry-After pause still running for " + remaining.toMillis() + " ms");
    }
  }
}

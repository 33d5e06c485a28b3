package dev.aep.operator.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * The one failure type of the Platform client: an HTTP error answer, an unreadable answer, or no
 * answer at all.
 *
 * <p>Carries the HTTP method, the URL path (never the query), the HTTP status ({@code 0} when no
 * response arrived), the Platform error code ({@code FLOW-1404-412}, {@code XDM-1012-404}, gateway
 * {@code 401013}, ...), the request id, whether repeating the call may succeed, and the {@code
 * Retry-After} delay if one was sent. The message never contains a credential, token or Stripe key.
 */
public class PlatformException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  // The builder's values, never changed after build(): builders are not reused.
  private final Builder b;

  private PlatformException(Builder b, Throwable cause) {
    super(describe(b), cause);
    this.b = b;
  }

  /** Starts an exception for a call identified by HTTP method and URL path (no query string). */
  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  /** Platform service: {@code flowservice}, {@code schemaregistry}, {@code catalog}, ... */
  public String service() {
    return b.service;
  }

  /** Client operation name, such as {@code patchFlow}; may be null. */
  public String operation() {
    return b.operation;
  }

  /** HTTP method of the failed call. */
  public String method() {
    return b.method;
  }

  /** URL path of the failed call, without query string. */
  public String path() {
    return b.path;
  }

  /** HTTP status, or {@code 0} when no response was received (I/O error, timeout). */
  public int httpStatus() {
    return b.httpStatus;
  }

  /**
   * Platform error code ({@code FLOW-1404-412}, {@code 401013}, ...) or null when none was sent.
   */
  public String errorCode() {
    return b.errorCode;
  }

  /** Request id reported by the Platform ({@code x-request-id} or in the body), or null. */
  public String requestId() {
    return b.requestId;
  }

  /** Human-readable reason reported by the Platform (secrets removed), or null. */
  public String detail() {
    return b.detail;
  }

  /** True when the same call may succeed later (429, 5xx, I/O errors). */
  public boolean isRetryable() {
    return b.retryable;
  }

  /**
   * True when a non-idempotent call (a POST) may or may not have taken effect because its answer
   * never arrived. Repeating it could create a duplicate; look the object up by name instead.
   */
  public boolean isOutcomeUnknown() {
    return b.outcomeUnknown;
  }

  /** The delay the server asked for with {@code Retry-After}, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(b.retryAfter);
  }

  /** 404: the object does not exist. */
  public boolean isNotFound() {
    return b.httpStatus == 404;
  }

  /** 412: the {@code If-Match} etag is stale ({@code FLOW-1404-412}). */
  public boolean isPreconditionFailed() {
    return b.httpStatus == 412;
  }

  /**
   * Credentials rejected, token invalid, or permission missing: 401 or 403 from any service, and
   * also 400 from IMS (its answer to an unknown client or a wrong secret, e.g. {@code
   * invalid_client}).
   */
  public boolean isAuthFailure() {
    return b.httpStatus == 401
        || b.httpStatus == 403
        || ("ims".equals(b.service) && b.httpStatus == 400);
  }

  /** 400: the request was rejected as invalid. */
  public boolean isBadRequest() {
    return b.httpStatus == 400;
  }

  /** 429: too many requests. */
  public boolean isRateLimited() {
    return b.httpStatus == 429;
  }

  /** 5xx: the Platform failed. */
  public boolean isServerError() {
    return b.httpStatus >= 500 && b.httpStatus <= 599;
  }

  /** No HTTP answer: connection refused, reset, or a timeout. */
  public boolean isTransportFailure() {
    return b.httpStatus == 0;
  }

  /**
   * Whether the error code is {@code code}, with or without its service prefix: {@code
   * hasErrorCode("1418-400")} matches {@code FLOW-1418-400}.
   */
  public boolean hasErrorCode(String code) {
    if (b.errorCode == null || code == null) {
      return false;
    }
    return b.errorCode.equalsIgnoreCase(code)
        || b.errorCode.toUpperCase().endsWith("-" + code.toUpperCase());
  }

  private static String describe(Builder b) {
    StringBuilder sb = new StringBuilder();
    sb.append(b.method).append(' ').append(b.path).append(" -> ");
    if (b.httpStatus == 0) {
      sb.append("no response");
    } else {
      sb.append(b.httpStatus);
    }
    if (b.errorCode != null) {
      sb.append(' ').append(b.errorCode);
    }
    if (b.detail != null && !b.detail.isBlank()) {
      sb.append(": ").append(b.detail);
    }
    if (b.requestId != null) {
      sb.append(" (request id ").append(b.requestId).append(')');
    }
    if (b.outcomeUnknown) {
      sb.append(" [outcome unknown: the request may have been applied]");
    }
    return sb.toString();
  }

  /** Collects the fields of a {@link PlatformException}; one builder makes one exception. */
  public static final class Builder implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private String service;
    private String operation;
    private int httpStatus;
    private String errorCode;
    private String requestId;
    private String detail;
    private boolean retryable;
    private boolean outcomeUnknown;
    private Duration retryAfter;

    private Builder(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    public Builder httpStatus(int httpStatus) {
      this.httpStatus = httpStatus;
      return this;
    }

    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** Reason text; the caller must have removed secrets already. */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    public Builder outcomeUnknown(boolean outcomeUnknown) {
      this.outcomeUnknown = outcomeUnknown;
      return this;
    }

    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    public PlatformException build() {
      return new PlatformException(this, null);
    }

    public PlatformException build(Throwable cause) {
      return new PlatformException(this, cause);
    }
  }
}

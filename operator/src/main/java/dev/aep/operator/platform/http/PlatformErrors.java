package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.operator.platform.PlatformException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Platform error answer into a {@link PlatformException}: reads the Flow Service / XDM
 * problem bodies, the gateway {@code error_code} bodies and the OAuth bodies of IMS.
 */
final class PlatformErrors {

  // FLOW-1404-412, XDM-1012-404, CONNECTOR-2001-500 at the end of a type URI.
  private static final Pattern TYPED_CODE = Pattern.compile("([A-Z][A-Z0-9_]*-\\d+-\\d+)\\s*$");
  private static final int MAX_DETAIL = 500;

  // Where the services' error bodies carry each part, in order of preference ("/" nests).
  private static final String[] CODE_FIELDS = {"error_code", "errorCode", "code", "error"};
  private static final String[] DETAIL_FIELDS = {
    "report/detailed-message", "errorMessage", "detail", "message", "error_description", "title"
  };
  private static final String[] REQUEST_ID_FIELDS = {
    "report/request-id", "report/registryRequestId", "requestId", "request-id"
  };

  private PlatformErrors() {}

  /** Whether a status is worth repeating the same call for. */
  static boolean retryableStatus(int status) {
    return status == 429 || (status >= 500 && status <= 599 && status != 501);
  }

  /**
   * Whether a 404 says the addressed object does not exist, rather than that the sandbox is unknown
   * (Flow Service {@code 2100-404}/{@code 2101-404}), which must not read as "missing".
   */
  static boolean isMissingObject(PlatformException e) {
    if (e.isBadRequest()) {
      // The Flow Service catalogue lists "flows resource not found" as 1439-400 while its example
      // answers 404 FLOW-1439-404 (platform-api.md 2.2): either means the flow is gone.
      return "FLOW-1439-400".equalsIgnoreCase(e.errorCode()) || "1439-400".equals(e.errorCode());
    }
    return e.isNotFound() && !e.hasErrorCode("2100-404") && !e.hasErrorCode("2101-404");
  }

  static PlatformException fromResponse(
      PlatformCaller.Call call,
      int status,
      JsonNode body,
      String rawBody,
      String headerRequestId,
      Duration retryAfter,
      Redactor redactor) {
    String code = null;
    String detail = null;
    String requestId = headerRequestId;
    if (body != null && body.isObject()) {
      String type = LenientJson.text(body, "type");
      if (type != null) {
        Matcher m = TYPED_CODE.matcher(type);
        if (m.find()) {
          code = m.group(1);
        }
      }
      code = firstNonBlank(code, firstText(body, CODE_FIELDS));
      detail = firstText(body, DETAIL_FIELDS);
      requestId = firstNonBlank(firstText(body, REQUEST_ID_FIELDS), requestId);
    } else if (rawBody != null && !rawBody.isBlank()) {
      detail = rawBody.strip().replaceAll("\\s+", " ");
    }
    return call.failure()
        .httpStatus(status)
        .errorCode(code)
        .requestId(requestId)
        .detail(clip(redactor.redact(detail)))
        .retryable(retryableStatus(status))
        .retryAfter(retryAfter)
        .build();
  }

  static String clip(String text) {
    if (text == null || text.length() <= MAX_DETAIL) {
      return text;
    }
    return text.substring(0, MAX_DETAIL) + "...";
  }

  /** The first non-blank text of {@code body} at one of {@code paths}; null when none. */
  private static String firstText(JsonNode body, String[] paths) {
    for (String path : paths) {
      String text = LenientJson.text(body, path.split("/"));
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}

package dev.aep.operator.platform.http;

import java.net.URI;
import java.util.Locale;

/**
 * Where the Platform and IMS live; plain http is refused unless explicitly allowed (simulator).
 *
 * @param platformUrl base of {@code /data/foundation/...}, e.g. {@code https://platform.adobe.io}
 * @param imsUrl base of {@code /ims/token/v3}, e.g. {@code https://ims-na1.adobelogin.com}
 * @param allowHttp whether {@code http://} URLs are accepted
 */
public record PlatformEndpoints(URI platformUrl, URI imsUrl, boolean allowHttp) {

  /** Production Platform gateway. */
  public static final String DEFAULT_PLATFORM_URL = "https://platform.adobe.io";

  /** Production IMS (North America). */
  public static final String DEFAULT_IMS_URL = "https://ims-na1.adobelogin.com";

  public PlatformEndpoints {
    platformUrl = check(platformUrl, "AEP_PLATFORM_URL", allowHttp);
    imsUrl = check(imsUrl, "AEP_IMS_URL", allowHttp);
  }

  /** Endpoints from strings, as read from configuration. */
  public static PlatformEndpoints of(String platformUrl, String imsUrl, boolean allowHttp) {
    return new PlatformEndpoints(
        parse(platformUrl, "AEP_PLATFORM_URL"), parse(imsUrl, "AEP_IMS_URL"), allowHttp);
  }

  /** Both services at one base URL (the simulator serves Platform and IMS paths). */
  public static PlatformEndpoints single(String baseUrl, boolean allowHttp) {
    return of(baseUrl, baseUrl, allowHttp);
  }

  private static URI parse(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    try {
      return URI.create(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a valid URL: " + value, e);
    }
  }

  private static URI check(URI url, String name, boolean allowHttp) {
    if (url == null) {
      throw new IllegalArgumentException(name + " must be set");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException(name + " must be an http(s) URL: " + url);
    }
    if (scheme.equals("http") && !allowHttp) {
      throw new IllegalArgumentException(
          name
              + " uses plain http ("
              + url
              + "); set AEP_ALLOW_HTTP=true to allow it"
              + " (simulator only: tokens and credentials would travel unencrypted)");
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException(name + " has no host: " + url);
    }
    // Credentials or query strings in the base URL would leak into every request line and log.
    if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(name + " must not carry user info, query or fragment");
    }
    String text = url.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
  }
}

package dev.aep.operator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.operator.platform.AccessToken;
import dev.aep.operator.platform.ImsClient;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * IMS OAuth server-to-server token requests: credentials go in a form body, never in the URL;
 * {@code expires_in} is read as seconds.
 */
public final class HttpImsClient implements ImsClient {

  static final String SERVICE = "ims";

  private final PlatformCaller caller;
  private final HttpUrl tokenUrl;
  private final Clock clock;

  HttpImsClient(PlatformCaller caller, HttpUrl imsBase, Clock clock) {
    this.caller = caller;
    this.tokenUrl = imsBase.newBuilder().addPathSegments("ims/token/v3").build();
    this.clock = clock;
  }

  @Override
  public AccessToken requestToken(PlatformAccount account) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", account.clientId());
    form.put("client_secret", account.clientSecret());
    form.put("scope", account.scopes());
    Instant issuedAt = clock.instant();
    PlatformCaller.Call call =
        PlatformCaller.Call.builder(SERVICE, "requestToken", "POST", tokenUrl)
            .form(form)
            // Asking for a token twice has no side effect, so lost answers may be retried.
            .idempotent(true)
            .secret(account.clientSecret())
            .build();
    JsonNode body = caller.execute(call).body();
    String token = LenientJson.text(body, "access_token");
    Long expiresIn = LenientJson.longValue(body, "expires_in");
    if (token == null || token.isBlank() || expiresIn == null || expiresIn <= 0) {
      throw PlatformException.builder("POST", tokenUrl.encodedPath())
          .service(SERVICE)
          .operation("requestToken")
          .httpStatus(200)
          .detail("IMS answer lacks access_token or a positive expires_in")
          .build();
    }
    return new AccessToken(token, issuedAt, issuedAt.plus(Duration.ofSeconds(expiresIn)));
  }
}

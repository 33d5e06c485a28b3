package dev.aep.operator.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The client's own guard on its endpoints (OperatorConfig reads them from the environment): plain
 * http only when allowed, no credentials or queries in a base URL.
 */
class PlatformEndpointsTest {

  @Test
  void plainHttpIsRefusedUnlessAllowed() {
    refusingPlatformUrl("http://127.0.0.1:8081")
        .hasMessageContaining("AEP_PLATFORM_URL")
        .hasMessageContaining("AEP_ALLOW_HTTP=true");
    assertThatThrownBy(
            () ->
                PlatformEndpoints.of(
                    PlatformEndpoints.DEFAULT_PLATFORM_URL, "http://127.0.0.1:8081", false))
        .hasMessageContaining("AEP_IMS_URL");
    PlatformEndpoints e =
        PlatformEndpoints.of("http://127.0.0.1:8081/", "http://127.0.0.1:8081", true);
    assertThat(e.platformUrl().toString()).isEqualTo("http://127.0.0.1:8081");
    assertThat(e.allowHttp()).isTrue();
  }

  @Test
  void productionEndpointsAreAcceptedAsTheyAre() {
    PlatformEndpoints e =
        PlatformEndpoints.of(
            PlatformEndpoints.DEFAULT_PLATFORM_URL, PlatformEndpoints.DEFAULT_IMS_URL, false);
    assertThat(e.platformUrl().toString()).isEqualTo("https://platform.adobe.io");
    assertThat(e.imsUrl().toString()).isEqualTo("https://ims-na1.adobelogin.com");
  }

  @Test
  void urlsWithCredentialsOrQueriesAreRefused() {
    refusingPlatformUrl("https://user:pw@platform.adobe.io").hasMessageContaining("user info");
    refusingPlatformUrl("https://platform.adobe.io?key=1");
    refusingPlatformUrl("ftp://platform.adobe.io").hasMessageContaining("http(s)");
  }

  /** Asserts that {@code url} is refused as the Platform URL (with the default IMS URL). */
  private static AbstractThrowableAssert<?, ? extends Throwable> refusingPlatformUrl(String url) {
    return assertThatThrownBy(
            () -> PlatformEndpoints.of(url, PlatformEndpoints.DEFAULT_IMS_URL, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

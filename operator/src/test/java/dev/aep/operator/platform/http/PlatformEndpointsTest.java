package dev.aep.operator.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Endpoint configuration from the environment; plain http only when allowed. */
class PlatformEndpointsTest {

  @Test
  void defaultsAreTheProductionHttpsEndpoints() {
    PlatformEndpoints e = PlatformEndpoints.fromEnvironment(Map.of());
    assertThat(e.platformUrl().toString()).isEqualTo("https://platform.adobe.io");
    assertThat(e.imsUrl().toString()).isEqualTo("https://ims-na1.adobelogin.com");
    assertThat(e.allowHttp()).isFalse();
  }

  @Test
  void plainHttpIsRefusedUnlessAllowed() {
    assertThatThrownBy(() -> PlatformEndpoints.fromEnvironment(
        Map.of("AEP_PLATFORM_URL", "http://127.0.0.1:8081")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AEP_PLATFORM_URL").hasMessageContaining("AEP_ALLOW_HTTP=true");
    assertThatThrownBy(() -> PlatformEndpoints.fromEnvironment(
        Map.of("AEP_IMS_URL", "http://127.0.0.1:8081")))
        .hasMessageContaining("AEP_IMS_URL");
    PlatformEndpoints e = PlatformEndpoints.fromEnvironment(Map.of(
        "AEP_PLATFORM_URL", "http://127.0.0.1:8081/", "AEP_IMS_URL", "http://127.0.0.1:8081",
        "AEP_ALLOW_HTTP", "true"));
    assertThat(e.platformUrl().toString()).isEqualTo("http://127.0.0.1:8081");
  }

  @Test
  void allowHttpMustBeABoolean() {
    assertThatThrownBy(() -> PlatformEndpoints.fromEnvironment(Map.of("AEP_ALLOW_HTTP", "yes")))
        .hasMessageContaining("AEP_ALLOW_HTTP");
  }

  @Test
  void urlsWithCredentialsOrQueriesAreRefused() {
    assertThatThrownBy(() -> PlatformEndpoints.of("https://user:pw@platform.adobe.io",
        PlatformEndpoints.DEFAULT_IMS_URL, false)).hasMessageContaining("user info");
    assertThatThrownBy(() -> PlatformEndpoints.of("https://platform.adobe.io?key=1",
        PlatformEndpoints.DEFAULT_IMS_URL, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PlatformEndpoints.of("ftp://platform.adobe.io",
        PlatformEndpoints.DEFAULT_IMS_URL, false)).hasMessageContaining("http(s)");
  }

  @Test
  void maxRpsIsReadFromTheEnvironment() {
    assertThat(HttpPlatformOptions.fromEnvironment(Map.of()).maxRequestsPerSecond()).isEqualTo(10);
    assertThat(HttpPlatformOptions.fromEnvironment(Map.of("PLATFORM_MAX_RPS", "2.5"))
        .maxRequestsPerSecond()).isEqualTo(2.5);
    assertThatThrownBy(() -> HttpPlatformOptions.fromEnvironment(Map.of("PLATFORM_MAX_RPS", "0")))
        .hasMessageContaining("PLATFORM_MAX_RPS");
  }
}

package dev.aep.simulator.http;

/**
 * Who is calling, as established by the gateway checks: the token's client and org, and the
 * sandbox.
 */
public record Caller(String clientId, String orgId, String sandbox) {
  public String userId() {
    return clientId + "@AdobeID";
  }
}

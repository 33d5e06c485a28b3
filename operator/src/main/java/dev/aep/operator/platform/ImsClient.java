package dev.aep.operator.platform;

/** Adobe IMS OAuth server-to-server token endpoint ({@code POST /ims/token/v3}). */
public interface ImsClient {

  /**
   * Requests a fresh token (IMS has no refresh token: renewal is a new request).
   *
   * @throws PlatformException on a rejected credential (401/400, {@link
   *     PlatformException#isAuthFailure()}) or an unreachable IMS
   */
  AccessToken requestToken(PlatformAccount account);
}

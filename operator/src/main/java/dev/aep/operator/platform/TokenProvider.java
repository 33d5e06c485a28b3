package dev.aep.operator.platform;

/** Hands out cached IMS bearer tokens per account, renewing them before they expire. */
public interface TokenProvider {

  /** A valid bearer token for the account; requests one when none is cached or it is due. */
  String token(PlatformAccount account);

  /**
   * Drops the cached token if it is still {@code rejectedToken}, so the next {@link #token} call
   * renews it once even when many callers saw the same 401.
   */
  void invalidate(PlatformAccount account, String rejectedToken);
}

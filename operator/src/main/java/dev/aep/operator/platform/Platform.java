package dev.aep.operator.platform;

/** Entry point to Adobe Experience Platform: hands out clients bound to one org and sandbox. */
public interface Platform {

  /**
   * Clients for one org+sandbox. Sessions are cheap; sessions for the same scope share the token
   * cache and the request limiter.
   */
  PlatformSession session(PlatformAccount account, String sandbox);
}

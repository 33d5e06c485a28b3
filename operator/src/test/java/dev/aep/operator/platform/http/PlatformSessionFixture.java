package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.ACCOUNT;

import dev.aep.operator.platform.PlatformSession;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per-test setup shared by the client tests that talk to a {@link FakePlatformServer}: a fresh
 * server, an {@link HttpPlatform} on fast options and a session for one sandbox, all closed after
 * the test. Register with {@code @RegisterExtension final PlatformSessionFixture fixture = ...}.
 */
final class PlatformSessionFixture implements BeforeEachCallback, AfterEachCallback {
  private final String sandbox;
  FakePlatformServer server;
  HttpPlatform platform;
  PlatformSession session;

  /** A fixture whose session is bound to {@code sandbox} for {@link FakePlatformServer#ACCOUNT}. */
  PlatformSessionFixture(String sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server = new FakePlatformServer();
    platform = server.platform(FakePlatformServer.fastOptions());
    session = platform.session(ACCOUNT, sandbox);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    platform.close();
    server.close();
  }
}

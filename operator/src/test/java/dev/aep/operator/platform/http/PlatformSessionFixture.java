package dev.aep.operator.platform.http;

import static dev.aep.operator.platform.http.FakePlatformServer.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.SourceSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per-test setup shared by the client tests that talk to a {@link FakePlatformServer}: a fresh
 * server, an {@link HttpPlatform} on fast options and a session for one sandbox, all closed after
 * the test. Register with {@code @RegisterExtension final PlatformSessionFixture fixture = ...}.
 */
final class PlatformSessionFixture implements BeforeEachCallback, AfterEachCallback {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String sandbox;
  private final UnaryOperator<HttpPlatformOptions> options;
  FakePlatformServer server;
  HttpPlatform platform;
  PlatformSession session;

  /** A fixture whose session is bound to {@code sandbox} for {@link FakePlatformServer#ACCOUNT}. */
  PlatformSessionFixture(String sandbox) {
    this(sandbox, UnaryOperator.identity());
  }

  /** The same, with the {@link FakePlatformServer#fastOptions()} changed by {@code options}. */
  PlatformSessionFixture(String sandbox, UnaryOperator<HttpPlatformOptions> options) {
    this.sandbox = sandbox;
    this.options = options;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server = new FakePlatformServer();
    platform = server.platform(options.apply(FakePlatformServer.fastOptions()));
    session = platform.session(ACCOUNT, sandbox);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    platform.close();
    server.close();
  }

  /** Every Platform request from now on is answered with {@code code} and the JSON {@code body}. */
  void answer(int code, String body) {
    server.handler = r -> FakePlatformServer.json(code, body);
  }

  FlowServiceClient flowService() {
    return session.flowService();
  }

  RemoteCollection<Flow, FlowRequest> flows() {
    return session.flowService().flows();
  }

  /** Explores charges through base connection b1 while the Platform answers {@code answer}. */
  SourceSchema explored(String answer) {
    answer(200, answer);
    return session.flowService().explore("b1", "charges");
  }

  /** The last request that reached the Platform (IMS requests are not counted). */
  RecordedRequest last() {
    return server.lastPlatformRequest();
  }

  /** The method and encoded path of {@link #last()}, as in {@code "GET /data/foundation/..."}. */
  String lastCall() {
    return last().getMethod() + " " + last().getUrl().encodedPath();
  }

  String lastAccept() {
    return last().getHeaders().get("Accept");
  }

  /** The JSON body of {@link #last()}. */
  JsonNode lastBody() {
    return jsonTree(last().getBody().utf8());
  }

  /**
   * The last request was {@code call} (as {@link #lastCall()} gives it) with the JSON {@code body}.
   */
  void assertLastSent(String call, String body) {
    assertThat(lastCall()).isEqualTo(call);
    assertThat(lastBody()).isEqualTo(jsonTree(body));
  }

  static JsonNode jsonTree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PlatformException {@code call} fails with, or null when it does not fail. */
  static PlatformException failure(ThrowingCallable call) {
    return catchThrowableOfType(PlatformException.class, call);
  }
}

package dev.aep.operator.testing;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.OperatorAssembly;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.reconciler.ReconcilerSettings;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Owns the lifecycle of an {@link EmbeddedStack} for a test class, and is the test's handle on it
 * (every {@link FlowStack} method, and the stack's own: settings, operator start/stop, assembled
 * operators, Kubernetes writes):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OperatorStackExtension stack = OperatorStackExtension.withOperator();
 * }</pre>
 *
 * <p>Registered on a static field, one stack serves every test of the class (each test isolates
 * itself in its own namespace and sandbox, see {@link FlowStack#isolatedNamespace}); the
 * simulator's faults and clock speed are reset after each test. Registered on an instance field,
 * each test gets a fresh stack, closed after it. {@link #withoutOperator()} leaves starting the
 * operator (with any reconciler, or assembled) to the test; {@link #settings} changes the
 * reconciler settings of the test defaults ({@link EmbeddedStack#testSettings()}).
 */
public final class OperatorStackExtension
    implements FlowStack,
        BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback {
  private final boolean startOperator;
  private final UnaryOperator<ReconcilerSettings> settings;
  private EmbeddedStack stack;
  private boolean perTest;

  private OperatorStackExtension(
      boolean startOperator, UnaryOperator<ReconcilerSettings> settings) {
    this.startOperator = startOperator;
    this.settings = settings;
  }

  /** A stack with the operator (production reconciler) running. */
  public static OperatorStackExtension withOperator() {
    return new OperatorStackExtension(true, UnaryOperator.identity());
  }

  /** A stack whose operator the test starts itself. */
  public static OperatorStackExtension withoutOperator() {
    return new OperatorStackExtension(false, UnaryOperator.identity());
  }

  /** The same, with {@code change} applied to the test settings. */
  public OperatorStackExtension settings(UnaryOperator<ReconcilerSettings> change) {
    return new OperatorStackExtension(startOperator, s -> change.apply(settings.apply(s)));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stack = start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (stack == null) {
      perTest = true;
      stack = start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      close();
    } else if (stack != null) {
      stack.simulator().faults().clear();
      stack.simulator().clock().speed(1);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private EmbeddedStack start() {
    EmbeddedStack started = EmbeddedStack.start(settings.apply(EmbeddedStack.testSettings()));
    if (startOperator) {
      try {
        started.startOperator();
      } catch (RuntimeException e) {
        started.close();
        throw e;
      }
    }
    return started;
  }

  private void close() {
    if (stack != null) {
      EmbeddedStack closing = stack;
      stack = null;
      closing.close();
    }
  }

  /** The stack itself. */
  public EmbeddedStack stack() {
    if (stack == null) {
      throw new IllegalStateException("the stack runs only while a test of its class does");
    }
    return stack;
  }

  @Override
  public KubernetesClient client() {
    return stack().client();
  }

  @Override
  public PlatformSimulator simulator() {
    return stack().simulator();
  }

  @Override
  public Platform platform() {
    return stack().platform();
  }

  public ReconcilerSettings settings() {
    return stack().settings();
  }

  /** See {@link EmbeddedStack#startOperator(BiFunction)}. */
  public void startOperator(
      BiFunction<Platform, ReconcilerSettings, Reconciler<StripeIngestionFlow>> factory) {
    stack().startOperator(factory);
  }

  public void startOperator() {
    stack().startOperator();
  }

  /** See {@link EmbeddedStack#startOperator(ReconcilerSettings)}. */
  public void startOperator(ReconcilerSettings settings) {
    stack().startOperator(settings);
  }

  public void stopOperator() {
    stack().stopOperator();
  }

  /** See {@link EmbeddedStack#assembly}. */
  public OperatorAssembly assembly(Map<String, String> extraEnv) {
    return stack().assembly(extraEnv);
  }

  /**
   * See {@link SimulatedStack#replica(Map, ReconcilerSettings, UnaryOperator)}; this stack's
   * settings.
   */
  public Replica replica(Map<String, String> extraEnv, UnaryOperator<Platform> decorate) {
    return stack().replica(extraEnv, settings(), decorate);
  }

  /** See {@link SimulatedStack#get}. */
  public HttpResponse<String> get(OperatorAssembly operator, String path) {
    return stack().get(operator, path);
  }

  public List<RecordingDispatcher.Request> kubernetesRequests() {
    return stack().kubernetesRequests();
  }

  public List<RecordingDispatcher.Request> kubernetesWrites() {
    return stack().kubernetesWrites();
  }

  public long kubernetesWrites(String namespace) {
    return stack().kubernetesWrites(namespace);
  }
}

package dev.aep.operator.platform;

import java.util.function.Supplier;

/**
 * Service clients for tests: every call a test does not override fails, as one it does not expect
 * the code under test to make. A test overrides the calls it answers (and, for a collection, the
 * calls of a {@link Collection} it hands out).
 */
public class RefusingClients extends ForwardingClients {

  public RefusingClients() {
    super(null);
  }

  @Override
  protected <V> V call(Supplier<V> call) {
    throw new UnsupportedOperationException("a call this test does not expect");
  }

  /** A collection refusing every call. */
  @Override
  public <T extends RemoteObject, R> RemoteCollection<T, R> collection(RemoteKind<T, R> kind) {
    return new Collection<>(null);
  }

  /** These clients as a session of {@code scope}. */
  public PlatformSession session(PlatformScope scope) {
    return PlatformSession.of(scope, this, this, this, this);
  }
}

package dev.aep.operator.reliability;

import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the operator's Platform so that every exception any client call throws inside the running
 * operator is kept (as its full stack trace, causes included) on its way to the reconciler, whether
 * or not the operator ever prints it. Behaviour is otherwise unchanged.
 */
final class RecordingPlatform implements Platform {
  private final Platform delegate;
  private final List<String> exceptions = new ArrayList<>();

  RecordingPlatform(Platform delegate) {
    this.delegate = delegate;
  }

  @Override
  public PlatformSession session(PlatformAccount account, String sandbox) {
    return recording(PlatformSession.class, delegate.session(account, sandbox));
  }

  /** Every exception thrown so far. */
  List<String> exceptions() {
    synchronized (exceptions) {
      return new ArrayList<>(exceptions);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T recording(Class<T> type, T target) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            synchronized (exceptions) {
              exceptions.add(thrown + "\n" + trace);
            }
            throw thrown;
          }
          // Sessions hand out the service clients: record those too.
          Class<?> returned = method.getReturnType();
          if (result != null
              && returned.isInterface()
              && returned.getPackageName().equals(Platform.class.getPackageName())) {
            return recording((Class<Object>) returned, result);
          }
          return result;
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}

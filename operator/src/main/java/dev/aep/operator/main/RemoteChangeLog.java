package dev.aep.operator.main;

import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.IdentityDescriptor;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.Schema;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs one line per change the operator makes on the Platform (create, PATCH, PUT, delete,
 * enable/disable; reads, explore, validate and preview are not changes) with the Platform id; the flow's namespace/name comes from the MDC JOSDK fills
 * on the reconcile thread, which both log formats print. Patch values are not logged (they may
 * hold credentials); their paths are.
 */
final class RemoteChangeLog implements Platform {
  private static final Logger log = LoggerFactory.getLogger(RemoteChangeLog.class);
  private static final Set<String> SERVICES =
      Set.of("flowService", "schemaRegistry", "catalog", "dataPrep");

  private final Platform delegate;

  RemoteChangeLog(Platform delegate) {
    this.delegate = delegate;
  }

  @Override
  public PlatformSession session(PlatformAccount account, String sandbox) {
    PlatformSession session = delegate.session(account, sandbox);
    return proxy(
        PlatformSession.class,
        (method, args) -> {
          Object result = call(session, method, args);
          return SERVICES.contains(method.getName()) ? logging(method.getReturnType(), result, sandbox) : result;
        });
  }

  private Object logging(Class<?> type, Object client, String sandbox) {
    return proxy(
        type,
        (method, args) -> {
          Object result = call(client, method, args);
          String line = describe(method.getName(), args, result);
          if (line != null) {
            // The flow's namespace/name is in the MDC: the text pattern prints it as [ns/name],
            // the JSON encoder as mdc.resource.namespace and mdc.resource.name.
            if (MDC.get("resource.name") == null) {
              log.info("{} (sandbox {}, outside a reconcile)", line, sandbox);
            } else {
              log.info("{} (sandbox {})", line, sandbox);
            }
          }
          return result;
        });
  }

  /** The change a successful call made, or null for reads. */
  static String describe(String method, Object[] args, Object result) {
    String kind = kindOf(method);
    Object first = args != null && args.length > 0 ? args[0] : null;
    if (method.startsWith("create")) {
      return "created " + kind + " " + createdId(result);
    }
    if (method.startsWith("patch") && args != null && args.length >= 3) {
      String paths =
          args[2] instanceof List<?> ops
              ? ops.stream()
                  .filter(JsonPatchOp.class::isInstance)
                  .map(o -> ((JsonPatchOp) o).op().wireName() + " " + ((JsonPatchOp) o).path())
                  .collect(Collectors.joining(", "))
              : "";
      return "patched " + kind + " " + first + " [" + paths + "]";
    }
    if (method.startsWith("update")) {
      String version = result instanceof MappingSet set ? " to version " + set.version() : "";
      return "updated " + kind + " " + first + version;
    }
    if (method.startsWith("replace")) {
      String version = result instanceof FieldGroup group && group.version() != null
          ? " to version " + group.version() : "";
      return "replaced " + kind + " " + first + version;
    }
    if (method.startsWith("delete")) {
      boolean gone = result instanceof Boolean deleted && !deleted;
      return "deleted " + kind + " " + first + (gone ? " (was already gone)" : "");
    }
    if (method.startsWith("enable") || method.startsWith("disable")) {
      return (method.startsWith("enable") ? "enabled " : "disabled ") + kind + " " + first;
    }
    return null;
  }

  private static String createdId(Object result) {
    if (result instanceof EntityRef ref) {
      return ref.id();
    }
    if (result instanceof MappingSetVersion v) {
      return v.id();
    }
    if (result instanceof Schema schema) {
      return schema.id();
    }
    if (result instanceof FieldGroup group) {
      return group.id();
    }
    if (result instanceof IdentityDescriptor descriptor) {
      return descriptor.id();
    }
    return String.valueOf(result);
  }

  /** "patchBaseConnection" -> "base connection". */
  private static String kindOf(String method) {
    String rest = method.replaceFirst("^(create|patch|update|replace|delete|enable|disable)", "");
    return rest.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** A call forwarded to a target object. */
  @FunctionalInterface
  private interface Forward {
    Object apply(Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Forward forward) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) ->
                method.getDeclaringClass() == Object.class
                    ? objectMethod(self, method, args)
                    : forward.apply(method, args));
    return type.cast(proxy);
  }

  private static Object objectMethod(Object self, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> self == args[0];
      case "hashCode" -> System.identityHashCode(self);
      default -> "RemoteChangeLog proxy";
    };
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      // The client's own exception (PlatformException) goes to the reconciler unchanged.
      throw e.getCause();
    }
  }
}

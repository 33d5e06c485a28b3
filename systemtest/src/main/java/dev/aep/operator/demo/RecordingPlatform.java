package dev.aep.operator.demo;

import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteCollection;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Wraps a Platform and remembers every change the operator asks of it (creates, PATCHes, PUTs,
 * deletes, enable/disable), with ids, If-Match etags and patch operations, so the demo can show
 * what each step sent whichever Platform it runs against.
 */
final class RecordingPlatform implements Platform {
  /** One remote change, rendered like the HTTP call it became. */
  record Change(
      long sequence, String verb, String kind, String id, String detail, List<String> lines) {
    @Override
    public String toString() {
      return verb
          + " "
          + kind
          + (id == null ? "" : " " + id)
          + (detail.isEmpty() ? "" : "  " + detail);
    }
  }

  private static final Set<String> SERVICES =
      Set.of("flowService", "schemaRegistry", "catalog", "dataPrep");

  private final Platform delegate;
  private final List<Change> changes = new ArrayList<>();

  RecordingPlatform(Platform delegate) {
    this.delegate = delegate;
  }

  @Override
  public PlatformSession session(PlatformAccount account, String sandbox) {
    PlatformSession session = delegate.session(account, sandbox);
    return (PlatformSession)
        Proxy.newProxyInstance(
            PlatformSession.class.getClassLoader(),
            new Class<?>[] {PlatformSession.class},
            (proxy, method, args) -> {
              Object result = invoke(session, method, args);
              if (SERVICES.contains(method.getName())) {
                return recording(method.getReturnType(), result, "");
              }
              return result;
            });
  }

  /** Sequence number of the next change: pass it to {@link #since(long)} later. */
  synchronized long mark() {
    return changes.size();
  }

  /** Changes recorded from a mark on, oldest first. */
  synchronized List<Change> since(long mark) {
    return List.copyOf(changes.subList((int) mark, changes.size()));
  }

  private synchronized void add(
      String verb, String kind, String id, String detail, List<String> lines) {
    changes.add(new Change(changes.size(), verb, kind, id, detail, List.copyOf(lines)));
  }

  /**
   * Records the changes made through {@code client}; a Flow Service collection's calls are named as
   * a flat client's would be ({@code flows().patch} as {@code patchFlow}).
   */
  private Object recording(Class<?> type, Object client, String kindSuffix) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getReturnType() == RemoteCollection.class) {
            String accessor = method.getName();
            String kind =
                Character.toUpperCase(accessor.charAt(0))
                    + accessor.substring(1, accessor.length() - 1);
            return recording(RemoteCollection.class, invoke(client, method, args), kind);
          }
          String name = method.getName() + kindSuffix;
          String verb = verbOf(name);
          if (verb == null) {
            return invoke(client, method, args);
          }
          String kind = kindOf(name);
          try {
            Object result = invoke(client, method, args);
            record(verb, kind, name, args, result, null);
            return result;
          } catch (PlatformException e) {
            record(verb, kind, name, args, null, e);
            throw e;
          }
        };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private void record(
      String verb,
      String kind,
      String method,
      Object[] args,
      Object result,
      PlatformException error) {
    String id = null;
    List<String> lines = new ArrayList<>();
    StringBuilder detail = new StringBuilder();
    if (method.startsWith("create")) {
      String name = args != null && args.length > 0 ? component(args[0], "name") : null;
      if (name == null && args != null && args.length > 0) {
        name = component(args[0], "title");
      }
      if (name != null) {
        detail.append('"').append(name).append('"');
      }
      String created = idOf(result);
      if (created != null) {
        detail.append(" -> ").append(created);
      }
    } else if (args != null && args.length > 0 && args[0] instanceof String s) {
      id = s;
    }
    if (method.startsWith("patch") && args != null && args.length >= 3) {
      detail.append("If-Match ").append(args[1]);
      if (args[2] instanceof List<?> ops) {
        for (Object op : ops) {
          if (op instanceof JsonPatchOp p) {
            lines.add(render(p));
          }
        }
      }
    }
    if (method.equals("updateMappingSet") && result instanceof MappingSet set) {
      detail.append("(new version ").append(set.version()).append(')');
    }
    if (method.startsWith("delete") && result instanceof Boolean deleted && !deleted) {
      detail.append("(already gone)");
    }
    if (error != null) {
      detail
          .append(detail.length() == 0 ? "" : " ")
          .append("failed: HTTP ")
          .append(error.httpStatus());
    }
    add(verb, kind, id, detail.toString(), lines);
  }

  private static String render(JsonPatchOp op) {
    String text = op.op().wireName() + " " + op.path();
    if (op.op() == JsonPatchOp.Op.REMOVE) {
      return text;
    }
    return text + " = " + (op.isSensitive() ? "(hidden: credentials)" : String.valueOf(op.value()));
  }

  private static String idOf(Object result) {
    if (result instanceof EntityRef ref) {
      return ref.id();
    }
    if (result instanceof String s) {
      return s;
    }
    if (result instanceof MappingSetVersion v) {
      return component(v, "id");
    }
    return component(result, "id");
  }

  private static String component(Object record, String name) {
    if (record == null || !record.getClass().isRecord()) {
      return null;
    }
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          Object value = c.getAccessor().invoke(record);
          return value == null ? null : String.valueOf(value);
        } catch (ReflectiveOperationException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The HTTP verb a mutating client method becomes; null for reads. */
  private static String verbOf(String method) {
    if (method.startsWith("create")) {
      return "POST";
    }
    if (method.startsWith("patch")) {
      return "PATCH";
    }
    if (method.startsWith("update") || method.startsWith("replace")) {
      return "PUT";
    }
    if (method.startsWith("delete")) {
      return "DELETE";
    }
    if (method.startsWith("enable") || method.startsWith("disable")) {
      return "POST action=" + (method.startsWith("enable") ? "enable" : "disable");
    }
    return null;
  }

  /** "patchBaseConnection" -> "base connection". */
  private static String kindOf(String method) {
    String rest = method.replaceFirst("^(create|patch|update|replace|delete|enable|disable)", "");
    return rest.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

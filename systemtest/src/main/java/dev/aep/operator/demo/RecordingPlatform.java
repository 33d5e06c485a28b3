package dev.aep.operator.demo;

import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FieldGroupRequest;
import dev.aep.operator.platform.ForwardingClients;
import dev.aep.operator.platform.IdentityDescriptor;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.MappingSetRequest;
import dev.aep.operator.platform.MappingSetVersion;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.RemoteCollection;
import dev.aep.operator.platform.RemoteKind;
import dev.aep.operator.platform.RemoteObject;
import dev.aep.operator.platform.Schema;
import dev.aep.operator.platform.SchemaRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wraps a Platform and remembers what the operator asks of it: every change (creates, PATCHes,
 * PUTs, deletes, enable/disable) with ids, If-Match etags and patch operations, so the demo can
 * show what each step sent whichever Platform it runs against; and every exception any call throws
 * on its way to the reconciler (as its full stack trace, causes included), whether or not the
 * operator ever prints it. Behaviour is otherwise unchanged.
 */
public final class RecordingPlatform implements Platform {
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

  private final Platform delegate;
  private final List<Change> changes = new ArrayList<>();
  private final List<String> exceptions = new ArrayList<>();

  public RecordingPlatform(Platform delegate) {
    this.delegate = delegate;
  }

  @Override
  public PlatformSession session(PlatformAccount account, String sandbox) {
    return new Recorder(delegate.session(account, sandbox)).session();
  }

  /** Sequence number of the next change: pass it to {@link #since(long)} later. */
  public synchronized long mark() {
    return changes.size();
  }

  /** Changes recorded from a mark on, oldest first. */
  public synchronized List<Change> since(long mark) {
    return List.copyOf(changes.subList((int) mark, changes.size()));
  }

  /** Every exception thrown so far. */
  public synchronized List<String> exceptions() {
    return new ArrayList<>(exceptions);
  }

  /** Keeps the exception a call threw. */
  private synchronized void thrown(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    exceptions.add(thrown + "\n" + trace);
  }

  /**
   * Makes a change and records it as {@code verb kind [id] detail}, the detail followed by what
   * {@code outcome} tells of the answer, or by the HTTP status it failed with.
   */
  private <V> V change(
      String verb,
      String kind,
      String id,
      String detail,
      List<String> lines,
      Supplier<V> write,
      Function<V, String> outcome) {
    V result;
    try {
      result = write.get();
    } catch (PlatformException e) {
      add(
          verb,
          kind,
          id,
          (detail.isEmpty() ? "" : detail + " ") + "failed: HTTP " + e.httpStatus(),
          lines);
      throw e;
    }
    add(verb, kind, id, detail + outcome.apply(result), lines);
    return result;
  }

  /** A create, shown with the name it gives and the id it made. */
  private <V> V create(String kind, String name, Supplier<V> write, Function<V, String> idOf) {
    return change(
        "POST",
        kind,
        null,
        name == null ? "" : '"' + name + '"',
        List.of(),
        write,
        made -> idOf.apply(made) == null ? "" : " -> " + idOf.apply(made));
  }

  private <V> V write(String verb, String kind, String id, Supplier<V> write) {
    return change(verb, kind, id, "", List.of(), write, answer -> "");
  }

  private boolean delete(String kind, String id, Supplier<Boolean> delete) {
    return change("DELETE", kind, id, "", List.of(), delete, gone -> gone ? "" : "(already gone)");
  }

  private synchronized void add(
      String verb, String kind, String id, String detail, List<String> lines) {
    changes.add(new Change(changes.size(), verb, kind, id, detail, List.copyOf(lines)));
  }

  private static String render(JsonPatchOp op) {
    String text = op.op().wireName() + " " + op.path();
    if (op.op() == JsonPatchOp.Op.REMOVE) {
      return text;
    }
    return text + " = " + (op.isSensitive() ? "(hidden: credentials)" : String.valueOf(op.value()));
  }

  /** Records the changes and the exceptions of one session. */
  private final class Recorder extends ForwardingClients {
    Recorder(PlatformSession delegate) {
      super(delegate);
    }

    @Override
    protected <T extends RemoteObject, R> RemoteCollection<T, R> decorate(
        RemoteKind<T, R> kind, RemoteCollection<T, R> collection) {
      return new Recorded<>(kind, collection);
    }

    @Override
    protected <V> V call(Supplier<V> call) {
      try {
        return call.get();
      } catch (RuntimeException | Error e) {
        thrown(e);
        throw e;
      }
    }

    /** Creates, PATCHes and deletes of any kind. */
    private final class Recorded<T extends RemoteObject, R> extends Collection<T, R> {
      private final RemoteKind<T, R> kind;

      Recorded(RemoteKind<T, R> kind, RemoteCollection<T, R> delegate) {
        super(delegate);
        this.kind = kind;
      }

      @Override
      public EntityRef create(R request) {
        return RecordingPlatform.this.create(
            kind.words(),
            kind.requestName().apply(request),
            () -> super.create(request),
            EntityRef::id);
      }

      @Override
      public EntityRef patch(String id, String etag, List<JsonPatchOp> ops) {
        List<String> lines = ops.stream().map(RecordingPlatform::render).toList();
        return change(
            "PATCH",
            kind.words(),
            id,
            "If-Match " + etag,
            lines,
            () -> super.patch(id, etag, ops),
            ref -> "");
      }

      @Override
      public boolean delete(String id) {
        return RecordingPlatform.this.delete(kind.words(), id, () -> super.delete(id));
      }
    }

    @Override
    public EntityRef enableFlow(String id) {
      return write("POST action=enable", "flow", id, () -> super.enableFlow(id));
    }

    @Override
    public EntityRef disableFlow(String id) {
      return write("POST action=disable", "flow", id, () -> super.disableFlow(id));
    }

    @Override
    public Schema createSchema(SchemaRequest request) {
      return create("schema", request.title(), () -> super.createSchema(request), Schema::id);
    }

    @Override
    public FieldGroup createFieldGroup(FieldGroupRequest request) {
      return create(
          "field group", request.title(), () -> super.createFieldGroup(request), FieldGroup::id);
    }

    @Override
    public FieldGroup replaceFieldGroup(String id, FieldGroupRequest request) {
      return write("PUT", "field group", id, () -> super.replaceFieldGroup(id, request));
    }

    @Override
    public IdentityDescriptor createIdentityDescriptor(IdentityDescriptor descriptor) {
      return create(
          "identity descriptor",
          null,
          () -> super.createIdentityDescriptor(descriptor),
          IdentityDescriptor::id);
    }

    @Override
    public boolean deleteDescriptor(String id) {
      return delete("descriptor", id, () -> super.deleteDescriptor(id));
    }

    @Override
    public MappingSetVersion createMappingSet(MappingSetRequest request) {
      return create(
          "mapping set",
          request.name(),
          () -> super.createMappingSet(request),
          MappingSetVersion::id);
    }

    @Override
    public MappingSet updateMappingSet(String id, MappingSetRequest request) {
      return change(
          "PUT",
          "mapping set",
          id,
          "",
          List.of(),
          () -> super.updateMappingSet(id, request),
          set -> "(new version " + set.version() + ")");
    }
  }
}

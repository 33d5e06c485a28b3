package dev.aep.operator.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One kind of remote object the operator creates through a {@link RemoteCollection}, described once
 * (each object type holds its own as {@code KIND}): decorators and observers handle every kind with
 * one generic method keyed by it.
 *
 * @param words the kind in messages, e.g. {@code base connection}
 * @param collection where a session keeps the kind's collection
 * @param requestName the name (or title) a create request gives the object
 * @param <T> the object as read
 * @param <R> the body of a create
 */
public record RemoteKind<T extends RemoteObject, R>(
    String words,
    Function<PlatformSession, RemoteCollection<T, R>> collection,
    Function<R, String> requestName) {

  /** The session's collection of this kind. */
  public RemoteCollection<T, R> in(PlatformSession session) {
    return collection.apply(session);
  }

  /** A client's collections, each under its own kind. */
  public static final class Collections {
    private final Map<RemoteKind<?, ?>, RemoteCollection<?, ?>> byKind = new HashMap<>();

    /** Adds the collection of {@code kind}. */
    public <T extends RemoteObject, R> Collections with(
        RemoteKind<T, R> kind, RemoteCollection<T, R> collection) {
      byKind.put(kind, collection);
      return this;
    }

    /** The collection of {@code kind}; fails for a kind the client does not serve. */
    @SuppressWarnings("unchecked") // with() pairs each kind with a collection of its own types
    public <T extends RemoteObject, R> RemoteCollection<T, R> of(RemoteKind<T, R> kind) {
      RemoteCollection<?, ?> collection = byKind.get(kind);
      if (collection == null) {
        throw new IllegalArgumentException("no " + kind.words() + " collection here");
      }
      return (RemoteCollection<T, R>) collection;
    }
  }
}

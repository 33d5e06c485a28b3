package dev.aep.operator.platform;

import java.util.List;
import java.util.Optional;

/**
 * One kind of Flow Service object as the service exposes it (connections, source and target
 * connections, flows): every kind takes the same calls, so the operator, its caches and its tests
 * handle all four with one contract (platform-api.md 2).
 *
 * @param <T> the object as read
 * @param <R> the body of a create
 */
public interface RemoteCollection<T, R> {

  /** Creates an object; returns its id and first etag. */
  EntityRef create(R request);

  /**
   * The object a create of {@code request} answered with {@code ref} made, as far as known without
   * reading it back: what was sent, and nothing the service did not answer (a state stays unknown).
   */
  T created(EntityRef ref, R request);

  /** The object with this id; empty when the service answers that it does not exist. */
  Optional<T> get(String id);

  /** Every object the query matches, all pages followed. */
  List<T> list(ListQuery query);

  /** One page of the query's answer; {@code pageToken} null for the first. */
  Page<T> listPage(ListQuery query, String pageToken);

  /** Objects named exactly {@code name} (the service's filter may match loosely). */
  List<T> findByName(String name);

  /** Applies a JSON Patch under {@code If-Match: etag}; returns the new etag. */
  EntityRef patch(String id, String etag, List<JsonPatchOp> ops);

  /** Deletes the object; false when it was already gone. */
  boolean delete(String id);
}

package dev.aep.operator.platform;

import java.util.function.Function;

/**
 * One kind of remote object the operator creates through a {@link RemoteCollection}: its words in
 * messages, where a session keeps its collection, and the id and name of an object and of a create
 * request. Decorators and observers handle every kind with one generic method keyed by these
 * constants.
 *
 * @param <T> the object as read
 * @param <R> the body of a create
 */
public final class RemoteKind<T, R> {
  public static final RemoteKind<BaseConnection, BaseConnectionRequest> BASE_CONNECTIONS =
      new RemoteKind<>(
          "base connection",
          s -> s.flowService().baseConnections(),
          BaseConnectionRequest::name,
          BaseConnection::id,
          BaseConnection::name);
  public static final RemoteKind<SourceConnection, SourceConnectionRequest> SOURCE_CONNECTIONS =
      new RemoteKind<>(
          "source connection",
          s -> s.flowService().sourceConnections(),
          SourceConnectionRequest::name,
          SourceConnection::id,
          SourceConnection::name);
  public static final RemoteKind<TargetConnection, TargetConnectionRequest> TARGET_CONNECTIONS =
      new RemoteKind<>(
          "target connection",
          s -> s.flowService().targetConnections(),
          TargetConnectionRequest::name,
          TargetConnection::id,
          TargetConnection::name);
  public static final RemoteKind<Flow, FlowRequest> FLOWS =
      new RemoteKind<>(
          "flow", s -> s.flowService().flows(), FlowRequest::name, Flow::id, Flow::name);
  public static final RemoteKind<Schema, SchemaRequest> SCHEMAS =
      new RemoteKind<>(
          "schema",
          s -> s.schemaRegistry().schemas(),
          SchemaRequest::title,
          Schema::id,
          Schema::title);
  public static final RemoteKind<FieldGroup, FieldGroupRequest> FIELD_GROUPS =
      new RemoteKind<>(
          "field group",
          s -> s.schemaRegistry().fieldGroups(),
          FieldGroupRequest::title,
          FieldGroup::id,
          FieldGroup::title);
  public static final RemoteKind<Dataset, DatasetRequest> DATASETS =
      new RemoteKind<>(
          "dataset", s -> s.catalog().datasets(), DatasetRequest::name, Dataset::id, Dataset::name);
  public static final RemoteKind<MappingSet, MappingSetRequest> MAPPING_SETS =
      new RemoteKind<>(
          "mapping set",
          s -> s.dataPrep().mappingSets(),
          MappingSetRequest::name,
          MappingSet::id,
          MappingSet::name);

  private final String words;
  private final Function<PlatformSession, RemoteCollection<T, R>> collection;
  private final Function<R, String> nameOf;
  private final Function<T, String> id;
  private final Function<T, String> name;

  private RemoteKind(
      String words,
      Function<PlatformSession, RemoteCollection<T, R>> collection,
      Function<R, String> nameOf,
      Function<T, String> id,
      Function<T, String> name) {
    this.words = words;
    this.collection = collection;
    this.nameOf = nameOf;
    this.id = id;
    this.name = name;
  }

  /** The kind in messages, e.g. {@code base connection}. */
  public String words() {
    return words;
  }

  /** The session's collection of this kind. */
  public RemoteCollection<T, R> in(PlatformSession session) {
    return collection.apply(session);
  }

  /** The name (or title) a create request gives the object. */
  public String nameOf(R request) {
    return nameOf.apply(request);
  }

  /** The object's id. */
  public String id(T object) {
    return id.apply(object);
  }

  /** The object's name (or title): what a lookup by name matches exactly. */
  public String name(T object) {
    return name.apply(object);
  }

  @Override
  public String toString() {
    return words;
  }
}

package dev.aep.operator.platform;

/** What every object the operator creates carries: an id, and the name lookups match exactly. */
public interface RemoteObject {
  String id();

  /** The name, or for Schema Registry resources the title. */
  String name();
}

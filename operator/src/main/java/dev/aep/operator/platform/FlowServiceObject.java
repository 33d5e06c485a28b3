package dev.aep.operator.platform;

/**
 * What every Flow Service object carries (platform-api.md 2.1): its id, its etag for {@code
 * If-Match}, the name and description the operator sets, and its state.
 */
public interface FlowServiceObject extends RemoteObject {
  String etag();

  String description();

  String state();
}

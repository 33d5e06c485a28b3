package dev.aep.operator.reconciler.steps;

import dev.aep.operator.platform.FlowServiceObject;
import dev.aep.operator.platform.JsonPatchOp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What differs between the spec and a remote object.
 *
 * @param changes one entry per drifted field, in words, with the JSON Patch op when the field is
 *     patchable (null for changes applied another way: an action, a PUT)
 * @param replaceReason non-null when the object cannot be patched and must be replaced
 * @param rejection non-null when the observed object can never match the spec (a spec problem)
 */
public record Diff(List<Change> changes, String replaceReason, String rejection) {

  /** One drifted field. */
  public record Change(String what, JsonPatchOp op) {}

  public Diff {
    changes = List.copyOf(changes);
  }

  /** Nothing to do. */
  public static Diff none() {
    return new Diff(List.of(), null, null);
  }

  /** The object must be replaced (created anew, then the old one removed). */
  public static Diff replace(String reason) {
    return new Diff(List.of(), reason, null);
  }

  /** The object can never satisfy the spec. */
  public static Diff rejected(String message) {
    return new Diff(List.of(), null, message);
  }

  /** Whether the object matches the spec. */
  public boolean inSync() {
    return changes.isEmpty() && replaceReason == null && rejection == null;
  }

  /** Whether the object must be replaced. */
  public boolean replaces() {
    return replaceReason != null;
  }

  /** Whether the object can never satisfy the spec. */
  public boolean rejects() {
    return rejection != null;
  }

  /** The JSON Patch operations of the patchable changes. */
  public List<JsonPatchOp> ops() {
    return changes.stream().map(Change::op).filter(op -> op != null).toList();
  }

  /** Whether a change with this name is part of the diff. */
  public boolean has(String what) {
    return changes.stream().anyMatch(c -> c.what().equals(what));
  }

  /** The drifted fields, comma separated, for events and messages. */
  public String summary() {
    if (replaceReason != null) {
      return "replaced: " + replaceReason;
    }
    return changes.stream().map(Change::what).collect(Collectors.joining(", "));
  }

  /** Collects changes. */
  public static final class Builder {
    private final List<Change> changes = new ArrayList<>();

    /** Adds a change applied by a JSON Patch op. */
    public Builder patch(String what, JsonPatchOp op) {
      changes.add(new Change(what, op));
      return this;
    }

    /** Adds JSON Patch replaces of a Flow Service object's name and description that drifted. */
    public Builder nameAndDescription(String name, String description, FlowServiceObject remote) {
      replaceIfChanged("name", "/name", name, remote.name());
      return replaceIfChanged("description", "/description", description, remote.description());
    }

    private Builder replaceIfChanged(String what, String path, String wanted, String actual) {
      if (!wanted.equals(actual)) {
        patch(what, JsonPatchOp.replace(path, wanted));
      }
      return this;
    }

    /** Adds a change applied another way. */
    public Builder change(String what) {
      changes.add(new Change(what, null));
      return this;
    }

    public Diff build() {
      return new Diff(changes, null, null);
    }
  }

  /** Starts a diff. */
  public static Builder builder() {
    return new Builder();
  }
}

package dev.aep.simulator.xdm;

import java.util.Map;
import java.util.Optional;

/**
 * The additive-only rule for schemas in use (platform-api.md 10, Evolution [DOC:XDM-COMP]): once
 * data may have been ingested, a field may be added but not removed, renamed, moved or retyped.
 */
public final class Evolution {
  private Evolution() {}

  /**
   * The first breaking difference between the fields before and after a change, as a sentence
   * naming the field ("removes field x" / "changes field x from string to integer"); empty when
   * {@code after} only adds fields.
   */
  public static Optional<String> breakingChange(
      Map<String, XdmField> before, Map<String, XdmField> after) {
    for (XdmField old : before.values()) {
      XdmField now = after.get(old.path());
      if (now == null) {
        return Optional.of("removes field " + old.path());
      }
      if (!now.type().equals(old.type())) {
        return Optional.of(
            "changes the type of field "
                + old.path()
                + " from "
                + old.type()
                + " to "
                + now.type());
      }
    }
    return Optional.empty();
  }
}

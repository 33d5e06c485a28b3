package dev.aep.simulator.xdm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard XDM classes and field groups the simulator knows, with the fields they bring
 * (platform-api.md 0 and 11; help/xdm/classes/experienceevent.md, individual-profile.md).
 */
public final class XdmClasses {
  public static final String EXPERIENCE_EVENT = "https://ns.adobe.com/xdm/context/experienceevent";

  private static final Map<String, List<XdmField>> CLASS_FIELDS =
      Map.of(
          // ExperienceEvent requires _id and timestamp [DOC:XDM-EE].
          EXPERIENCE_EVENT,
          List.of(
              new XdmField("_id", "string", true),
              new XdmField("timestamp", "date-time", true),
              new XdmField("eventType", "string", false)),
          // Individual Profile documents no required field [DOC:XDM-PROFILE].
          "https://ns.adobe.com/xdm/context/profile",
          List.of(
              new XdmField("_id", "string", false),
              new XdmField("personID", "string", false),
              new XdmField("_repo.createDate", "date-time", false),
              new XdmField("_repo.modifyDate", "date-time", false)),
          "https://ns.adobe.com/xdm/data/record",
          List.of(new XdmField("_id", "string", false)),
          // [INF] time-series behaves like ExperienceEvent, which extends it.
          "https://ns.adobe.com/xdm/data/time-series",
          List.of(
              new XdmField("_id", "string", true), new XdmField("timestamp", "date-time", true)));

  /** The standard Identity Map field group [DOC:XDM-FAQ]. */
  private static final Map<String, List<XdmField>> STANDARD_FIELD_GROUPS =
      Map.of(
          "https://ns.adobe.com/xdm/context/identitymap",
          List.of(new XdmField("identityMap", "object", false)));

  private XdmClasses() {}

  /** The known classes. */
  public static Set<String> classes() {
    return CLASS_FIELDS.keySet();
  }

  /** The known standard field groups. */
  public static Set<String> standardFieldGroups() {
    return STANDARD_FIELD_GROUPS.keySet();
  }

  /** Fields a class brings; empty for anything that is not a known class. */
  public static List<XdmField> fields(String classId) {
    return CLASS_FIELDS.getOrDefault(classId, List.of());
  }

  /** Fields a standard field group brings; empty for anything else. */
  public static List<XdmField> standardFieldGroupFields(String id) {
    return STANDARD_FIELD_GROUPS.getOrDefault(id, List.of());
  }
}

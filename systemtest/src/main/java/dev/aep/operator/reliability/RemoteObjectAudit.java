package dev.aep.operator.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.simulator.Kind;
import dev.aep.simulator.PlatformSimulator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares what exists on the Platform (simulator inventory) with what the flows' statuses
 * reference: every remote object of each kind must be referenced by exactly one flow, and every id
 * a flow references must exist. Objects the test made itself out of band are left out.
 */
final class RemoteObjectAudit {
  /** The kinds a flow owns one of, and where its status records the id. */
  static final Map<Kind, Function<StripeIngestionFlowStatus, String>> KINDS = kinds();

  private RemoteObjectAudit() {}

  /**
   * What the audit found.
   *
   * @param objects remote objects per kind
   * @param duplicates objects carrying a flow's uid that its status does not reference (a second
   *     copy of something the flow already has)
   * @param orphans objects no flow references and no existing flow owns (left behind)
   * @param missing ids a status references that do not exist
   * @param shared ids referenced by more than one flow
   */
  record Result(
      Map<Kind, Integer> objects,
      List<String> duplicates,
      List<String> orphans,
      List<String> missing,
      List<String> shared) {

    boolean clean() {
      return duplicates.isEmpty() && orphans.isEmpty() && missing.isEmpty() && shared.isEmpty();
    }

    int total() {
      return objects.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "duplicates / orphans / missing" as numbers, the line every scenario report prints. */
    String counts() {
      return duplicates.size() + " / " + orphans.size() + " / " + missing.size();
    }

    @Override
    public String toString() {
      return "objects "
          + objects
          + ", duplicates "
          + duplicates.size()
          + duplicates
          + ", orphans "
          + orphans.size()
          + orphans
          + ", missing "
          + missing.size()
          + missing
          + ", shared "
          + shared.size()
          + shared;
    }
  }

  static Result audit(
      PlatformSimulator simulator, List<StripeIngestionFlow> flows, Set<String> outOfBand) {
    Map<Kind, Integer> objects = new EnumMap<>(Kind.class);
    List<String> duplicates = new ArrayList<>();
    List<String> orphans = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> shared = new ArrayList<>();
    for (Map.Entry<Kind, Function<StripeIngestionFlowStatus, String>> kind : KINDS.entrySet()) {
      Map<String, String> referencedBy = new HashMap<>();
      for (StripeIngestionFlow flow : flows) {
        String id = flow.getStatus() == null ? null : kind.getValue().apply(flow.getStatus());
        String name = flow.getMetadata().getNamespace() + "/" + flow.getMetadata().getName();
        if (id == null) {
          missing.add(kind.getKey().value() + " of " + name + " (no id in status)");
          continue;
        }
        String previous = referencedBy.put(id, name);
        if (previous != null && !outOfBand.contains(id)) {
          shared.add(kind.getKey().value() + " " + id + " (" + previous + ", " + name + ")");
        }
      }
      Map<String, ObjectNode> remote = simulator.inventory().byId(kind.getKey());
      objects.put(
          kind.getKey(),
          (int) remote.keySet().stream().filter(id -> !outOfBand.contains(id)).count());
      for (String id : referencedBy.keySet()) {
        if (!remote.containsKey(id)) {
          missing.add(kind.getKey().value() + " " + id + " of " + referencedBy.get(id));
        }
      }
      for (Map.Entry<String, ObjectNode> o : remote.entrySet()) {
        if (referencedBy.containsKey(o.getKey()) || outOfBand.contains(o.getKey())) {
          continue;
        }
        String text =
            o.getValue().path("description").asText("")
                + " "
                + o.getValue().path("name").asText("");
        String owner =
            flows.stream()
                .filter(f -> text.contains(f.getMetadata().getUid()))
                .map(f -> f.getMetadata().getNamespace() + "/" + f.getMetadata().getName())
                .findFirst()
                .orElse(null);
        String what = kind.getKey().value() + " " + o.getKey();
        if (owner != null) {
          duplicates.add(what + " (second copy for " + owner + ")");
        } else {
          orphans.add(what);
        }
      }
    }
    return new Result(objects, duplicates, orphans, missing, shared);
  }

  private static Map<Kind, Function<StripeIngestionFlowStatus, String>> kinds() {
    Map<Kind, Function<StripeIngestionFlowStatus, String>> kinds = new LinkedHashMap<>();
    kinds.put(
        Kind.CONNECTION, s -> s.getBaseConnection() == null ? null : s.getBaseConnection().getId());
    kinds.put(
        Kind.SOURCE_CONNECTION,
        s -> s.getSourceConnection() == null ? null : s.getSourceConnection().getId());
    kinds.put(Kind.FIELD_GROUP, s -> s.getFieldGroup() == null ? null : s.getFieldGroup().getId());
    kinds.put(Kind.SCHEMA, s -> s.getSchema() == null ? null : s.getSchema().getId());
    kinds.put(Kind.DATASET, s -> s.getDataset() == null ? null : s.getDataset().getId());
    kinds.put(
        Kind.TARGET_CONNECTION,
        s -> s.getTargetConnection() == null ? null : s.getTargetConnection().getId());
    kinds.put(Kind.MAPPING_SET, s -> s.getMappingSet() == null ? null : s.getMappingSet().getId());
    kinds.put(Kind.FLOW, s -> s.getFlow() == null ? null : s.getFlow().getId());
    return kinds;
  }
}

package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.IdentitySpec;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.SourceType;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.SourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * spec.mapping as the Platform must see it: {@code _tenant} replaced by the org's namespace, every
 * source checked against the explored Stripe record, the class's required fields mapped, and the
 * XDM type of every custom destination. Built before any write that depends on it, so a wrong
 * mapping fails with a message naming it instead of a half-built chain.
 *
 * @param tenantNamespace {@code _<tenantId>}
 * @param mappings the mappings to send, spec order, defaults last
 * @param defaultsAdded the mappings added for required class fields, as {@code dest <- source}
 * @param tenantFields custom destinations (under the tenant namespace) and their XDM types
 * @param identities identity fields with {@code _tenant} resolved
 */
public record MappingPlan(
    String tenantNamespace,
    List<Mapping> mappings,
    List<String> defaultsAdded,
    Map<String, String> tenantFields,
    List<IdentitySpec> identities) {

  /** Placeholder for the tenant namespace in spec paths. */
  public static final String TENANT_PLACEHOLDER = "_tenant";

  /** ExperienceEvent class: requires {@code _id} and {@code timestamp} (platform-api.md 11). */
  public static final String EXPERIENCE_EVENT = "https://ns.adobe.com/xdm/context/experienceevent";

  /**
   * Stripe's {@code created} is epoch seconds and dformat takes milliseconds (platform-api.md 13,
   * 14; help/data-prep/functions.md): the Platform's validate call checks the expression before
   * use.
   */
  public static final String TIMESTAMP_FROM_CREATED =
      "dformat(data.created * 1000, \"yyyy-MM-dd'T'HH:mm:ss.SSSX\")";

  private static final Pattern SOURCE_PATH =
      Pattern.compile("\\bdata(?:\\.[A-Za-z_][A-Za-z0-9_]*)+");
  private static final Set<String> SCALAR_TYPES =
      Set.of("string", "integer", "number", "boolean", "");

  /** Builds the plan; a mapping the explored source or the class cannot satisfy is InvalidSpec. */
  public static MappingPlan of(
      List<MappingSpec> specMappings,
      List<IdentitySpec> specIdentities,
      String tenantId,
      String classId,
      SourceSchema source,
      String resourcePath) {
    String namespace = "_" + tenantId;
    List<String> problems = new ArrayList<>();
    List<Mapping> mappings = new ArrayList<>();
    Map<String, String> tenantFields = new LinkedHashMap<>();
    for (int i = 0; i < specMappings.size(); i++) {
      MappingSpec m = specMappings.get(i);
      String where = "spec.mapping[" + i + "]";
      String destination = resolve(m.getDestination(), namespace);
      boolean expression = m.effectiveSourceType() == SourceType.EXPRESSION;
      String type = m.getType() == null ? null : m.getType().value();
      if (expression) {
        Matcher paths = SOURCE_PATH.matcher(m.getSource());
        while (paths.find()) {
          checkSource(paths.group(), where, source, resourcePath, problems);
        }
      } else if (checkSource(m.getSource(), where, source, resourcePath, problems)) {
        String sourceType = source.fields().get(m.getSource());
        if (!SCALAR_TYPES.contains(sourceType) && destination.startsWith(namespace + ".")) {
          problems.add(
              where
                  + ": source "
                  + m.getSource()
                  + " is of type "
                  + sourceType
                  + "; map its fields one by one (for example "
                  + firstChild(m.getSource(), source)
                  + ")");
        } else if (type == null) {
          type = sourceType.isEmpty() ? "string" : sourceType;
        }
      }
      if (tenantFields.containsKey(destination)
          || mappings.stream().anyMatch(x -> x.destination().equals(destination))) {
        problems.add(where + ": destination " + m.getDestination() + " is mapped twice");
      }
      if (destination.startsWith(namespace + ".")) {
        tenantFields.put(destination, type == null ? "string" : type);
      }
      mappings.add(
          expression
              ? Mapping.expression(m.getSource(), destination)
              : Mapping.attribute(m.getSource(), destination));
    }
    List<String> defaults = new ArrayList<>();
    if (EXPERIENCE_EVENT.equals(classId)) {
      addDefault(
          mappings,
          defaults,
          problems,
          source,
          "_id",
          Mapping.attribute("data.id", "_id"),
          "data.id");
      addDefault(
          mappings,
          defaults,
          problems,
          source,
          "timestamp",
          Mapping.expression(TIMESTAMP_FROM_CREATED, "timestamp"),
          "data.created");
    }
    List<IdentitySpec> identities = new ArrayList<>();
    for (int i = 0; i < specIdentities.size(); i++) {
      IdentitySpec id = specIdentities.get(i);
      String path = resolve(id.getPath(), namespace);
      String type = tenantFields.get(path);
      if (type == null) {
        problems.add(
            "spec.target.schema.create.identities["
                + i
                + "]: "
                + id.getPath()
                + " is not a _tenant destination of spec.mapping; an identity must be a mapped custom field");
      } else if (!type.equals("string")) {
        problems.add(
            "spec.target.schema.create.identities["
                + i
                + "]: "
                + id.getPath()
                + " is of type "
                + type
                + "; only string fields can be identities");
      }
      identities.add(new IdentitySpec(path, id.getNamespace(), id.isPrimary()));
    }
    if (!problems.isEmpty()) {
      throw new StepFailure(
          FlowConditions.REASON_INVALID_SPEC,
          "The mapping cannot work: " + String.join("; ", problems) + ".",
          StepFailure.Retry.ON_CHANGE);
    }
    return new MappingPlan(
        namespace,
        List.copyOf(mappings),
        List.copyOf(defaults),
        java.util.Collections.unmodifiableMap(tenantFields),
        List.copyOf(identities));
  }

  /** Every destination the mappings write, in order. */
  public List<String> destinations() {
    return mappings.stream().map(Mapping::destination).toList();
  }

  /** A spec path with a leading {@code _tenant} replaced by the namespace. */
  static String resolve(String path, String namespace) {
    if (path.equals(TENANT_PLACEHOLDER)) {
      return namespace;
    }
    return path.startsWith(TENANT_PLACEHOLDER + ".")
        ? namespace + path.substring(TENANT_PLACEHOLDER.length())
        : path;
  }

  private static void addDefault(
      List<Mapping> mappings,
      List<String> defaults,
      List<String> problems,
      SourceSchema source,
      String destination,
      Mapping mapping,
      String needs) {
    if (mappings.stream().anyMatch(m -> m.destination().equals(destination))) {
      return;
    }
    if (!source.fields().containsKey(needs)) {
      problems.add(
          "the ExperienceEvent class requires "
              + destination
              + " and the explored record has no "
              + needs
              + " to fill it by default: map "
              + destination
              + " in spec.mapping");
      return;
    }
    mappings.add(mapping);
    defaults.add(destination + " <- " + mapping.source());
  }

  private static boolean checkSource(
      String path, String where, SourceSchema source, String resourcePath, List<String> problems) {
    if (source.fields().containsKey(path)) {
      return true;
    }
    problems.add(
        where
            + ": source "
            + path
            + " is not a field of the explored Stripe "
            + resourcePath
            + " record"
            + closest(path, source.fields().keySet()).map(c -> " (closest: " + c + ")").orElse(""));
    return false;
  }

  private static String firstChild(String path, SourceSchema source) {
    return source.fields().keySet().stream()
        .filter(f -> f.startsWith(path + "."))
        .findFirst()
        .orElse(path + ".<field>");
  }

  /** The field with the smallest edit distance, when it is reasonably close. */
  static java.util.Optional<String> closest(String wanted, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(wanted, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(3, wanted.length() / 2)
        ? java.util.Optional.of(best)
        : java.util.Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}

package dev.aep.operator.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the API server does to a StripeIngestionFlow at admission, offline: strict field checking,
 * defaulting, the CRD's OpenAPI schema (JSON-schema draft 4) and its CEL x-kubernetes-validations,
 * with transition rules evaluated against the old object on update. Everything is read from the CRD
 * file, so the rules tested are the rules shipped.
 */
final class OfflineAdmission {

  static final String API_VERSION = "flows.aep.dev/v1alpha1";
  static final String KIND = "StripeIngestionFlow";

  /**
   * Reported, like the API server does, when type or enum errors stop the CEL rules from running.
   */
  static final String RULES_NOT_CHECKED =
      "some validation rules were not checked because the object was invalid; correct the existing errors to"
          + " complete validation";

  private static final Set<String> ROOT_FIELDS =
      Set.of("apiVersion", "kind", "metadata", "spec", "status");
  // Type and enum violations are "blocking" in the API server: CEL does not run on such an object.
  private static final Set<String> BLOCKING_KEYWORDS = Set.of("type", "enum");
  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");

  private final Map<String, Object> openApiSchema;
  private final Schema jsonSchema;
  private final Cel cel;
  private final Map<String, CelRuntime.Program> programs = new HashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  private OfflineAdmission(Map<String, Object> openApiSchema) {
    this.openApiSchema = openApiSchema;
    this.jsonSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(toJson(openApiSchema), InputFormat.JSON);
    this.cel =
        CelFactory.standardCelBuilder()
            .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional())
            .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional())
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .build();
  }

  /** Reads the (only) version's openAPIV3Schema from a CRD file. */
  @SuppressWarnings("unchecked")
  static OfflineAdmission fromCrd(Path crdFile) {
    try {
      Map<String, Object> crd =
          new YAMLMapper().readValue(crdFile.toFile(), new TypeReference<>() {});
      Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
      List<Map<String, Object>> versions = (List<Map<String, Object>>) spec.get("versions");
      Map<String, Object> schema = (Map<String, Object>) versions.get(0).get("schema");
      return new OfflineAdmission((Map<String, Object>) schema.get("openAPIV3Schema"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every CEL rule in the schema, so a test can show they all compile. */
  List<String> allRules() {
    List<String> rules = new ArrayList<>();
    collectRules(openApiSchema, rules);
    return rules;
  }

  /**
   * A copy of {@code object} as the API server stores it: nulls pruned, schema defaults filled in.
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> withDefaults(Map<String, Object> object) {
    Map<String, Object> copy = (Map<String, Object>) normalize(object);
    applyDefaults(openApiSchema, copy);
    return copy;
  }

  /** The errors the API server would return for creating {@code object}; empty when admitted. */
  List<String> create(Map<String, Object> object) {
    return admit(null, object);
  }

  /**
   * The errors for replacing {@code oldObject} (as stored, so already admitted) with {@code
   * newObject}.
   */
  List<String> update(Map<String, Object> oldObject, Map<String, Object> newObject) {
    return admit(oldObject, newObject);
  }

  private List<String> admit(Map<String, Object> oldObject, Map<String, Object> newObject) {
    List<String> errors = new ArrayList<>();
    Map<String, Object> object = asMap(normalize(newObject));
    if (!API_VERSION.equals(object.get("apiVersion")) || !KIND.equals(object.get("kind"))) {
      errors.add(
          "not a "
              + KIND
              + " "
              + API_VERSION
              + ": "
              + object.get("apiVersion")
              + " "
              + object.get("kind"));
      return errors;
    }
    Object metadata = object.get("metadata");
    if (!(metadata instanceof Map) || !(((Map<?, ?>) metadata).get("name") instanceof String)) {
      errors.add("metadata.name: Required value: name is required");
    }
    for (String field : object.keySet()) {
      if (!ROOT_FIELDS.contains(field)) {
        errors.add("unknown field \"" + field + "\"");
      }
    }
    collectUnknownFields(openApiSchema, object, "", errors);
    applyDefaults(openApiSchema, object);

    Map<String, Object> validated = new LinkedHashMap<>(object);
    validated.remove(
        "metadata"); // ObjectMeta is validated by the API server itself, not by the CRD schema.
    boolean blocked = false;
    for (Error error : jsonSchema.validate(toJson(validated), InputFormat.JSON)) {
      errors.add(fieldPath(error) + ": " + error.getMessage());
      blocked |= BLOCKING_KEYWORDS.contains(error.getKeyword());
    }
    if (blocked) {
      errors.add(RULES_NOT_CHECKED);
      return errors;
    }

    Map<String, Object> old = null;
    if (oldObject != null) {
      old = asMap(normalize(oldObject));
      applyDefaults(openApiSchema, old);
    }
    evaluateRules(openApiSchema, object, old, old != null, "", errors);
    return errors;
  }

  @SuppressWarnings("unchecked")
  private void evaluateRules(
      Map<String, Object> schema,
      Object value,
      Object oldValue,
      boolean hasOld,
      String path,
      List<String> errors) {
    List<Map<String, Object>> rules =
        (List<Map<String, Object>>) schema.get("x-kubernetes-validations");
    if (rules != null) {
      for (Map<String, Object> rule : rules) {
        String expression = (String) rule.get("rule");
        boolean transition = OLD_SELF.matcher(expression).find();
        if (transition && !hasOld) {
          continue; // the API server skips transition rules on create and for values without an old
          // counterpart
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("self", value);
        if (transition) {
          variables.put("oldSelf", oldValue);
        }
        Object result;
        try {
          result = program(expression).eval(variables);
        } catch (CelEvaluationException e) {
          result = e;
        }
        if (!Boolean.TRUE.equals(result)) {
          String message =
              rule.get("message") != null
                  ? (String) rule.get("message")
                  : "failed rule: " + expression;
          errors.add(
              displayPath(path)
                  + ": Invalid value: \""
                  + typeName(value)
                  + "\": "
                  + message
                  + (result instanceof Exception
                      ? " (rule evaluation error: " + ((Exception) result).getMessage() + ")"
                      : ""));
        }
      }
    }
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    if (properties != null && value instanceof Map) {
      Map<String, Object> object = (Map<String, Object>) value;
      Map<String, Object> oldObject =
          oldValue instanceof Map ? (Map<String, Object>) oldValue : Map.of();
      for (Map.Entry<String, Object> property : properties.entrySet()) {
        if (object.containsKey(property.getKey())) {
          evaluateRules(
              (Map<String, Object>) property.getValue(),
              object.get(property.getKey()),
              oldObject.get(property.getKey()),
              hasOld && oldObject.containsKey(property.getKey()),
              path + "." + property.getKey(),
              errors);
        }
      }
    }
    Map<String, Object> items = (Map<String, Object>) schema.get("items");
    if (items != null && value instanceof List) {
      List<Object> list = (List<Object>) value;
      for (int i = 0; i < list.size(); i++) {
        // Items of atomic lists have no old counterpart: their transition rules do not run (as on
        // the server).
        evaluateRules(items, list.get(i), null, false, path + "[" + i + "]", errors);
      }
    }
  }

  private CelRuntime.Program program(String expression) {
    return programs.computeIfAbsent(
        expression,
        e -> {
          try {
            return cel.createProgram(cel.compile(e).getAst());
          } catch (CelValidationException | CelEvaluationException ex) {
            throw new IllegalStateException(
                "CEL rule does not compile: " + e + ": " + ex.getMessage(), ex);
          }
        });
  }

  /** Compiles a rule, failing with the compiler's message. */
  void compile(String expression) {
    program(expression);
  }

  @SuppressWarnings("unchecked")
  private static void collectRules(Map<String, Object> schema, List<String> rules) {
    List<Map<String, Object>> validations =
        (List<Map<String, Object>>) schema.get("x-kubernetes-validations");
    if (validations != null) {
      validations.forEach(v -> rules.add((String) v.get("rule")));
    }
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    if (properties != null) {
      properties.values().forEach(p -> collectRules((Map<String, Object>) p, rules));
    }
    if (schema.get("items") instanceof Map) {
      collectRules((Map<String, Object>) schema.get("items"), rules);
    }
  }

  /**
   * Strict field validation (kubectl's default): fields the schema does not declare are rejected.
   */
  @SuppressWarnings("unchecked")
  private static void collectUnknownFields(
      Map<String, Object> schema, Object value, String path, List<String> errors) {
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    if (properties != null && value instanceof Map) {
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) value).entrySet()) {
        String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
        Map<String, Object> child = (Map<String, Object>) properties.get(entry.getKey());
        if (child != null) {
          collectUnknownFields(child, entry.getValue(), childPath, errors);
        } else if (!path.isEmpty()) {
          errors.add("unknown field \"" + childPath + "\"");
        }
      }
    }
    Map<String, Object> items = (Map<String, Object>) schema.get("items");
    if (items != null && value instanceof List) {
      List<Object> list = (List<Object>) value;
      for (int i = 0; i < list.size(); i++) {
        collectUnknownFields(items, list.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  /**
   * Structural defaulting: a property's default fills it in when absent, at every level that is
   * present.
   */
  @SuppressWarnings("unchecked")
  private static void applyDefaults(Map<String, Object> schema, Object value) {
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    if (properties != null && value instanceof Map) {
      Map<String, Object> object = (Map<String, Object>) value;
      for (Map.Entry<String, Object> property : properties.entrySet()) {
        Map<String, Object> child = (Map<String, Object>) property.getValue();
        if (!object.containsKey(property.getKey()) && child.containsKey("default")) {
          object.put(property.getKey(), normalize(child.get("default")));
        }
        if (object.containsKey(property.getKey())) {
          applyDefaults(child, object.get(property.getKey()));
        }
      }
    }
    Map<String, Object> items = (Map<String, Object>) schema.get("items");
    if (items != null && value instanceof List) {
      ((List<Object>) value).forEach(item -> applyDefaults(items, item));
    }
  }

  /**
   * A deep, mutable copy in the shapes cel-java handles: nulls dropped (the API server prunes
   * them), integral numbers as Long, other numbers as Double, plain maps and lists.
   */
  static Object normalize(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value)
          .forEach(
              (k, v) -> {
                if (v != null) {
                  copy.put(String.valueOf(k), normalize(v));
                }
              });
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) value) {
        if (item != null) {
          copy.add(normalize(item));
        }
      }
      return copy;
    }
    if (value instanceof Number) {
      Number number = (Number) value;
      if (number instanceof Double
          || number instanceof Float
          || number instanceof java.math.BigDecimal) {
        return number.doubleValue();
      }
      return number.longValue();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  /**
   * A JSON pointer (/spec/mapping/0/source) as Kubernetes prints field paths
   * (spec.mapping[0].source).
   */
  private static String fieldPath(Error error) {
    StringBuilder path = new StringBuilder();
    for (String segment : error.getInstanceLocation().toString().split("/")) {
      if (segment.isEmpty() || segment.equals("$")) {
        continue;
      }
      if (segment.chars().allMatch(Character::isDigit)) {
        path.append('[').append(segment).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(segment);
      }
    }
    return path.length() == 0 ? "<root>" : path.toString();
  }

  private static String displayPath(String path) {
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String typeName(Object value) {
    if (value instanceof Map) {
      return "object";
    }
    if (value instanceof List) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value instanceof Long ? "integer" : "number";
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

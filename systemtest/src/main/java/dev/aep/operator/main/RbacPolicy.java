package dev.aep.operator.main;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The RBAC rules a set of manifests grants a service account: the rules of every Role and
 * ClusterRole that a RoleBinding or ClusterRoleBinding in the same manifests binds to a
 * ServiceAccount.
 */
final class RbacPolicy {
  /** One rule as written in the manifests; namespace is null for a ClusterRole's rules. */
  record Rule(
      String source,
      String namespace,
      List<String> apiGroups,
      List<String> resources,
      List<String> verbs,
      List<String> resourceNames) {

    boolean usesWildcard() {
      return apiGroups.contains("*")
          || resources.contains("*")
          || verbs.contains("*")
          || resources.stream().anyMatch(r -> r.endsWith("/*"));
    }

    boolean grants(ApiAccess access) {
      return (namespace == null || namespace.equals(access.namespace()))
          && apiGroups.contains(access.apiGroup())
          && resources.contains(access.resource())
          && verbs.contains(access.verb())
          && (resourceNames.isEmpty()
              || (access.name() != null && resourceNames.contains(access.name())));
    }
  }

  private final List<Rule> rules;
  private final String serviceAccount;
  private final String namespace;

  private RbacPolicy(List<Rule> rules, String serviceAccount, String namespace) {
    this.rules = List.copyOf(rules);
    this.serviceAccount = serviceAccount;
    this.namespace = namespace;
  }

  /** Reads every YAML document of every {@code .yaml}/{@code .yml} file under a directory. */
  static RbacPolicy load(Path directory) {
    List<JsonNode> docs = new ArrayList<>();
    YAMLMapper yaml = new YAMLMapper(new YAMLFactory());
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList()) {
        try (JsonParser parser = yaml.getFactory().createParser(file.toFile());
            MappingIterator<JsonNode> it = yaml.readValues(parser, JsonNode.class)) {
          while (it.hasNext()) {
            JsonNode doc = it.next();
            if (doc != null && doc.has("kind")) {
              docs.add(doc);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> boundRoles = new HashSet<>();
    String account = null;
    // kustomize puts every namespaced object of the base into the kustomization's namespace.
    String defaultNamespace = null;
    for (JsonNode doc : docs) {
      if (doc.path("kind").asText().equals("Kustomization") && doc.hasNonNull("namespace")) {
        defaultNamespace = doc.path("namespace").asText();
      }
    }
    for (JsonNode doc : docs) {
      String kind = doc.path("kind").asText();
      if (kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) {
        for (JsonNode subject : doc.path("subjects")) {
          if (subject.path("kind").asText().equals("ServiceAccount")) {
            account = subject.path("name").asText();
            boundRoles.add(
                doc.path("roleRef").path("kind").asText()
                    + "/"
                    + doc.path("roleRef").path("name").asText());
          }
        }
      }
    }
    List<Rule> rules = new ArrayList<>();
    for (JsonNode doc : docs) {
      String kind = doc.path("kind").asText();
      String name = doc.path("metadata").path("name").asText();
      if ((kind.equals("Role") || kind.equals("ClusterRole"))
          && boundRoles.contains(kind + "/" + name)) {
        for (JsonNode rule : doc.path("rules")) {
          String namespace =
              kind.equals("ClusterRole")
                  ? null
                  : doc.path("metadata").hasNonNull("namespace")
                      ? doc.path("metadata").path("namespace").asText()
                      : defaultNamespace;
          rules.add(
              new Rule(
                  kind + "/" + name,
                  namespace,
                  strings(rule.path("apiGroups")),
                  strings(rule.path("resources")),
                  strings(rule.path("verbs")),
                  strings(rule.path("resourceNames"))));
        }
      }
    }
    return new RbacPolicy(rules, account, defaultNamespace);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Every rule bound to the service account. */
  List<Rule> rules() {
    return rules;
  }

  /** The service account the bindings name (null when there is none). */
  String serviceAccount() {
    return serviceAccount;
  }

  /** The namespace the operator is installed in (the kustomization's namespace). */
  String namespace() {
    return namespace;
  }

  /** Whether some bound rule grants the access. */
  boolean grants(ApiAccess access) {
    return rules.stream().anyMatch(r -> r.grants(access));
  }
}

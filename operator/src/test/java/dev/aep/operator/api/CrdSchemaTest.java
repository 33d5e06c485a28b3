package dev.aep.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.testing.RepoRoot;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed CRD teaches the API (kubectl explain, kubectl get) and carries the names and rules
 * the README documents.
 */
class CrdSchemaTest {

  private static CustomResourceDefinition crd;
  private static CustomResourceDefinitionVersion version;

  @BeforeAll
  static void load() {
    crd =
        new KubernetesSerialization()
            .unmarshal(RepoRoot.read(RepoFiles.committedCrd()), CustomResourceDefinition.class);
    version = crd.getSpec().getVersions().get(0);
  }

  @Test
  void everyFieldOfTheSchemaHasADescription() {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed("", version.getSchema().getOpenAPIV3Schema(), undescribed);
    assertThat(undescribed).as("fields without a description").isEmpty();
    assertThat(countFields("", version.getSchema().getOpenAPIV3Schema())).isGreaterThan(60);
  }

  @Test
  void namesScopeAndSubresourcesFollowTheDesign() {
    assertThat(crd.getMetadata().getName()).isEqualTo("stripeingestionflows.flows.aep.dev");
    assertThat(crd.getSpec().getGroup()).isEqualTo("flows.aep.dev");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("StripeIngestionFlow");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("sif");
    assertThat(crd.getSpec().getNames().getCategories()).containsExactly("aep");
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getServed()).isTrue();
    assertThat(version.getStorage()).isTrue();
    assertThat(version.getSubresources().getStatus()).isNotNull();
  }

  @Test
  void printerColumnsShowReadinessResourceScheduleFlowLastRunPendingChangesAndAge() {
    List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
    assertThat(columns)
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly(
            "Ready", "Synced", "Resource", "Schedule", "Flow", "Last Run", "Pending", "Age");
    assertThat(columns)
        .extracting(CustomResourceColumnDefinition::getJsonPath)
        .containsExactly(
            ".status.conditions[?(@.type==\"Ready\")].status",
            ".status.conditions[?(@.type==\"Synced\")].status",
            ".spec.resourcePath",
            ".spec.schedule.frequency",
            ".status.flow.id",
            ".status.lastRun.status",
            ".status.pendingChanges",
            ".metadata.creationTimestamp");
  }

  @Test
  void identityFieldsAreImmutableWithAMessageThatSaysToCreateANewFlow() {
    JSONSchemaProps spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    JSONSchemaProps target = spec.getProperties().get("target");
    for (JSONSchemaProps field :
        List.of(
            spec.getProperties().get("resourcePath"),
            spec.getProperties().get("platform").getProperties().get("sandbox"),
            target.getProperties().get("schema"),
            target.getProperties().get("dataset"))) {
      assertThat(field.getXKubernetesValidations())
          .anySatisfy(
              rule -> {
                assertThat(rule.getRule()).isEqualTo("self == oldSelf");
                assertThat(rule.getMessage())
                    .endsWith("is immutable: create a new StripeIngestionFlow instead");
              });
    }
  }

  @Test
  void specRequiresTheFieldsAFlowCannotDoWithout() {
    JSONSchemaProps spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    assertThat(spec.getRequired())
        .containsExactlyInAnyOrder(
            "platform", "stripe", "resourcePath", "target", "mapping", "schedule");
    Map<String, Object> defaults =
        spec.getProperties().entrySet().stream()
            .filter(e -> e.getValue().getDefault() != null)
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getDefault().asText()));
    // deletionPolicy has no schema default: absent means Delete, or Orphan for an adopted flow.
    assertThat(defaults)
        .containsOnly(Map.entry("state", "enabled"), Map.entry("managementPolicy", "Full"));
  }

  @Test
  void conditionsAreAListKeyedByType() {
    JSONSchemaProps conditions =
        version
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("status")
            .getProperties()
            .get("conditions");
    assertThat(conditions.getXKubernetesListType()).isEqualTo("map");
    assertThat(conditions.getXKubernetesListMapKeys()).containsExactly("type");
    assertThat(conditions.getItems().getSchema().getRequired())
        .containsExactlyInAnyOrder("type", "status");
  }

  @Test
  void everyRuleHasAMessage() {
    List<ValidationRule> rules = new ArrayList<>();
    collectRules(version.getSchema().getOpenAPIV3Schema(), rules);
    assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
    assertThat(rules).allSatisfy(rule -> assertThat(rule.getMessage()).isNotBlank());
  }

  private static void collectUndescribed(
      String path, JSONSchemaProps schema, List<String> undescribed) {
    if (schema.getDescription() == null || schema.getDescription().isBlank()) {
      undescribed.add(path.isEmpty() ? "<root>" : path);
    }
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach((name, child) -> collectUndescribed(path + "." + name, child, undescribed));
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      JSONSchemaProps items = schema.getItems().getSchema();
      if (items.getProperties() != null) {
        items
            .getProperties()
            .forEach((name, child) -> collectUndescribed(path + "[]." + name, child, undescribed));
      }
    }
  }

  private static int countFields(String path, JSONSchemaProps schema) {
    List<String> all = new ArrayList<>();
    collectAll(path, schema, all);
    return all.size();
  }

  private static void collectAll(String path, JSONSchemaProps schema, List<String> all) {
    all.add(path);
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, child) -> collectAll(path + "." + name, child, all));
    }
    if (schema.getItems() != null
        && schema.getItems().getSchema() != null
        && schema.getItems().getSchema().getProperties() != null) {
      schema
          .getItems()
          .getSchema()
          .getProperties()
          .forEach((name, child) -> collectAll(path + "[]." + name, child, all));
    }
  }

  private static void collectRules(JSONSchemaProps schema, List<ValidationRule> rules) {
    if (schema.getXKubernetesValidations() != null) {
      rules.addAll(schema.getXKubernetesValidations());
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(child -> collectRules(child, rules));
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      collectRules(schema.getItems().getSchema(), rules);
    }
  }
}

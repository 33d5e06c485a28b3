package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.IdentitySpec;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.XdmType;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.SourceSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingPlanTest {
  private static final String PROFILE = "https://ns.adobe.com/xdm/context/profile";
  private static final SourceSchema CHARGES = source();

  private static SourceSchema source() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("data", "object");
    fields.put("data.id", "string");
    fields.put("data.amount", "integer");
    fields.put("data.captured", "boolean");
    fields.put("data.created", "integer");
    fields.put("data.currency", "string");
    fields.put("data.receipt_email", "string");
    fields.put("data.description", "");
    fields.put("data.payment_method_details", "object");
    fields.put("data.payment_method_details.card", "object");
    fields.put("data.payment_method_details.card.brand", "string");
    return new SourceSchema(fields, List.of());
  }

  private static MappingPlan plan(
      List<MappingSpec> mappings, String classId, List<IdentitySpec> identities) {
    return MappingPlan.of(mappings, identities, "acme", classId, CHARGES, "charges");
  }

  @Test
  void tenantPlaceholderBecomesTheOrgsNamespace() {
    MappingPlan plan =
        plan(List.of(new MappingSpec("data.amount", "_tenant.stripe.amount")), PROFILE, List.of());
    assertThat(plan.tenantNamespace()).isEqualTo("_acme");
    assertThat(plan.mappings())
        .containsExactly(Mapping.attribute("data.amount", "_acme.stripe.amount"));
    assertThat(
            MappingPlan.of(
                    List.of(new MappingSpec("data.amount", "_tenant.stripe.amount")),
                    List.of(),
                    "globex",
                    PROFILE,
                    CHARGES,
                    "charges")
                .mappings()
                .get(0)
                .destination())
        .isEqualTo("_globex.stripe.amount");
  }

  @Test
  void fieldTypesComeFromTheExploredSourceOrTheMappingsType() {
    MappingPlan plan =
        plan(
            List.of(
                new MappingSpec("data.amount", "_tenant.stripe.amount"),
                new MappingSpec("data.captured", "_tenant.stripe.captured"),
                new MappingSpec("data.description", "_tenant.stripe.description"),
                new MappingSpec(
                    "data.payment_method_details.card.brand", "_tenant.stripe.cardBrand"),
                MappingSpec.expression("lower(data.currency)", "_tenant.stripe.currency", null),
                MappingSpec.expression(
                    "dformat(data.created * 1000, \"yyyy-MM-dd\")",
                    "_tenant.stripe.day",
                    XdmType.DATE)),
            PROFILE,
            List.of());
    assertThat(plan.tenantFields())
        .containsExactly(
            Map.entry("_acme.stripe.amount", "integer"),
            Map.entry("_acme.stripe.captured", "boolean"),
            Map.entry("_acme.stripe.description", "string"),
            Map.entry("_acme.stripe.cardBrand", "string"),
            Map.entry("_acme.stripe.currency", "string"),
            Map.entry("_acme.stripe.day", "date"));
  }

  @Test
  void anUnknownSourceIsInvalidSpecNamingTheMappingAndTheClosestField() {
    assertThatThrownBy(
            () ->
                plan(
                    List.of(
                        new MappingSpec("data.amount", "_tenant.stripe.amount"),
                        new MappingSpec("data.amout", "_tenant.stripe.amount2")),
                    PROFILE,
                    List.of()))
        .isInstanceOfSatisfying(
            StepFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo(FlowConditions.REASON_INVALID_SPEC);
              assertThat(f.getMessage())
                  .contains(
                      "spec.mapping[1]",
                      "data.amout",
                      "not a field of the explored Stripe charges record",
                      "closest: data.amount");
            });
  }

  @Test
  void everyPathAnExpressionReadsMustExist() {
    assertThatThrownBy(
            () ->
                plan(
                    List.of(
                        MappingSpec.expression(
                            "concat(data.currency, data.curency)", "_tenant.stripe.c", null)),
                    PROFILE,
                    List.of()))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("spec.mapping[0]: source data.curency")
        .hasMessageContaining("closest: data.currency");
  }

  @Test
  void anObjectSourceForACustomFieldIsRefusedWithItsLeaves() {
    assertThatThrownBy(
            () ->
                plan(
                    List.of(new MappingSpec("data.payment_method_details", "_tenant.stripe.pm")),
                    PROFILE,
                    List.of()))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("is of type object")
        .hasMessageContaining("data.payment_method_details.card");
  }

  @Test
  void experienceEventsGetIdAndTimestampUnlessTheSpecMapsThem() {
    MappingPlan added =
        plan(
            List.of(new MappingSpec("data.amount", "_tenant.stripe.amount")),
            MappingPlan.EXPERIENCE_EVENT,
            List.of());
    assertThat(added.mappings())
        .contains(
            Mapping.attribute("data.id", "_id"),
            Mapping.expression(MappingPlan.TIMESTAMP_FROM_CREATED, "timestamp"));
    assertThat(added.defaultsAdded())
        .containsExactly("_id <- data.id", "timestamp <- " + MappingPlan.TIMESTAMP_FROM_CREATED);

    MappingPlan own =
        plan(
            List.of(
                new MappingSpec("data.receipt_email", "_id"),
                MappingSpec.expression("now()", "timestamp", null)),
            MappingPlan.EXPERIENCE_EVENT,
            List.of());
    assertThat(own.defaultsAdded()).isEmpty();
    assertThat(own.mappings())
        .containsExactly(
            Mapping.attribute("data.receipt_email", "_id"),
            Mapping.expression("now()", "timestamp"));
    assertThat(
            plan(
                    List.of(new MappingSpec("data.amount", "_tenant.stripe.amount")),
                    PROFILE,
                    List.of())
                .defaultsAdded())
        .isEmpty();
  }

  @Test
  void identitiesMustBeMappedStringFields() {
    MappingPlan plan =
        plan(
            List.of(new MappingSpec("data.receipt_email", "_tenant.stripe.email")),
            PROFILE,
            List.of(new IdentitySpec("_tenant.stripe.email", "Email", true)));
    assertThat(plan.identities())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(new IdentitySpec("_acme.stripe.email", "Email", true));

    assertThatThrownBy(
            () ->
                plan(
                    List.of(new MappingSpec("data.amount", "_tenant.stripe.amount")),
                    PROFILE,
                    List.of(new IdentitySpec("_tenant.stripe.amount", "Email", false))))
        .hasMessageContaining(
            "identities[0]: _tenant.stripe.amount is of type integer; only string fields");
    assertThatThrownBy(
            () ->
                plan(
                    List.of(new MappingSpec("data.amount", "_tenant.stripe.amount")),
                    PROFILE,
                    List.of(new IdentitySpec("_tenant.stripe.email", "Email", false))))
        .hasMessageContaining(
            "identities[0]: _tenant.stripe.email is not a _tenant destination of spec.mapping");
  }

  @Test
  void aDestinationMappedTwiceIsRefused() {
    assertThatThrownBy(
            () ->
                plan(
                    List.of(
                        new MappingSpec("data.amount", "_tenant.stripe.amount"),
                        new MappingSpec("data.amount", "_tenant.stripe.amount")),
                    PROFILE,
                    List.of()))
        .hasMessageContaining("spec.mapping[1]: destination _tenant.stripe.amount is mapped twice");
  }
}

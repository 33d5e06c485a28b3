package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.IdentitySpec;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.XdmType;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.SourceSchema;
import dev.aep.operator.testing.FieldTable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MappingPlanTest {
  private static final String PROFILE = "https://ns.adobe.com/xdm/context/profile";
  private static final SourceSchema CHARGES = source();

  private static SourceSchema source() {
    return new SourceSchema(
        FieldTable.of(
            "data:object data.id:string data.amount:integer data.captured:boolean"
                + " data.created:integer data.currency:string data.receipt_email:string"
                + " data.description: data.payment_method_details:object"
                + " data.payment_method_details.card:object"
                + " data.payment_method_details.card.brand:string"),
        List.of());
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
        .containsExactlyEntriesOf(
            FieldTable.of(
                "_acme.stripe.amount:integer _acme.stripe.captured:boolean"
                    + " _acme.stripe.description:string _acme.stripe.cardBrand:string"
                    + " _acme.stripe.currency:string _acme.stripe.day:date"));
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
  void identitiesOnMappedStringFieldsArePlannedInTheTenantNamespace() {
    MappingPlan plan =
        plan(
            List.of(new MappingSpec("data.receipt_email", "_tenant.stripe.email")),
            PROFILE,
            List.of(new IdentitySpec("_tenant.stripe.email", "Email", true)));
    assertThat(plan.identities())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(new IdentitySpec("_acme.stripe.email", "Email", true));
  }

  /** Specs the plan refuses, and what the refusal must say. */
  static Stream<Arguments> refusedSpecs() {
    MappingSpec amount = new MappingSpec("data.amount", "_tenant.stripe.amount");
    return Stream.of(
        refused(
            "an unknown source names the mapping and the closest field",
            List.of(amount, new MappingSpec("data.amout", "_tenant.stripe.amount2")),
            List.of(),
            "spec.mapping[1]",
            "data.amout",
            "not a field of the explored Stripe charges record",
            "closest: data.amount"),
        refused(
            "every path an expression reads must exist",
            List.of(
                MappingSpec.expression(
                    "concat(data.currency, data.curency)", "_tenant.stripe.c", null)),
            List.of(),
            "spec.mapping[0]: source data.curency",
            "closest: data.currency"),
        refused(
            "an object source for a custom field is refused with its leaves",
            List.of(new MappingSpec("data.payment_method_details", "_tenant.stripe.pm")),
            List.of(),
            "is of type object",
            "data.payment_method_details.card"),
        refused(
            "an identity must be a string field",
            List.of(amount),
            List.of(new IdentitySpec("_tenant.stripe.amount", "Email", false)),
            "identities[0]: _tenant.stripe.amount is of type integer; only string fields"),
        refused(
            "an identity must be a mapped _tenant destination",
            List.of(amount),
            List.of(new IdentitySpec("_tenant.stripe.email", "Email", false)),
            "identities[0]: _tenant.stripe.email is not a _tenant destination of spec.mapping"),
        refused(
            "a destination mapped twice is refused",
            List.of(amount, amount),
            List.of(),
            "spec.mapping[1]: destination _tenant.stripe.amount is mapped twice"));
  }

  private static Arguments refused(
      String behaviour,
      List<MappingSpec> mappings,
      List<IdentitySpec> identities,
      String... messageParts) {
    return Arguments.of(behaviour, mappings, identities, List.of(messageParts));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedSpecs")
  void aRefusedSpecIsAnInvalidSpecSayingWhy(
      String behaviour,
      List<MappingSpec> mappings,
      List<IdentitySpec> identities,
      List<String> messageParts) {
    assertThatThrownBy(() -> plan(mappings, PROFILE, identities))
        .isInstanceOfSatisfying(
            StepFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo(FlowConditions.REASON_INVALID_SPEC);
              assertThat(f.getMessage()).contains(messageParts);
            });
  }
}

package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.FieldGroupStatus;
import dev.aep.operator.api.v1alpha1.SchemaTarget;
import dev.aep.operator.platform.FieldGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mapping's field group: steady state costs no read, fields may only be added, and an existing
 * schema needs none.
 */
class FieldGroupStepTest extends SampleFlowPass {
  private static final String EVENT = "https://ns.adobe.com/xdm/context/experienceevent";
  private final FieldGroupStep step = new FieldGroupStep();

  private FieldGroup group(Map<String, String> fields) {
    return new FieldGroup(
        "fg-1",
        "_acme.mixins.fg-1",
        "1.0",
        FieldGroupStep.title(ctx),
        null,
        List.of(EVENT),
        fields);
  }

  @Test
  void theDigestIgnoresOrderAndSeesATypeChange() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("_acme.a", "string");
    ab.put("_acme.b", "integer");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("_acme.b", "integer");
    ba.put("_acme.a", "string");

    assertThat(FieldGroupStep.digest(ab)).isEqualTo(FieldGroupStep.digest(ba)).hasSize(24);
    assertThat(FieldGroupStep.digest(Map.of("_acme.a", "string", "_acme.b", "string")))
        .isNotEqualTo(FieldGroupStep.digest(ab));
  }

  @Test
  void inSteadyStateTheRecordedDigestAnswersWithoutAnyRead() {
    MappingPlan plan = StepKit.plan(ctx);
    status.setFieldGroup(
        new FieldGroupStatus("fg-1", "1.2", FieldGroupStep.digest(plan.tenantFields())));

    FieldGroup seen = step.observe(ctx).orElseThrow();

    assertThat(observer.reads).isEmpty();
    assertThat(seen.id()).isEqualTo("fg-1");
    assertThat(step.diff(ctx, seen).inSync()).isTrue();
  }

  @Test
  void aNewDestinationAddsAFieldWhileARemovedOrRetypedOneIsRefused() {
    Map<String, String> wanted = StepKit.plan(ctx).tenantFields();
    assertThat(wanted).containsEntry("_acme.stripe.amount", "integer");

    Map<String, String> fewer = new LinkedHashMap<>(wanted);
    fewer.remove("_acme.stripe.cardBrand");
    Diff added = step.diff(ctx, group(fewer));
    assertThat(added.replaces()).isFalse();
    assertThat(added.rejects()).isFalse();
    assertThat(added.summary()).isEqualTo("new fields _acme.stripe.cardBrand");
    assertThat(added.ops()).as("a PUT of the whole group, not a JSON Patch").isEmpty();

    Map<String, String> more = new LinkedHashMap<>(wanted);
    more.put("_acme.stripe.gone", "string");
    assertThat(step.diff(ctx, group(more)).rejection())
        .contains("_acme.stripe.gone is no longer mapped");

    Map<String, String> retyped = new LinkedHashMap<>(wanted);
    retyped.put("_acme.stripe.amount", "string");
    assertThat(step.diff(ctx, group(retyped)).rejection())
        .contains(
            "_acme.stripe.amount would change from string to integer", "only additive changes");
  }

  @Test
  void anExistingSchemaNeedsNoFieldGroupAndNothingIsRecorded() {
    flow.getSpec()
        .getTarget()
        .setSchema(SchemaTarget.ofId("https://ns.adobe.com/acme/schemas/existing"));

    FieldGroup none = step.observe(ctx).orElseThrow();
    assertThat(step.managed(ctx)).isFalse();
    assertThat(step.diff(ctx, none).inSync()).isTrue();
    step.record(ctx, none);
    assertThat(status.getFieldGroup()).isNull();
    assertThat(observer.reads).isEmpty();
    assertThat(step.deletesOnCleanup(ctx)).isFalse();
  }
}

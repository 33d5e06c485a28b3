package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.SchemaStatus;
import dev.aep.operator.platform.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The target schema: titles are unique, so a schema with the flow's title is adopted only when it
 * carries the flow's uid; a managed schema is never patched; its identity descriptors survive a
 * re-record of the same schema.
 */
class SchemaStepTest extends SampleFlowPass {
  private static final String EVENT = "https://ns.adobe.com/xdm/context/experienceevent";
  private final SchemaStep step = new SchemaStep();

  private Schema schema(String id, String version, String description) {
    return new Schema(
        id, "_acme.schemas." + id, version, "Stripe charges", description, EVENT, List.of());
  }

  @Test
  void aSchemaWithTheFlowsTitleMadeBySomeoneElseIsAnInvalidSpecNotAdopted() {
    observer.schemas.add(schema("theirs", "1.0", "made by hand"));

    StepFailure failure = catchThrowableOfType(() -> step.observe(ctx), StepFailure.class);

    assertThat(failure.reason()).isEqualTo(FlowConditions.REASON_INVALID_SPEC);
    assertThat(failure.retry()).isEqualTo(StepFailure.Retry.ON_CHANGE);
    assertThat(failure).hasMessageContaining("Stripe charges").hasMessageContaining("theirs");
    assertThat(step.observedFirst(ctx)).as("checked before the first write of a new flow").isTrue();
  }

  @Test
  void aSchemaWithTheFlowsTitleAndUidIsAdoptedAndTheRecordedOneIsReadById() {
    observer.schemas.add(
        schema("ours", "1.0", ctx.remoteDescription("Charges ingested from Stripe")));
    assertThat(step.observe(ctx)).map(Schema::id).contains("ours");
    assertThat(step.owned(ctx)).containsExactly("ours");

    observer.reads.clear();
    status.setSchema(new SchemaStatus("ours", "1.0", true));
    assertThat(step.observe(ctx)).map(Schema::id).contains("ours");
    assertThat(observer.reads).containsExactly("schema ours");
  }

  @Test
  void aManagedSchemaIsNeverPatchedWhateverItsDescription() {
    assertThat(step.diff(ctx, schema("ours", "1.3", "edited in the UI")).inSync()).isTrue();
  }

  @Test
  void reRecordingTheSameSchemaKeepsItsIdentityDescriptorsAnotherSchemaStartsWithout() {
    SchemaStatus recorded = new SchemaStatus("ours", "1.0", true);
    recorded.setIdentityDescriptors(List.of("descriptor-1"));
    status.setSchema(recorded);

    step.record(ctx, schema("ours", "1.1", null));
    assertThat(status.getSchema().getVersion()).isEqualTo("1.1");
    assertThat(status.getSchema().getIdentityDescriptors()).containsExactly("descriptor-1");

    step.record(ctx, schema("other", "1.0", null));
    assertThat(status.getSchema().getIdentityDescriptors()).isEmpty();
  }
}

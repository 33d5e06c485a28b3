package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.DatasetTarget;
import dev.aep.operator.api.v1alpha1.SchemaStatus;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.SchemaRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dataset: never updated, refused when its schema is not the target schema, kept on cleanup by
 * default.
 */
class DatasetStepTest extends SampleFlowPass {
  private final DatasetStep step = new DatasetStep();

  DatasetStepTest() {
    status.setSchema(new SchemaStatus("schema-1", "1.0", true));
  }

  private Dataset dataset(String id, String schemaId, String description) {
    return new Dataset(
        id,
        "Stripe charges",
        description,
        SchemaRef.forDataset(schemaId),
        Map.of(RemoteNames.DATASET_TAG, List.of(RemoteNames.DATASET_TAG_VALUE)),
        "1.0.0",
        1L,
        1L);
  }

  @Test
  void aDatasetOfAnotherSchemaIsRejectedNeverUpdated() {
    assertThat(step.diff(ctx, dataset("d1", "schema-1", null)).inSync()).isTrue();

    Diff other = step.diff(ctx, dataset("d1", "schema-0", null));
    assertThat(other.rejects()).isTrue();
    assertThat(other.rejection()).contains("d1", "schema-0", "schema-1", "cannot change");
  }

  @Test
  void withoutARecordOnlyACopyCarryingTheFlowsUidIsAdopted() {
    observer.datasets.add(dataset("theirs", "schema-1", "a dataset with the same name"));
    assertThat(step.observe(ctx)).isEmpty();

    observer.datasets.add(
        dataset("ours", "schema-1", ctx.remoteDescription("Charges ingested from Stripe")));
    assertThat(step.observe(ctx)).map(Dataset::id).contains("ours");
    step.record(ctx, observer.datasets.get(1));
    assertThat(status.getDataset().getId()).isEqualTo("ours");
    assertThat(status.getDataset().getManaged()).isTrue();
  }

  @Test
  void anExistingDatasetGivenByIdIsCheckedBeforeAnythingIsCreatedAndNeverDeleted() {
    flow.getSpec().getTarget().setDataset(DatasetTarget.ofId("existing"));
    flow.getSpec().getTarget().setDeleteManagedOnDelete(true);

    assertThat(step.managed(ctx)).isFalse();
    assertThat(step.observedFirst(ctx)).isTrue();
    assertThat(step.observe(ctx)).isEmpty();
    assertThat(observer.reads).containsExactly("dataset existing");
    assertThat(step.deletesOnCleanup(ctx)).isFalse();
    step.record(ctx, dataset("existing", "schema-1", null));
    assertThat(status.getDataset().getManaged()).isFalse();
  }
}

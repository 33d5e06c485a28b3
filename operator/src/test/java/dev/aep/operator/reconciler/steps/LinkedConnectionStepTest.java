package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.BaseConnectionStatus;
import dev.aep.operator.api.v1alpha1.ConnectionStatus;
import dev.aep.operator.api.v1alpha1.DatasetStatus;
import dev.aep.operator.api.v1alpha1.DeletionPolicy;
import dev.aep.operator.api.v1alpha1.SchemaStatus;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.SourceConnection;
import dev.aep.operator.platform.SpecRef;
import dev.aep.operator.platform.TargetConnection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Source and target connections ({@link LinkedConnectionStep}): a wrong link replaces, a drifted
 * name or description is patched, a retired or mislinked copy is never adopted, a transitional
 * state waits.
 */
class LinkedConnectionStepTest extends SampleFlowPass {
  private final SourceConnectionStep source = new SourceConnectionStep();
  private final TargetConnectionStep target = new TargetConnectionStep();

  LinkedConnectionStepTest() {
    status.setBaseConnection(new BaseConnectionStatus("base-1", "\"b\"", "7", true));
    status.setSchema(new SchemaStatus("schema-1", "1.0", true));
    status.setDataset(new DatasetStatus("dataset-1", true));
  }

  private SourceConnection sourceConnection(String id, String baseId, String path, String state) {
    return new SourceConnection(
        id,
        "\"etag-" + id + "\"",
        "sif-ns-stripe-charges-source",
        ctx.remoteDescription("Stripe charges for StripeIngestionFlow ns/stripe-charges."),
        state,
        baseId,
        SpecRef.STRIPE_SOURCE,
        "json",
        Map.of("resourcePath", path));
  }

  private TargetConnection targetConnection(String id, String datasetId, String schemaId) {
    return new TargetConnection(
        id,
        "\"etag-" + id + "\"",
        "sif-ns-stripe-charges-target",
        ctx.remoteDescription("Data lake target for StripeIngestionFlow ns/stripe-charges."),
        "enabled",
        SpecRef.DATA_LAKE_TARGET,
        "parquet_xdm",
        schemaId,
        "1.0",
        Map.of("dataSetId", datasetId));
  }

  @Test
  void aSourceConnectionReadingAnotherAccountOrPathIsReplacedNotPatched() {
    assertThat(source.diff(ctx, sourceConnection("s1", "base-1", "charges", "enabled")).inSync())
        .isTrue();

    Diff otherAccount = source.diff(ctx, sourceConnection("s1", "base-0", "charges", "enabled"));
    assertThat(otherAccount.replaces()).isTrue();
    assertThat(otherAccount.replaceReason()).contains("base-0", "base-1");
    assertThat(source.diff(ctx, sourceConnection("s1", "base-1", "refunds", "enabled")).replaces())
        .isTrue();
  }

  @Test
  void aTargetConnectionWritingElsewhereIsReplacedAndADriftedNameIsPatched() {
    assertThat(target.diff(ctx, targetConnection("t1", "dataset-0", "schema-1")).replaces())
        .isTrue();
    assertThat(target.diff(ctx, targetConnection("t1", "dataset-1", "schema-0")).replaces())
        .isTrue();

    TargetConnection t = targetConnection("t1", "dataset-1", "schema-1");
    TargetConnection renamed =
        new TargetConnection(
            t.id(),
            t.etag(),
            "renamed",
            "edited",
            t.state(),
            t.connectionSpec(),
            t.dataFormat(),
            t.schemaId(),
            t.schemaVersion(),
            t.params());
    assertThat(target.diff(ctx, renamed).ops())
        .containsExactly(
            JsonPatchOp.replace("/name", "sif-ns-stripe-charges-target"),
            JsonPatchOp.replace("/description", t.description()));
  }

  @Test
  void aRetiredOrMislinkedCopyIsNeverAdoptedButCountsAsAStray() {
    observer.sourceConnections.add(sourceConnection("retired", "base-1", "charges", "enabled"));
    observer.sourceConnections.add(sourceConnection("mislinked", "base-0", "charges", "enabled"));
    observer.sourceConnections.add(sourceConnection("good", "base-1", "charges", "enabled"));
    ctx.retire("retired");

    assertThat(source.observe(ctx)).map(SourceConnection::id).contains("good");

    source.record(ctx, observer.sourceConnections.get(2));
    assertThat(status.getSourceConnection().getId()).isEqualTo("good");
    assertThat(status.getSourceConnection().getEtag()).isEqualTo("\"etag-good\"");
    assertThat(source.strays(ctx)).containsExactlyInAnyOrder("retired", "mislinked");
  }

  @Test
  void theRecordedConnectionIsReadByIdAndForgottenWhenReplaced() {
    observer.targetConnections.add(targetConnection("t1", "dataset-1", "schema-1"));
    status.setTargetConnection(new ConnectionStatus("t1", "\"old\""));

    assertThat(target.observe(ctx)).map(TargetConnection::id).contains("t1");
    assertThat(observer.reads).containsExactly("targetConnection t1");

    target.forget(ctx);
    assertThat(status.getTargetConnection()).isNull();
  }

  @Test
  void aConnectionInATransitionalStateIsWaitedFor() {
    assertThat(source.notReady(ctx, sourceConnection("s1", "base-1", "charges", "inProgress")))
        .hasValueSatisfying(m -> assertThat(m).contains("s1", "inProgress"));
    assertThat(source.notReady(ctx, sourceConnection("s1", "base-1", "charges", "enabled")))
        .isEmpty();
    assertThat(source.notReady(ctx, sourceConnection("s1", "base-1", "charges", "disabled")))
        .isEmpty();
  }

  @Test
  void connectionsGoWithTheFlowUnlessOrphaned() {
    assertThat(source.deletesOnCleanup(ctx)).isTrue();
    assertThat(target.deletesOnCleanup(ctx)).isTrue();
    flow.getSpec().setDeletionPolicy(DeletionPolicy.ORPHAN);
    assertThat(source.deletesOnCleanup(ctx)).isFalse();
    assertThat(target.deletesOnCleanup(ctx)).isFalse();
  }
}

package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.DatasetCreateSpec;
import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.platform.Dataset;
import dev.aep.operator.platform.DatasetRequest;
import dev.aep.operator.platform.SchemaRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Catalog dataset the flow writes into: created from {@code target.dataset.create} or an
 * existing one verified by {@code target.dataset.id}; it must use the target schema. Datasets hold
 * customer data: cleanup keeps them unless {@code target.deleteManagedOnDelete} is set.
 */
public final class DatasetStep extends Step<Dataset> {

  private final OwnedCopies<Dataset> copies =
      new OwnedCopies<>(
          ctx -> RemoteObjectStatus.managedIdOf(ctx.status().getDataset()),
          (ctx, id) -> ctx.observer().get(Dataset.KIND, id),
          // Only a dataset the operator creates has a name of its own to look for.
          ctx ->
              ctx.spec().getTarget().getDataset().getCreate() == null
                  ? List.of()
                  : ctx.observer()
                      .named(
                          Dataset.KIND, ctx.spec().getTarget().getDataset().getCreate().getName()),
          Dataset::id,
          Dataset::description);

  public DatasetStep() {
    super(StepTraits.object("dataset", "dataset", StepTraits.Cleanup.WITH_DATA), Dataset::id);
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return ctx.spec().getTarget().getDataset().getCreate() != null;
  }

  @Override
  public String missingMessage(FlowContext ctx) {
    return FlowSteps.missing(
        ctx,
        "Dataset",
        ctx.spec().getTarget().getDataset().getId(),
        "spec.target.dataset.id",
        "Use the id of an existing dataset or let the operator create one with"
            + " target.dataset.create.");
  }

  /** An existing dataset given by id must exist before anything is created for the flow. */
  @Override
  public boolean observedFirst(FlowContext ctx) {
    return !managed(ctx);
  }

  @Override
  public Optional<Dataset> observe(FlowContext ctx) {
    if (!managed(ctx)) {
      return ctx.observer().get(Dataset.KIND, ctx.spec().getTarget().getDataset().getId());
    }
    return copies.current(ctx, dataset -> true);
  }

  @Override
  public Dataset create(FlowContext ctx) {
    DatasetCreateSpec spec = ctx.spec().getTarget().getDataset().getCreate();
    String description = ctx.remoteDescription(spec.getDescription());
    SchemaRef schemaRef = SchemaRef.forDataset(schemaId(ctx));
    // The tag lets the operator list only its own datasets (RemoteNames.DATASET_TAG).
    Map<String, List<String>> tags =
        Map.of(RemoteNames.DATASET_TAG, List.of(RemoteNames.DATASET_TAG_VALUE));
    String id =
        ctx.session()
            .catalog()
            .createDataset(new DatasetRequest(spec.getName(), description, schemaRef, tags));
    return new Dataset(id, spec.getName(), description, schemaRef, tags, null, null, null);
  }

  @Override
  public Diff diff(FlowContext ctx, Dataset remote) {
    String schema = remote.schemaRef() == null ? null : remote.schemaRef().id();
    if (!Objects.equals(schema, schemaId(ctx))) {
      return Diff.rejected(
          "Dataset "
              + remote.id()
              + " uses schema "
              + schema
              + " but the flow "
              + "writes with schema "
              + schemaId(ctx)
              + ". A dataset's schema cannot change: use a "
              + "dataset of the target schema.");
    }
    return Diff.none();
  }

  @Override
  public void record(FlowContext ctx, Dataset remote) {
    ctx.status().setDataset(new RemoteObjectStatus(remote.id(), null, managed(ctx)));
  }

  @Override
  public List<String> owned(FlowContext ctx) {
    return copies.owned(ctx);
  }

  @Override
  public boolean delete(FlowContext ctx, String id) {
    return ctx.session().catalog().deleteDataset(id);
  }

  @Override
  public String describe(FlowContext ctx, Dataset remote) {
    return FlowSteps.described("dataset", FlowSteps.quoted(remote.name()), remote.id());
  }

  private static String schemaId(FlowContext ctx) {
    return RemoteObjectStatus.idOf(ctx.status().getSchema());
  }
}

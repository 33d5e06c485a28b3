package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.DeletionPolicy;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The target schema and dataset a flow made are deleted on cleanup only when the spec asks for it
 * with deleteManagedOnDelete, and never when the flow orphans its objects.
 */
class ManagedTargetCleanupTest extends SampleFlowPass {

  static Stream<Named<Step<?>>> targetSteps() {
    return Stream.of(Named.of("schema", new SchemaStep()), Named.of("dataset", new DatasetStep()));
  }

  @ParameterizedTest(name = "a managed {0} is deleted only under Delete with deleteManagedOnDelete")
  @MethodSource("targetSteps")
  void aManagedTargetIsDeletedOnlyUnderDeleteWithDeleteManagedOnDelete(Step<?> step) {
    assertThat(step.deletesOnCleanup(ctx)).isFalse();
    flow.getSpec().getTarget().setDeleteManagedOnDelete(true);
    assertThat(step.deletesOnCleanup(ctx)).isTrue();
    flow.getSpec().setDeletionPolicy(DeletionPolicy.ORPHAN);
    assertThat(step.deletesOnCleanup(ctx)).isFalse();
  }
}

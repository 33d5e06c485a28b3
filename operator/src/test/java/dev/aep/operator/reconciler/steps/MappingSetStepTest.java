package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.MappingSetStatus;
import dev.aep.operator.api.v1alpha1.SchemaStatus;
import dev.aep.operator.platform.Mapping;
import dev.aep.operator.platform.MappingSet;
import dev.aep.operator.platform.SchemaRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mapping set: compared without regard to order or the Platform's source type spelling, found
 * by the uid-carrying name after a crash (newest version), never deleted.
 */
class MappingSetStepTest extends SampleFlowPass {
  private final MappingSetStep step = new MappingSetStep();
  private final String name = "sif-ns-stripe-charges-mapping-" + StepKit.UID;

  MappingSetStepTest() {
    status.setSchema(new SchemaStatus("schema-1", "1.0", true));
  }

  private MappingSet version(String id, int version, String schemaId, List<Mapping> mappings) {
    return new MappingSet(id, version, name, SchemaRef.forMapping(schemaId), mappings, 1L, 1L);
  }

  /**
   * The plan's mappings as a read answers them: another order, attributes as text/x.schema-path.
   */
  private List<Mapping> asRead(List<Mapping> planned) {
    List<Mapping> read = new ArrayList<>();
    for (Mapping m : planned) {
      read.add(
          new Mapping(
              m.sourceType().equals(Mapping.EXPRESSION) ? "expression" : "text/x.schema-path",
              m.source(),
              m.destination()));
    }
    Collections.reverse(read);
    return read;
  }

  @Test
  void theSameMappingsInAnotherOrderAndSpellingAreInSync() {
    List<Mapping> planned = StepKit.plan(ctx).mappings();

    assertThat(step.diff(ctx, version("m1", 0, "schema-1", asRead(planned))).inSync()).isTrue();
  }

  @Test
  void anotherOutputSchemaOrAChangedMappingIsAnUpdateNeverAReplace() {
    List<Mapping> planned = StepKit.plan(ctx).mappings();
    assertThat(step.diff(ctx, version("m1", 0, "schema-0", planned)).summary())
        .isEqualTo("output schema");

    List<Mapping> changed = new ArrayList<>(planned);
    changed.set(0, Mapping.expression("upper(data.id)", planned.get(0).destination()));
    Diff diff = step.diff(ctx, version("m1", 0, "schema-1", changed));
    assertThat(diff.summary()).isEqualTo("mappings");
    assertThat(diff.replaces()).isFalse();
    assertThat(diff.ops()).as("a PUT, not a JSON Patch").isEmpty();
  }

  @Test
  void theRecordedVersionIsReadElseTheNewestVersionCarryingTheFlowsName() {
    List<Mapping> planned = StepKit.plan(ctx).mappings();
    observer.mappingSets.add(version("m1", 0, "schema-1", planned));
    observer.mappingSets.add(version("m1", 2, "schema-1", planned));
    observer.mappingSets.add(version("m1", 1, "schema-1", planned));

    assertThat(step.observe(ctx)).map(MappingSet::version).contains(2);

    status.setMappingSet(new MappingSetStatus("m1", 1L));
    observer.reads.clear();
    assertThat(step.observe(ctx)).map(MappingSet::version).contains(1);
    assertThat(observer.reads).containsExactly("mappingSet m1 version 1");

    step.record(ctx, observer.mappingSets.get(1));
    assertThat(status.getMappingSet().getVersion()).isEqualTo(2L);
    assertThat(step.brief(ctx, observer.mappingSets.get(1))).isEqualTo("mapping set m1 version 2");
  }

  @Test
  void mappingSetsAreNeverDeleted() {
    flow.getSpec().getTarget().setDeleteManagedOnDelete(true);
    assertThat(step.deletesOnCleanup(ctx)).isFalse();
  }
}

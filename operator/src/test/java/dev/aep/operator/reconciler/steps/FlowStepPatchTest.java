package dev.aep.operator.reconciler.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.platform.Flow;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.Transformation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mapping PATCH addresses the Mapping transformation where the observed flow has it
 * (platform-api.md 16).
 */
class FlowStepPatchTest {
  private static Flow flow(List<Transformation> transformations) {
    return new Flow(
        "f",
        "\"e\"",
        "n",
        null,
        "enabled",
        null,
        List.of("s"),
        List.of("t"),
        transformations,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void mappingIsReplacedAtItsRealIndex() {
    Flow remote =
        flow(List.of(new Transformation("Other", null, null), Transformation.mapping("m", 0)));
    JsonPatchOp op = FlowStep.mappingPatch(remote, Transformation.mapping("m", 1)).orElseThrow();
    assertThat(op.op()).isEqualTo(JsonPatchOp.Op.REPLACE);
    assertThat(op.path()).isEqualTo("/transformations/1");
  }

  @Test
  void missingMappingIsAppendedAndAnEqualOneIsLeftAlone() {
    assertThat(
            FlowStep.mappingPatch(flow(List.of()), Transformation.mapping("m", 0))
                .orElseThrow()
                .path())
        .isEqualTo("/transformations/-");
    assertThat(
            FlowStep.mappingPatch(
                flow(List.of(Transformation.mapping("m", 0))), Transformation.mapping("m", 0)))
        .isEmpty();
  }
}

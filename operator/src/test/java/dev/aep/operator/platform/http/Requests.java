package dev.aep.operator.platform.http;

import dev.aep.operator.platform.FlowRequest;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.ScheduleParams;
import dev.aep.operator.platform.SourceConnectionRequest;
import dev.aep.operator.platform.Transformation;
import java.util.List;

/** Requests the client tests send, with the values {@link RequestShapeTest} reads back. */
final class Requests {
  /** A Stripe flow from source s1 to target t1 through mapping m1, every 15 minutes. */
  static final FlowRequest NEW_FLOW =
      FlowRequest.stripe(
          "n",
          "d",
          "s1",
          "t1",
          Transformation.mapping("m1", 0),
          new ScheduleParams("minute", 15, 1710267858L, true));

  /** A source connection reading charges through base connection b. */
  static final SourceConnectionRequest NEW_SOURCE =
      SourceConnectionRequest.stripe("n", null, "b", "charges");

  static final List<JsonPatchOp> RENAME = List.of(JsonPatchOp.replace("/name", "x"));

  private Requests() {}
}

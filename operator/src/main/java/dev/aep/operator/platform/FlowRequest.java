package dev.aep.operator.platform;

import java.util.List;

/**
 * Body of {@code POST /flows} (a flow is created enabled; state is not part of a create).
 *
 * @param name name
 * @param description description, may be null
 * @param flowSpec flow spec
 * @param sourceConnectionIds source connections
 * @param targetConnectionIds target connections
 * @param transformations transformations
 * @param scheduleParams schedule
 */
public record FlowRequest(
    String name,
    String description,
    SpecRef flowSpec,
    List<String> sourceConnectionIds,
    List<String> targetConnectionIds,
    List<Transformation> transformations,
    ScheduleParams scheduleParams) {

  public FlowRequest {
    sourceConnectionIds = Copies.list(sourceConnectionIds);
    targetConnectionIds = Copies.list(targetConnectionIds);
    transformations = Copies.list(transformations);
  }

  /** A Stripe dataflow from one source to one target through one mapping set version. */
  public static FlowRequest stripe(
      String name,
      String description,
      String sourceConnectionId,
      String targetConnectionId,
      Transformation mapping,
      ScheduleParams schedule) {
    return new FlowRequest(
        name,
        description,
        SpecRef.STRIPE_FLOW,
        List.of(sourceConnectionId),
        List.of(targetConnectionId),
        List.of(mapping),
        schedule);
  }
}

package dev.aep.operator.platform;

import java.util.List;
import java.util.Optional;

/**
 * A Flow Service dataflow as read back.
 *
 * @param id flow id
 * @param etag exact etag including quotes
 * @param name name
 * @param description description, may be null
 * @param state {@code enabled} or {@code disabled}
 * @param flowSpec flow spec
 * @param sourceConnectionIds source connections
 * @param targetConnectionIds target connections
 * @param transformations transformations (the Mapping one)
 * @param scheduleParams schedule, may be null
 * @param lastRunDetails last run summary, may be null
 * @param createdAt epoch milliseconds, may be null
 * @param updatedAt epoch milliseconds, may be null
 * @param options ingestion options, null when the flow has none
 */
public record Flow(
    String id,
    String etag,
    String name,
    String description,
    String state,
    SpecRef flowSpec,
    List<String> sourceConnectionIds,
    List<String> targetConnectionIds,
    List<Transformation> transformations,
    ScheduleParams scheduleParams,
    LastRunDetails lastRunDetails,
    Long createdAt,
    Long updatedAt,
    FlowOptions options)
    implements FlowServiceObject {

  public Flow {
    sourceConnectionIds = Copies.list(sourceConnectionIds);
    targetConnectionIds = Copies.list(targetConnectionIds);
    transformations = Copies.list(transformations);
  }

  /**
   * A flow just created from {@code request}: only what was sent, enabled (a new flow is,
   * platform-api.md 2.6), nothing the Platform did not answer.
   */
  public static Flow created(EntityRef ref, FlowRequest request) {
    return new Flow(
        ref.id(),
        ref.etag(),
        request.name(),
        request.description(),
        "enabled",
        request.flowSpec(),
        request.sourceConnectionIds(),
        request.targetConnectionIds(),
        request.transformations(),
        request.scheduleParams(),
        null,
        null,
        null,
        null);
  }

  /** This flow after a write that answered a new etag and left it in {@code newState}. */
  public Flow with(String newEtag, String newState) {
    return new Flow(
        id,
        newEtag,
        name,
        description,
        newState,
        flowSpec,
        sourceConnectionIds,
        targetConnectionIds,
        transformations,
        scheduleParams,
        lastRunDetails,
        createdAt,
        updatedAt,
        options);
  }

  /** Whether the flow runs on its schedule. */
  public boolean isEnabled() {
    return "enabled".equalsIgnoreCase(state);
  }

  /**
   * Whether the flow is between states (updating, disabling, delete-finalizing, ...): the Platform
   * refuses updates and actions then (platform-api.md 16). [INF] Any state other than enabled,
   * disabled or initializing (where updates are allowed, 2.1) counts; an unknown state is waited
   * out rather than acted on.
   */
  public boolean isTransitional() {
    return state != null
        && !"enabled".equalsIgnoreCase(state)
        && !"disabled".equalsIgnoreCase(state)
        && !"initializing".equalsIgnoreCase(state);
  }

  /** The position of the {@code Mapping} transformation in {@link #transformations()}, or -1. */
  public int mappingIndex() {
    for (int i = 0; i < transformations.size(); i++) {
      if (Transformation.MAPPING.equalsIgnoreCase(transformations.get(i).name())) {
        return i;
      }
    }
    return -1;
  }

  /** The {@code Mapping} transformation, if any. */
  public Optional<Transformation> mapping() {
    return transformations.stream()
        .filter(t -> Transformation.MAPPING.equalsIgnoreCase(t.name()))
        .findFirst();
  }

  /** {@code /flows} of Flow Service. */
  public static final RemoteKind<Flow, FlowRequest> KIND =
      new RemoteKind<>("flow", s -> s.flowService().flows(), FlowRequest::name);
}

package dev.aep.operator.testing;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Small readers of a flow's conditions for tests. */
public final class FlowAssertions {
  private FlowAssertions() {}

  /** The condition of {@code type}, if set. */
  public static Optional<Condition> condition(StripeIngestionFlow flow, String type) {
    if (flow.getStatus() == null || flow.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return flow.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  /** Whether Ready is True for the flow's current generation. */
  public static boolean readyForGeneration(StripeIngestionFlow flow) {
    return condition(flow, FlowConditions.READY)
            .filter(c -> FlowConditions.STATUS_TRUE.equals(c.getStatus()))
            .filter(
                c -> Objects.equals(c.getObservedGeneration(), flow.getMetadata().getGeneration()))
            .isPresent()
        && condition(flow, FlowConditions.SYNCED)
            .filter(c -> FlowConditions.STATUS_TRUE.equals(c.getStatus()))
            .isPresent();
  }

  /** The message of the condition of {@code type}, or "" when it is not set. */
  public static String message(StripeIngestionFlow flow, String type) {
    return condition(flow, type).map(Condition::getMessage).orElse("");
  }

  /** The message of the Ready condition, or "" when it is not set. */
  public static String readyMessage(StripeIngestionFlow flow) {
    return message(flow, FlowConditions.READY);
  }

  /** Whether the condition of {@code type} has {@code reason}. */
  public static boolean hasReason(StripeIngestionFlow flow, String type, String reason) {
    return condition(flow, type).filter(c -> reason.equals(c.getReason())).isPresent();
  }

  /** As a condition to wait for: the condition of {@code type} has {@code reason}. */
  public static Predicate<StripeIngestionFlow> withReason(String type, String reason) {
    return flow -> hasReason(flow, type, reason);
  }

  /** As a condition to wait for: the flow's base connection carries this Secret version. */
  public static Predicate<StripeIngestionFlow> usesSecretVersion(String resourceVersion) {
    return flow ->
        resourceVersion.equals(flow.getStatus().getBaseConnection().getCredentialsVersion());
  }

  /** The same for a Secret as written: its current resource version. */
  public static Predicate<StripeIngestionFlow> usesSecret(Secret secret) {
    return usesSecretVersion(secret.getMetadata().getResourceVersion());
  }

  /** How status, Events and plans name the eight Platform objects of a flow, in creation order. */
  public static final List<String> OBJECT_NAMES =
      List.of(
          "base connection",
          "source connection",
          "field group",
          "schema",
          "dataset",
          "target connection",
          "mapping set",
          "flow");

  /** The ids of the eight Platform objects a flow owns, in the order a pass creates them. */
  public static List<String> createdIds(StripeIngestionFlowStatus s) {
    return List.of(
        s.getBaseConnection().getId(),
        s.getSourceConnection().getId(),
        s.getFieldGroup().getId(),
        s.getSchema().getId(),
        s.getDataset().getId(),
        s.getTargetConnection().getId(),
        s.getMappingSet().getId(),
        s.getFlow().getId());
  }
}

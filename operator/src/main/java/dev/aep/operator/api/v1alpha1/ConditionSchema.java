package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Schema-only twin of fabric8's {@code Condition}, so the CRD describes every condition field for
 * kubectl explain; the status itself holds fabric8 {@code Condition} objects. Only its fields
 * matter (nothing reads one), so the generator reads them directly.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class ConditionSchema {

  @Required
  @JsonPropertyDescription("Condition type: Ready or Synced.")
  private String type;

  @Required
  @JsonPropertyDescription("True, False or Unknown.")
  private String status;

  @JsonPropertyDescription(
      "CamelCase reason: Available, Creating, Updating, RunFailed, ReconcileSuccess, ReconcileError, InvalidSpec,"
          + " SecretNotFound, AuthFailed, RemoteConflict, RateLimited, PlatformBusy, PlatformUnavailable, Paused,"
          + " Observed or DriftObserved.")
  private String reason;

  @JsonPropertyDescription("What happened and, on failure, what to do about it.")
  private String message;

  @JsonPropertyDescription("The metadata.generation this condition was computed for.")
  private Long observedGeneration;

  @JsonPropertyDescription("When status last changed (RFC 3339).")
  private String lastTransitionTime;

  private ConditionSchema() {}
}

package dev.aep.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.Objects;

/**
 * Writes a flow's status with a JSON Patch of the status subresource and puts the result in JOSDK's
 * cache, so the next pass sees ids written moments ago even if the informer lags. Writes nothing
 * when the status did not change: the two are compared as the JSON the API server would store, so
 * the model classes need no hand-written equals.
 */
final class StatusWriter {

  /** Returns the flow as now stored (unchanged when there was nothing to write). */
  StripeIngestionFlow write(
      StripeIngestionFlow current,
      StripeIngestionFlowStatus status,
      Context<StripeIngestionFlow> context) {
    KubernetesSerialization json = context.getClient().getKubernetesSerialization();
    if (Objects.equals(asJson(json, current.getStatus()), asJson(json, status))) {
      return current;
    }
    StripeIngestionFlowStatus copy = json.clone(status);
    return PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(
        current,
        context,
        r -> {
          r.setStatus(copy);
          return r;
        });
  }

  private static JsonNode asJson(KubernetesSerialization json, StripeIngestionFlowStatus status) {
    return status == null ? null : json.convertValue(status, JsonNode.class);
  }
}

package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.Objects;

/**
 * Writes a flow's status with a JSON Patch of the status subresource and puts the result in
 * JOSDK's cache, so the next pass sees ids written moments ago even if the informer lags. Writes
 * nothing when the status did not change.
 */
final class StatusWriter {

  /** Returns the flow as now stored (unchanged when there was nothing to write). */
  StripeIngestionFlow write(StripeIngestionFlow current, StripeIngestionFlowStatus status,
      Context<StripeIngestionFlow> context) {
    if (Objects.equals(current.getStatus(), status)) {
      return current;
    }
    StripeIngestionFlowStatus copy =
        context.getClient().getKubernetesSerialization().clone(status);
    return PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(current, context, r -> {
      r.setStatus(copy);
      return r;
    });
  }
}

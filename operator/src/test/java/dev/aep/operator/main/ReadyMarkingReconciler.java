package dev.aep.operator.main;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Scratch reconciler that marks flows Ready. */
class ReadyMarkingReconciler implements Reconciler<StripeIngestionFlow> {
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public UpdateControl<StripeIngestionFlow> reconcile(StripeIngestionFlow flow, Context<StripeIngestionFlow> context) {
    calls.incrementAndGet();
    StripeIngestionFlowStatus s = new StripeIngestionFlowStatus();
    s.setObservedGeneration(flow.getMetadata().getGeneration());
    s.setConditions(new ArrayList<>(List.of(new ConditionBuilder().withType("Ready").withStatus("True").withReason("Available").build())));
    flow.setStatus(s);
    return UpdateControl.patchStatus(flow);
  }
}

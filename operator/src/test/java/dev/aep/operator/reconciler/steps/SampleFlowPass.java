package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;

/**
 * What every focused step test starts from: one pass over the sample flow with an empty status,
 * reading through an in-memory observer. A test class extends it and fills status and observer.
 */
abstract class SampleFlowPass {
  final StepKit.FakeObserver observer = new StepKit.FakeObserver();
  final StripeIngestionFlow flow = StepKit.sample();
  final StripeIngestionFlowStatus status = new StripeIngestionFlowStatus();
  final FlowContext ctx = StepKit.context(flow, status, observer);
}

package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.FlowStatus;
import dev.aep.operator.api.v1alpha1.Frequency;
import dev.aep.operator.api.v1alpha1.ManagementPolicy;
import dev.aep.operator.api.v1alpha1.PlannedChange;
import dev.aep.operator.api.v1alpha1.RunStatus;
import dev.aep.operator.api.v1alpha1.ScheduleSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.reconciler.observe.BulkObservation;
import dev.aep.operator.reconciler.observe.Observation;
import dev.aep.operator.reconciler.steps.Adoption;
import dev.aep.operator.reconciler.steps.Credentials;
import dev.aep.operator.reconciler.steps.FlowContext;
import dev.aep.operator.reconciler.steps.FlowSteps;
import dev.aep.operator.reconciler.steps.NotReady;
import dev.aep.operator.reconciler.steps.PlatformFacts;
import dev.aep.operator.reconciler.steps.Step;
import dev.aep.operator.reconciler.steps.StepFailure;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a StripeIngestionFlow the way the Stripe tutorial builds one by hand: connect
 * (Secrets, token), then base connection, explore, source connection, schema, dataset, target
 * connection, mapping set, flow and run monitoring; then status. Cleanup runs the steps in reverse.
 * Secrets are watched, so a rotated Stripe key is pushed without waiting for a resync.
 */
public class StripeIngestionFlowReconciler
    implements Reconciler<StripeIngestionFlow>, Cleaner<StripeIngestionFlow> {

  /** Name of the Secret event source. */
  public static final String SECRET_EVENT_SOURCE = "secrets";

  private static final Logger LOG = LoggerFactory.getLogger(StripeIngestionFlowReconciler.class);

  private final Platform platform;
  private final ReconcilerSettings settings;
  private final List<Step<?>> steps = FlowSteps.tutorialOrder();
  private final StepExecutor executor;
  private final Backoff backoff;

  /** How often a paused flow checks whether its pause annotation is gone. */
  static final Duration PAUSED_POLL = Duration.ofSeconds(30);

  private final BusySince busySince;
  private final FlowEvents events;
  private final FlowPass.Outputs outputs;
  private final Observation observation;
  private final PlatformFacts facts = new PlatformFacts();
  private volatile InformerEventSource<Secret, StripeIngestionFlow> secrets;

  public StripeIngestionFlowReconciler(Platform platform, ReconcilerSettings settings) {
    this(platform, settings, CreationObserver.NONE);
  }

  /**
   * A reconciler that tells {@code creations} of every object it creates (crash tests); it observes
   * the Platform through {@link BulkObservation} (per-sandbox snapshots refreshed by one list per
   * kind and resync).
   */
  StripeIngestionFlowReconciler(
      Platform platform, ReconcilerSettings settings, CreationObserver creations) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.observation = new BulkObservation(settings.resyncInterval(), settings.clock());
    this.executor = new StepExecutor(settings.maxConflictRetries(), creations);
    this.backoff = new Backoff(settings.retryBackoff().initial(), settings.retryBackoff().max());
    this.busySince = new BusySince(settings.clock());
    this.events = new FlowEvents(settings.clock(), settings.eventDedupeWindow());
    this.outputs = new FlowPass.Outputs(new StatusWriter(), events, settings.clock());
  }

  @Override
  public List<EventSource<?, StripeIngestionFlow>> prepareEventSources(
      EventSourceContext<StripeIngestionFlow> context) {
    IndexerResourceCache<StripeIngestionFlow> flows = context.getPrimaryCache();
    InformerEventSourceConfiguration<Secret> config =
        InformerEventSourceConfiguration.from(Secret.class, StripeIngestionFlow.class)
            .withName(SECRET_EVENT_SOURCE)
            .withSecondaryToPrimaryMapper(secret -> flowsReferencing(flows, secret))
            .build();
    secrets = new InformerEventSource<>(config, context);
    return List.of(secrets);
  }

  @Override
  public UpdateControl<StripeIngestionFlow> reconcile(
      StripeIngestionFlow flow, Context<StripeIngestionFlow> context) {
    FlowPass pass = new FlowPass(flow, context, outputs);
    String key = flow.getMetadata().getUid();
    if (paused(flow)
        || flow.getSpec().effectiveManagementPolicy() == ManagementPolicy.OBSERVE_ONLY) {
      return observeOnly(flow, context, pass, key);
    }
    try {
      FlowContext ctx = connect(flow, pass, context, true);
      Adoption.adopt(ctx);
      executor.apply(steps, ctx, pass, !pass.wasReady());
      recordPlan(ctx.status(), List.of());
      if (runLostData(ctx.status().getLastRun())) {
        pass.runFailed(readyMessage(ctx), syncedMessage(ctx));
      } else {
        pass.succeeded(readyMessage(ctx), syncedMessage(ctx));
      }
      backoff.reset(key);
      busySince.reset(key);
      return UpdateControl.<StripeIngestionFlow>noUpdate()
          .rescheduleAfter(settings.jitteredResync());
    } catch (NotReady waiting) {
      pass.waiting(waiting);
      return UpdateControl.<StripeIngestionFlow>noUpdate().rescheduleAfter(backoff.next(key, null));
    } catch (RuntimeException e) {
      StepFailure failure =
          busySince.annotate(key, ErrorClassifier.classify(e, "reconciling", flow), ready(flow));
      LOG.info(
          "{}/{}: {} - {}",
          flow.getMetadata().getNamespace(),
          flow.getMetadata().getName(),
          failure.reason(),
          failure.getMessage());
      pass.failed(failure, "");
      return retry(UpdateControl.<StripeIngestionFlow>noUpdate(), failure, key);
    }
  }

  /**
   * A pass that must not write (the flow is paused, or managed ObserveOnly): the same reads as a
   * full pass, and status.plan says what a full pass would write. Ready says whether every object
   * exists; Synced whether anything differs.
   */
  private UpdateControl<StripeIngestionFlow> observeOnly(
      StripeIngestionFlow flow, Context<StripeIngestionFlow> context, FlowPass pass, String key) {
    boolean paused = paused(flow);
    try {
      FlowContext ctx = connect(flow, pass, context, true);
      Adoption.adopt(ctx);
      List<PlannedChange> plan = executor.plan(steps, ctx);
      recordPlan(ctx.status(), plan);
      String reason =
          paused
              ? FlowConditions.REASON_PAUSED
              : plan.isEmpty()
                  ? FlowConditions.REASON_OBSERVED
                  : FlowConditions.REASON_DRIFT_OBSERVED;
      String why =
          paused
              ? "Paused by annotation "
                  + FlowConditions.PAUSED_ANNOTATION
                  + ": no Platform writes. "
              : "managementPolicy ObserveOnly: no Platform writes. ";
      String pending =
          plan.isEmpty()
              ? "The Platform matches the spec."
              : plan.size()
                  + " change(s) pending (status.plan): "
                  + PlannedChanges.summary(plan)
                  + ". "
                  + (paused
                      ? "Remove the annotation to apply them."
                      : "Set managementPolicy: Full to apply them.");
      long missing = plan.stream().filter(c -> "create".equals(c.getOperation())).count();
      boolean ready =
          missing == 0 && ctx.status().getFlow() != null && !runLostData(ctx.status().getLastRun());
      String readyMessage =
          missing > 0
              ? missing + " Platform object(s) of this flow do not exist (status.plan)."
              : ctx.status().getFlow() == null ? "The dataflow does not exist." : readyMessage(ctx);
      pass.observed(
          ready,
          ready
              ? FlowConditions.REASON_AVAILABLE
              : missing == 0 && ctx.status().getFlow() != null
                  ? FlowConditions.REASON_RUN_FAILED
                  : reason,
          readyMessage,
          !paused && plan.isEmpty(),
          reason,
          why + pending);
      backoff.reset(key);
      busySince.reset(key);
      return UpdateControl.<StripeIngestionFlow>noUpdate().rescheduleAfter(observeInterval(paused));
    } catch (NotReady waiting) {
      pass.waiting(waiting);
      return UpdateControl.<StripeIngestionFlow>noUpdate().rescheduleAfter(observeInterval(paused));
    } catch (RuntimeException e) {
      StepFailure failure =
          busySince.annotate(key, ErrorClassifier.classify(e, "observing", flow), ready(flow));
      pass.failed(
          failure, paused ? "Paused; observing failed: " : "ObserveOnly; observing failed: ");
      return retry(UpdateControl.<StripeIngestionFlow>noUpdate(), failure, key);
    }
  }

  /**
   * How soon a paused or observed flow is looked at again. Removing the pause annotation does not
   * change the generation, so the controller is not told: a paused flow polls at most every {@link
   * #PAUSED_POLL} to notice it.
   */
  private Duration observeInterval(boolean paused) {
    Duration resync = settings.jitteredResync();
    return paused && resync.compareTo(PAUSED_POLL) > 0 ? PAUSED_POLL : resync;
  }

  private static void recordPlan(StripeIngestionFlowStatus status, List<PlannedChange> plan) {
    status.setPlan(
        new ArrayList<>(
            plan.subList(0, Math.min(plan.size(), StripeIngestionFlowStatus.PLAN_LIMIT))));
    status.setPendingChanges(plan.size());
  }

  private static boolean paused(StripeIngestionFlow flow) {
    Map<String, String> annotations = flow.getMetadata().getAnnotations();
    return annotations != null
        && "true".equalsIgnoreCase(annotations.get(FlowConditions.PAUSED_ANNOTATION));
  }

  @Override
  public DeleteControl cleanup(StripeIngestionFlow flow, Context<StripeIngestionFlow> context) {
    FlowPass pass = new FlowPass(flow, context, outputs);
    String key = flow.getMetadata().getUid();
    if (paused(flow)) {
      // The finalizer stays: deleting now would be a Platform write the pause forbids.
      String message =
          "Deletion waits: the flow is paused (annotation "
              + FlowConditions.PAUSED_ANNOTATION
              + "). Remove the annotation to delete its Platform objects per deletionPolicy "
              + flow.getSpec().effectiveDeletionPolicy().value()
              + ", or set deletionPolicy: Orphan first to keep them.";
      pass.observed(
          false,
          FlowConditions.REASON_PAUSED,
          message,
          false,
          FlowConditions.REASON_PAUSED,
          message);
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(observeInterval(true));
    }
    if (flow.getSpec().effectiveManagementPolicy() == ManagementPolicy.OBSERVE_ONLY) {
      pass.event(
          "Orphaned",
          "Left the flow's Platform objects in place (managementPolicy ObserveOnly never"
              + " writes to the Platform)");
      forget(flow);
      return DeleteControl.defaultDelete();
    }
    FlowContext probe =
        new FlowContext(
            flow,
            pass.working(),
            null,
            null,
            null,
            settings.clock(),
            null,
            new FlowContext.Scratch());
    if (steps.stream().noneMatch(step -> step.deletesOnCleanup(probe))) {
      pass.event(
          "Orphaned",
          "Left the flow's Platform objects in place (deletionPolicy "
              + flow.getSpec().effectiveDeletionPolicy().value()
              + ")");
      forget(flow);
      return DeleteControl.defaultDelete();
    }
    try {
      FlowContext ctx = connect(flow, pass, context, false);
      executor.delete(steps, ctx, pass);
      pass.cleanedUp();
      forget(flow);
      return DeleteControl.defaultDelete();
    } catch (RuntimeException e) {
      StepFailure failure =
          busySince.annotate(
              key, ErrorClassifier.classify(e, "deleting Platform objects", flow), ready(flow));
      pass.failed(failure, "Deletion is blocked: ");
      DeleteControl control = DeleteControl.noFinalizerRemoval();
      if (failure.retry() == StepFailure.Retry.ON_CHANGE) {
        // Nothing will change by itself; look again at the resync pace.
        return control.rescheduleAfter(settings.jitteredResync());
      }
      return retry(control, failure, key);
    }
  }

  /** Step one of the tutorial: read the Secrets and open a Platform session for the sandbox. */
  private FlowContext connect(
      StripeIngestionFlow flow,
      FlowPass pass,
      Context<StripeIngestionFlow> context,
      boolean withStripe) {
    Credentials credentials =
        new SecretResolver((ns, name) -> secret(context.getClient(), ns, name))
            .resolve(flow, withStripe);
    PlatformSession session =
        platform.session(credentials.account(), flow.getSpec().getPlatform().getSandbox());
    String sandbox = flow.getSpec().getPlatform().getSandbox();
    Observation.Observed observed = observation.open(session, () -> siblings(context, sandbox));
    return new FlowContext(
        flow,
        pass.working(),
        observed.session(),
        observed.observer(),
        credentials,
        settings.clock(),
        facts,
        new FlowContext.Scratch());
  }

  /**
   * The flows in the operator's cache that use this sandbox: their remote names are looked up
   * together with the first that needs one, instead of one call per new flow.
   */
  private static Collection<Observation.Sibling> siblings(
      Context<StripeIngestionFlow> context, String sandbox) {
    return context
        .getPrimaryCache()
        .list()
        .filter(
            f ->
                f.getSpec() != null
                    && f.getSpec().getPlatform() != null
                    && Objects.equals(sandbox, f.getSpec().getPlatform().getSandbox()))
        .map(
            f -> new Observation.Sibling(f.getMetadata().getNamespace(), f.getMetadata().getName()))
        .toList();
  }

  private Optional<Secret> secret(KubernetesClient client, String namespace, String name) {
    InformerEventSource<Secret, StripeIngestionFlow> source = secrets;
    if (source != null) {
      Optional<Secret> cached = source.get(new ResourceID(name, namespace));
      if (cached.isPresent()) {
        return cached;
      }
    }
    // Not (yet) in the informer cache: ask the API server before calling it missing.
    return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
  }

  private <C extends io.javaoperatorsdk.operator.api.reconciler.BaseControl<C>> C retry(
      C control, StepFailure failure, String key) {
    return switch (failure.retry()) {
      case BACKOFF -> control.rescheduleAfter(backoff.next(key, failure.retryAfter().orElse(null)));
      case SLOW -> control.rescheduleAfter(settings.jitteredResync());
      case ON_CHANGE -> control;
    };
  }

  private void forget(StripeIngestionFlow flow) {
    backoff.reset(flow.getMetadata().getUid());
    busySince.reset(flow.getMetadata().getUid());
    events.forget(flow);
  }

  static Set<ResourceID> flowsReferencing(
      IndexerResourceCache<StripeIngestionFlow> flows, Secret secret) {
    String namespace = secret.getMetadata().getNamespace();
    String name = secret.getMetadata().getName();
    return flows
        .list(namespace, flow -> references(flow, name))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static boolean references(StripeIngestionFlow flow, String secretName) {
    StripeIngestionFlowSpec spec = flow.getSpec();
    if (spec == null) {
      return false;
    }
    boolean platformRef =
        spec.getPlatform() != null
            && spec.getPlatform().getCredentialsSecretRef() != null
            && secretName.equals(spec.getPlatform().getCredentialsSecretRef().getName());
    boolean stripeRef =
        spec.getStripe() != null
            && spec.getStripe().getAccessTokenSecretRef() != null
            && secretName.equals(spec.getStripe().getAccessTokenSecretRef().getName());
    return platformRef || stripeRef;
  }

  /** A failed run, or a successful one that dropped records (partial ingestion). */
  private static boolean runLostData(RunStatus run) {
    return run != null
        && ("failed".equalsIgnoreCase(run.getStatus())
            || (run.getRecordsFailed() != null && run.getRecordsFailed() > 0));
  }

  private static String readyMessage(FlowContext ctx) {
    FlowStatus flow = ctx.status().getFlow();
    StringBuilder message =
        new StringBuilder("Flow ")
            .append(flow.getId())
            .append(" is ")
            .append(flow.getState())
            .append(" and runs ")
            .append(schedule(ctx.spec().getSchedule()))
            .append('.');
    RunStatus run = ctx.status().getLastRun();
    if (run == null) {
      message.append(" No run yet.");
    } else if ("failed".equalsIgnoreCase(run.getStatus())) {
      message.append(" The last run ").append(run.getId()).append(" failed");
      String when = run.getCompletedAt() != null ? run.getCompletedAt() : run.getStartedAt();
      if (when != null) {
        message.append(" at ").append(when);
      }
      message.append(run.getErrors().isEmpty() ? "." : ": " + run.getErrors().get(0) + ".");
      appendFailedRecords(message, run);
    } else if (runLostData(run)) {
      message.append(" Last run ").append(run.getId()).append(": ").append(run.getStatus());
      appendFailedRecords(message, run);
      if (!run.getErrors().isEmpty()) {
        message.append(" First error: ").append(run.getErrors().get(0)).append('.');
      }
    } else {
      message.append(" Last run ").append(run.getId()).append(": ").append(run.getStatus());
      if (run.getRecordsWritten() != null) {
        message.append(", ").append(run.getRecordsWritten()).append(" records written");
      }
      message.append('.');
    }
    return message.toString();
  }

  private static void appendFailedRecords(StringBuilder message, RunStatus run) {
    if (run.getRecordsFailed() != null && run.getRecordsFailed() > 0) {
      message
          .append(" ")
          .append(run.getRecordsFailed())
          .append(" of ")
          .append(run.getRecordsRead() == null ? "?" : run.getRecordsRead())
          .append(" records failed; see the README (Failed rows) to fetch the row errors.");
    }
  }

  private static String syncedMessage(FlowContext ctx) {
    StringBuilder message =
        new StringBuilder("All Platform objects match generation ")
            .append(ctx.flow().getMetadata().getGeneration())
            .append('.');
    for (String note : ctx.notes()) {
      message.append(" Note: ").append(note).append('.');
    }
    return message.toString();
  }

  private static String schedule(ScheduleSpec schedule) {
    if (schedule.getFrequency() == Frequency.ONCE) {
      return "once";
    }
    return "every "
        + schedule.getInterval()
        + " "
        + schedule.getFrequency().value()
        + (Objects.equals(schedule.getInterval(), 1) ? "" : "s");
  }

  /** The Ready condition as the flow's status last recorded it, or null. */
  private static Condition ready(StripeIngestionFlow flow) {
    return flow.getStatus() == null
        ? null
        : Conditions.find(flow.getStatus().getConditions(), FlowConditions.READY).orElse(null);
  }
}

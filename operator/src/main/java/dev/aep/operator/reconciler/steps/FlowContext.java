package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.MappingStatus;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowSpec;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.SourceSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one reconcile pass knows: the flow, the working copy of its status (which the steps
 * fill in), the Platform session, the observer and the resolved credentials, plus what the steps
 * tell each other during the pass ({@link Scratch}).
 *
 * @param status the working status; steps record ids here, the reconciler persists it
 * @param facts tenant ids and explored sources, shared by every flow
 */
public record FlowContext(
    StripeIngestionFlow flow,
    StripeIngestionFlowStatus status,
    PlatformSession session,
    RemoteObserver observer,
    Credentials credentials,
    Clock clock,
    PlatformFacts facts,
    Scratch scratch) {

  /**
   * What steps of one pass leave for later steps and the reconciler; a new one for every pass, with
   * nothing planned, retired or noted yet.
   */
  public static final class Scratch {
    private MappingPlan plan;
    private final Set<String> retired = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
  }

  public StripeIngestionFlowSpec spec() {
    return flow.getSpec();
  }

  /** The explored Stripe record of this flow's resource path (cached in {@link PlatformFacts}). */
  public SourceSchema source() {
    return facts.source(
        session,
        credentialsKey(),
        status.getBaseConnection().getId(),
        spec().getResourcePath().value());
  }

  /**
   * Which Stripe account this flow's base connection reads ({@link PlatformFacts#credentialsKey}).
   */
  String credentialsKey() {
    return PlatformFacts.credentialsKey(credentials, status.getBaseConnection().getId());
  }

  /**
   * status.mapping, created empty on first use (the mapping check and the mapping set fill parts of
   * it).
   */
  public MappingStatus mappingStatus() {
    if (status.getMapping() == null) {
      status.setMapping(new MappingStatus());
    }
    return status.getMapping();
  }

  /**
   * The mapping as the Platform must see it; set by the mapping check step before later steps run.
   */
  public MappingPlan plan() {
    if (scratch.plan == null) {
      throw new IllegalStateException(
          "the mapping plan is made by the mapping step before it is used");
    }
    return scratch.plan;
  }

  /**
   * Whether the mapping step has made the plan in this pass (a pass that only plans may not get
   * that far).
   */
  boolean hasPlan() {
    return scratch.plan != null;
  }

  void plan(MappingPlan plan) {
    scratch.plan = plan;
  }

  public String namespace() {
    return flow.getMetadata().getNamespace();
  }

  public String name() {
    return flow.getMetadata().getName();
  }

  public String uid() {
    return flow.getMetadata().getUid();
  }

  public String sandbox() {
    return flow.getSpec().getPlatform().getSandbox();
  }

  /**
   * Whether the flow took over an existing dataflow (spec.adopt): its objects keep the names and
   * descriptions their makers gave them.
   */
  public boolean adopted() {
    return flow.getSpec().getAdopt() != null;
  }

  /** Deterministic remote name for a kind of object of this flow. */
  public String remoteName(String kind) {
    return RemoteNames.name(namespace(), name(), kind);
  }

  /** Description text followed by this flow's ownership marker. */
  public String remoteDescription(String text) {
    return RemoteNames.describe(text, uid());
  }

  /** Whether a remote description proves the object belongs to this flow. */
  public boolean owns(String description) {
    return RemoteNames.ownedBy(description, uid());
  }

  /** Marks an object id as replaced: it is never adopted again and is swept at the end. */
  public void retire(String id) {
    scratch.retired.add(id);
  }

  /** Whether the id was replaced in this pass. */
  public boolean retired(String id) {
    return scratch.retired.contains(id);
  }

  /** Adds a remark for the Synced condition message (something left alone on purpose). */
  public void note(String remark) {
    if (!scratch.notes.contains(remark)) {
      scratch.notes.add(remark);
    }
  }

  /** Remarks made during this pass. */
  public List<String> notes() {
    return Collections.unmodifiableList(scratch.notes);
  }
}

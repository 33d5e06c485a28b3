package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.BaseConnectionStatus;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.RemoteObjectStatus;
import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.RemoteCollection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Stripe account (a Flow Service base connection holding the Stripe key). Managed when the spec
 * names a Secret; an existing connection given by {@code stripe.baseConnectionId} is only verified,
 * never modified or deleted. A new Stripe Secret version is pushed with a PATCH of {@code
 * /auth/params}.
 */
public final class BaseConnectionStep extends Step<BaseConnection> {
  static final String KIND_SUFFIX = "base";

  private final OwnedCopies<BaseConnection> copies =
      new OwnedCopies<>(
          ctx -> RemoteObjectStatus.managedIdOf(ctx.status().getBaseConnection()),
          (ctx, id) -> ctx.observer().get(BaseConnection.KIND, id),
          ctx -> ctx.observer().named(BaseConnection.KIND, ctx.remoteName(KIND_SUFFIX)),
          BaseConnection::id,
          BaseConnection::description);

  public BaseConnectionStep() {
    super(
        StepTraits.object("baseConnection", "base connection", StepTraits.Cleanup.WITH_FLOW),
        BaseConnection::id);
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return ctx.spec().getStripe().managesBaseConnection();
  }

  @Override
  public String missingMessage(FlowContext ctx) {
    return FlowSteps.missing(
        ctx,
        "Base connection",
        ctx.spec().getStripe().getBaseConnectionId(),
        "spec.stripe.baseConnectionId",
        "Use the id of an existing Stripe account or reference a Stripe Secret instead.");
  }

  @Override
  public Optional<BaseConnection> observe(FlowContext ctx) {
    if (!managed(ctx)) {
      return ctx.observer().get(BaseConnection.KIND, ctx.spec().getStripe().getBaseConnectionId());
    }
    return copies
        .recorded(ctx)
        .or(
            () ->
                copies.named(ctx).stream()
                    .max(Comparator.comparing(c -> c.createdAt() == null ? 0L : c.createdAt())));
  }

  @Override
  public BaseConnection create(FlowContext ctx) {
    String name = ctx.remoteName(KIND_SUFFIX);
    String description = desiredDescription(ctx);
    EntityRef ref;
    try {
      ref =
          connections(ctx)
              .create(
                  BaseConnectionRequest.stripe(
                      name, description, ctx.credentials().stripeAccessToken()));
    } catch (PlatformException e) {
      throw stripeKeyRefused(ctx, e);
    }
    ctx.status().setBaseConnection(new BaseConnectionStatus(ref.id(), ref.etag(), null, true));
    pushedCredentials(ctx);
    return new BaseConnection(
        ref.id(),
        ref.etag(),
        name,
        description,
        "enabled",
        null,
        BaseConnectionRequest.STRIPE_AUTH_SPEC,
        null,
        null);
  }

  @Override
  public Diff diff(FlowContext ctx, BaseConnection remote) {
    Diff.Builder diff =
        Diff.builder()
            .nameAndDescription(ctx.remoteName(KIND_SUFFIX), desiredDescription(ctx), remote);
    String pushed =
        ctx.status().getBaseConnection() == null
            ? null
            : ctx.status().getBaseConnection().getCredentialsVersion();
    if (!Objects.equals(pushed, ctx.credentials().stripeSecretVersion())) {
      diff.patch(
          "credentials",
          JsonPatchOp.replace(
              "/auth/params",
              Map.of(
                  BaseConnectionRequest.STRIPE_ACCESS_TOKEN_PARAM,
                  ctx.credentials().stripeAccessToken())));
    }
    return diff.build();
  }

  @Override
  public BaseConnection update(FlowContext ctx, BaseConnection remote, Diff diff) {
    EntityRef ref;
    try {
      ref = connections(ctx).patch(remote.id(), remote.etag(), diff.ops());
    } catch (PlatformException e) {
      throw diff.has("credentials") ? stripeKeyRefused(ctx, e) : e;
    }
    if (diff.has("credentials")) {
      record(ctx, remote);
      pushedCredentials(ctx);
    }
    return new BaseConnection(
        remote.id(),
        ref.etag(),
        remote.name(),
        remote.description(),
        remote.state(),
        remote.connectionSpec(),
        remote.authSpecName(),
        remote.createdAt(),
        remote.updatedAt());
  }

  @Override
  public void record(FlowContext ctx, BaseConnection remote) {
    BaseConnectionStatus current = ctx.status().getBaseConnection();
    boolean sameObject = current != null && remote.id().equals(current.getId());
    String credentialsVersion = sameObject ? current.getCredentialsVersion() : null;
    ctx.status()
        .setBaseConnection(
            new BaseConnectionStatus(remote.id(), remote.etag(), credentialsVersion, managed(ctx)));
    if (!sameObject) {
      // Another account means another source: explore it again.
      ctx.status().setSource(null);
    }
  }

  @Override
  public List<String> owned(FlowContext ctx) {
    return copies.owned(ctx);
  }

  @Override
  public boolean delete(FlowContext ctx, String id) {
    return connections(ctx).delete(id);
  }

  private static RemoteCollection<BaseConnection, BaseConnectionRequest> connections(
      FlowContext ctx) {
    return ctx.session().flowService().baseConnections();
  }

  @Override
  public String describe(FlowContext ctx, BaseConnection remote) {
    return FlowSteps.described("base connection", remote.name(), remote.id());
  }

  /**
   * A 400 to a call carrying the Stripe key is most likely the source refusing the key (how the
   * connector reports that is undocumented; the simulator answers a create or an {@code
   * /auth/params} update with a bad key this way): the message says which Secret holds it rather
   * than "fix the spec". Anything else is left to the executor's classification.
   */
  private static RuntimeException stripeKeyRefused(FlowContext ctx, PlatformException e) {
    if (!e.isBadRequest() || e.isRetryable()) {
      return e;
    }
    return new StepFailure(
        FlowConditions.REASON_INVALID_SPEC,
        "The Platform refused the Stripe account: saving base connection "
            + ctx.remoteName(KIND_SUFFIX)
            + " with the access token in Secret "
            + ctx.credentials().stripeSecretRef()
            + " failed ("
            + e.getMessage()
            + "). Put a "
            + "valid Stripe API key in that Secret; the operator tries again when the Secret or "
            + "the spec changes.",
        StepFailure.Retry.ON_CHANGE,
        null,
        e);
  }

  private static void pushedCredentials(FlowContext ctx) {
    BaseConnectionStatus current = ctx.status().getBaseConnection();
    current.setCredentialsVersion(ctx.credentials().stripeSecretVersion());
    // New credentials: the explore must run again against them.
    ctx.status().setSource(null);
  }

  private static String desiredDescription(FlowContext ctx) {
    return ctx.remoteDescription(
        "Stripe account for StripeIngestionFlow " + ctx.namespace() + "/" + ctx.name() + ".");
  }
}

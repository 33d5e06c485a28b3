package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.BaseConnectionStatus;
import dev.aep.operator.platform.BaseConnection;
import dev.aep.operator.platform.BaseConnectionRequest;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.JsonPatchOp;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Stripe account (a Flow Service base connection holding the Stripe key). Managed when the
 * spec names a Secret; an existing connection given by {@code stripe.baseConnectionId} is only
 * verified, never modified or deleted. A new Stripe Secret version is pushed with a PATCH of
 * {@code /auth/params}.
 */
public final class BaseConnectionStep implements Step<BaseConnection> {
  static final String KIND_SUFFIX = "base";

  @Override
  public String name() {
    return "baseConnection";
  }

  @Override
  public String kind() {
    return "base connection";
  }

  @Override
  public boolean managed(FlowContext ctx) {
    return ctx.spec().getStripe().managesBaseConnection();
  }

  @Override
  public String missingMessage(FlowContext ctx) {
    return "Base connection " + ctx.spec().getStripe().getBaseConnectionId()
        + " (spec.stripe.baseConnectionId) does not exist in sandbox " + ctx.sandbox()
        + ". Use the id of an existing Stripe account or reference a Stripe Secret instead.";
  }

  @Override
  public Optional<BaseConnection> observe(FlowContext ctx) {
    if (!managed(ctx)) {
      return ctx.observer().baseConnection(ctx.spec().getStripe().getBaseConnectionId());
    }
    String recorded = recordedId(ctx);
    if (recorded != null) {
      Optional<BaseConnection> found = ctx.observer().baseConnection(recorded);
      if (found.isPresent()) {
        return found;
      }
    }
    return adoptable(ctx).stream().max(Comparator.comparing(
        c -> c.createdAt() == null ? 0L : c.createdAt()));
  }

  @Override
  public BaseConnection create(FlowContext ctx) {
    String name = ctx.remoteName(KIND_SUFFIX);
    String description = desiredDescription(ctx);
    EntityRef ref = ctx.session().flowService().createBaseConnection(
        BaseConnectionRequest.stripe(name, description, ctx.credentials().stripeAccessToken()));
    ctx.status().setBaseConnection(new BaseConnectionStatus(ref.id(), ref.etag(), null, true));
    pushedCredentials(ctx);
    return new BaseConnection(ref.id(), ref.etag(), name, description, "enabled", null,
        BaseConnectionRequest.STRIPE_AUTH_SPEC, null, null);
  }

  @Override
  public Diff diff(FlowContext ctx, BaseConnection remote) {
    Diff.Builder diff = Diff.builder();
    String name = ctx.remoteName(KIND_SUFFIX);
    if (!name.equals(remote.name())) {
      diff.patch("name", JsonPatchOp.replace("/name", name));
    }
    String description = desiredDescription(ctx);
    if (!description.equals(remote.description())) {
      diff.patch("description", JsonPatchOp.replace("/description", description));
    }
    String pushed = ctx.status().getBaseConnection() == null
        ? null : ctx.status().getBaseConnection().getCredentialsVersion();
    if (!Objects.equals(pushed, ctx.credentials().stripeSecretVersion())) {
      diff.patch("credentials", JsonPatchOp.replace("/auth/params", Map.of(
          BaseConnectionRequest.STRIPE_ACCESS_TOKEN_PARAM, ctx.credentials().stripeAccessToken())));
    }
    return diff.build();
  }

  @Override
  public BaseConnection update(FlowContext ctx, BaseConnection remote, Diff diff) {
    EntityRef ref = ctx.session().flowService().patchBaseConnection(
        remote.id(), remote.etag(), diff.ops());
    if (diff.has("credentials")) {
      record(ctx, remote);
      pushedCredentials(ctx);
    }
    return new BaseConnection(remote.id(), ref.etag(), remote.name(), remote.description(),
        remote.state(), remote.connectionSpec(), remote.authSpecName(), remote.createdAt(),
        remote.updatedAt());
  }

  @Override
  public void record(FlowContext ctx, BaseConnection remote) {
    BaseConnectionStatus current = ctx.status().getBaseConnection();
    boolean sameObject = current != null && remote.id().equals(current.getId());
    String credentialsVersion = sameObject ? current.getCredentialsVersion() : null;
    ctx.status().setBaseConnection(new BaseConnectionStatus(
        remote.id(), remote.etag(), credentialsVersion, managed(ctx)));
    if (!sameObject) {
      // Another account means another source: explore it again.
      ctx.status().setSource(null);
    }
  }

  @Override
  public String id(BaseConnection remote) {
    return remote.id();
  }

  @Override
  public List<String> owned(FlowContext ctx) {
    Set<String> ids = new LinkedHashSet<>();
    if (recordedId(ctx) != null) {
      ids.add(recordedId(ctx));
    }
    adoptable(ctx).forEach(c -> ids.add(c.id()));
    return List.copyOf(ids);
  }

  @Override
  public boolean delete(FlowContext ctx, String id) {
    return ctx.session().flowService().deleteBaseConnection(id);
  }

  @Override
  public boolean deletesOnCleanup(FlowContext ctx) {
    return managed(ctx) && FlowSteps.deletesRemote(ctx);
  }

  @Override
  public String describe(FlowContext ctx, BaseConnection remote) {
    return "base connection " + (remote.name() == null ? "" : remote.name() + " ")
        + "(id " + remote.id() + ")";
  }

  private static void pushedCredentials(FlowContext ctx) {
    BaseConnectionStatus current = ctx.status().getBaseConnection();
    current.setCredentialsVersion(ctx.credentials().stripeSecretVersion());
    // New credentials: the explore must run again against them.
    ctx.status().setSource(null);
  }

  private static String recordedId(FlowContext ctx) {
    BaseConnectionStatus status = ctx.status().getBaseConnection();
    return status == null || !Boolean.TRUE.equals(status.getManaged()) ? null : status.getId();
  }

  private static List<BaseConnection> adoptable(FlowContext ctx) {
    return ctx.observer().baseConnectionsNamed(ctx.remoteName(KIND_SUFFIX)).stream()
        .filter(c -> ctx.owns(c.description()))
        .toList();
  }

  private static String desiredDescription(FlowContext ctx) {
    return ctx.remoteDescription("Stripe account for StripeIngestionFlow " + ctx.namespace() + "/"
        + ctx.name() + ".");
  }
}

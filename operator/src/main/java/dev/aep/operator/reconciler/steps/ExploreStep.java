package dev.aep.operator.reconciler.steps;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.SourceStatus;
import dev.aep.operator.platform.PlatformException;
import dev.aep.operator.platform.SourceSchema;
import java.util.List;
import java.util.Optional;

/**
 * Explores the Stripe resource path through the base connection, as the tutorial does before
 * creating a source connection: proves the Stripe account and path are usable, lists the record's
 * top-level fields in status for people writing mappings, and keeps the field tree and sample
 * records in {@link PlatformFacts} for the mapping check and the preview. Runs once per base
 * connection and again after every credentials change (both clear {@code status.source}); flows of
 * one Stripe account share one explore of a path ({@link PlatformFacts}).
 */
public final class ExploreStep extends Step<List<String>> {

  /** At most this many field names are kept in status. */
  public static final int MAX_FIELDS = 50;

  /** The explored Stripe schema's root object (platform-api.md 13). */
  static final String ROOT = "data";

  public ExploreStep() {
    super(
        StepTraits.reading("explore", "source exploration").createdAs("Explored"),
        fields -> "resource path");
  }

  @Override
  public Optional<List<String>> observe(FlowContext ctx) {
    SourceStatus source = ctx.status().getSource();
    return source == null ? Optional.empty() : Optional.of(source.getFields());
  }

  @Override
  public List<String> create(FlowContext ctx) {
    String baseConnectionId = ctx.status().getBaseConnection().getId();
    String path = ctx.spec().getResourcePath().value();
    try {
      SourceSchema explored = ctx.source();
      return topLevelFields(explored).stream().limit(MAX_FIELDS).toList();
    } catch (PlatformException e) {
      if (e.isRetryable()) {
        throw e;
      }
      String secret =
          ctx.credentials().stripeSecretRef() == null
              ? "the Stripe account of base connection " + baseConnectionId
              : "the access token in Secret " + ctx.credentials().stripeSecretRef();
      throw new StepFailure(
          e.isAuthFailure()
              ? FlowConditions.REASON_AUTH_FAILED
              : FlowConditions.REASON_INVALID_SPEC,
          "The Stripe account or resource path '"
              + path
              + "' is unusable: exploring it through "
              + "base connection "
              + baseConnectionId
              + " failed ("
              + e.getMessage()
              + "). Check "
              + secret
              + " and that the account can read "
              + path
              + "; no flow is created until "
              + "this works.",
          StepFailure.Retry.SLOW,
          null,
          e);
    }
  }

  /** Names of the record's own fields: the paths one level under the root {@code data}. */
  static List<String> topLevelFields(SourceSchema explored) {
    return explored.fields().keySet().stream()
        .filter(f -> f.startsWith(ROOT + ".") && f.indexOf('.', ROOT.length() + 1) < 0)
        .map(f -> f.substring(ROOT.length() + 1))
        .toList();
  }

  @Override
  public Diff diff(FlowContext ctx, List<String> remote) {
    return Diff.none();
  }

  @Override
  public void record(FlowContext ctx, List<String> fields) {
    ctx.status().setSource(new SourceStatus(fields));
  }

  /** Not an object: the summary says what was explored and what it found. */
  @Override
  public String brief(FlowContext ctx, List<String> fields) {
    return describe(ctx, fields);
  }

  @Override
  public String describe(FlowContext ctx, List<String> fields) {
    return "Stripe resource path "
        + ctx.spec().getResourcePath().value()
        + " ("
        + fields.size()
        + " top-level fields)";
  }
}

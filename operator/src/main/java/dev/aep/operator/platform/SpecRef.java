package dev.aep.operator.platform;

/**
 * Reference to a Flow Service connection spec or flow spec.
 *
 * @param id spec id (UUID)
 * @param version spec version, {@code "1.0"}
 */
public record SpecRef(String id, String version) {

  /** Stripe source connection spec. */
  public static final SpecRef STRIPE_SOURCE =
      new SpecRef("cc2c31d6-7b8c-4581-b49f-5c8698aa3ab3", "1.0");

  /** Stripe dataflow spec. */
  public static final SpecRef STRIPE_FLOW =
      new SpecRef("6499120c-0b15-42dc-936e-847ea3c24d72", "1.0");

  /** Data lake target connection spec. */
  public static final SpecRef DATA_LAKE_TARGET =
      new SpecRef("c604ff05-7f1a-43c0-8e18-33bf874cb11c", "1.0");
}

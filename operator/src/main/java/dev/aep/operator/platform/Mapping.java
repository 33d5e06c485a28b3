package dev.aep.operator.platform;

/**
 * One Data Prep mapping.
 *
 * @param sourceType {@code ATTRIBUTE} or {@code EXPRESSION} (read answers reporting {@code
 *     text/x.schema-path} are normalised to {@code ATTRIBUTE})
 * @param source source field or expression
 * @param destination XDM path
 */
// No identity flag: current mapping objects have none; identities are schema descriptors
// (platform-api.md 12).
public record Mapping(String sourceType, String source, String destination) {

  /** Attribute source type. */
  public static final String ATTRIBUTE = "ATTRIBUTE";

  /** Expression source type. */
  public static final String EXPRESSION = "EXPRESSION";

  /** A source field copied to an XDM path. */
  public static Mapping attribute(String source, String destination) {
    return new Mapping(ATTRIBUTE, source, destination);
  }

  /** A calculated field written to an XDM path. */
  public static Mapping expression(String expression, String destination) {
    return new Mapping(EXPRESSION, expression, destination);
  }
}

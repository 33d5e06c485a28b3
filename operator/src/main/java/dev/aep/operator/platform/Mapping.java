package dev.aep.operator.platform;

/**
 * One Data Prep mapping.
 *
 * @param sourceType {@code ATTRIBUTE} or {@code EXPRESSION} (read answers reporting {@code
 *     text/x.schema-path} are normalised to {@code ATTRIBUTE})
 * @param source source field or expression
 * @param destination XDM path
 * @param identity whether the destination is an identity, may be null
 */
public record Mapping(String sourceType, String source, String destination, Boolean identity) {

  /** Attribute source type. */
  public static final String ATTRIBUTE = "ATTRIBUTE";

  /** Expression source type. */
  public static final String EXPRESSION = "EXPRESSION";

  /** A source field copied to an XDM path. */
  public static Mapping attribute(String source, String destination) {
    return new Mapping(ATTRIBUTE, source, destination, null);
  }

  /** A calculated field written to an XDM path. */
  public static Mapping expression(String expression, String destination) {
    return new Mapping(EXPRESSION, expression, destination, null);
  }
}

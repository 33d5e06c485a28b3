package dev.aep.operator.platform;

/**
 * A flow transformation; the operator uses only the {@code Mapping} one.
 *
 * @param name transformation name, {@link #MAPPING}
 * @param mappingId mapping set id
 * @param mappingVersion mapping set version
 */
public record Transformation(String name, String mappingId, Integer mappingVersion) {

  /** Name of the Data Prep mapping transformation. */
  public static final String MAPPING = "Mapping";

  /** The Mapping transformation for a mapping set version. */
  public static Transformation mapping(String mappingId, int mappingVersion) {
    return new Transformation(MAPPING, mappingId, mappingVersion);
  }
}

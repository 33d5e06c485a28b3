package dev.aep.operator.platform;

/**
 * Id and version of a mapping set, as returned by a create.
 *
 * @param id mapping set id
 * @param version version
 */
public record MappingSetVersion(String id, int version) {}

package dev.aep.operator.platform;

/**
 * Id and current etag returned by Flow Service creates, PATCHes and actions.
 *
 * @param id object id
 * @param etag exact etag string including its literal double quotes, e.g. {@code "\"6802...\""};
 *     pass it back unchanged as {@code If-Match}
 */
public record EntityRef(String id, String etag) {}

package dev.aep.operator.platform;

/**
 * An identity descriptor ({@code xdm:descriptorIdentity}, platform-api.md 12): marks a string field
 * of a schema as an identity of a namespace.
 *
 * @param id {@code @id}; null in a create request
 * @param schemaId {@code xdm:sourceSchema}
 * @param schemaVersion {@code xdm:sourceVersion}, the schema's major version
 * @param path the field as a dot path, e.g. {@code _acme.stripe.email} (sent as the pointer {@code
 *     /_acme/stripe/email})
 * @param namespace identity namespace code, e.g. {@code Email}
 * @param primary {@code xdm:isPrimary}
 */
public record IdentityDescriptor(
    String id,
    String schemaId,
    int schemaVersion,
    String path,
    String namespace,
    boolean primary) {}

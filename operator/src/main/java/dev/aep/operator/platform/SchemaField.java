package dev.aep.operator.platform;

/**
 * One leaf field of a resolved XDM schema or of a field group.
 *
 * @param path dot path as Data Prep destinations spell it, e.g. {@code _acme.stripe.amount}
 * @param type XDM type: {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code
 *     date-time}, {@code date}, {@code object} or {@code array}
 * @param required whether ingestion refuses a row without a value for it
 */
public record SchemaField(String path, String type, boolean required) {}

package dev.aep.simulator.xdm;

/**
 * One leaf field of a resolved XDM schema.
 *
 * @param path dot path as Data Prep destinations spell it, e.g. {@code _acme.stripe.amount}
 * @param type XDM type: string, integer, number, boolean, date-time, date, object (an object
 *     without sub-fields, e.g. a map) or array
 * @param required whether a row without a value for it is refused at ingestion
 */
public record XdmField(String path, String type, boolean required) {}

package dev.aep.simulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What an expression sees: the source record (e.g. {@code {"data": {...}}}) and the time that now()
 * and timestamp() answer (the simulator clock, so runs are reproducible).
 */
public record EvalContext(JsonNode record, Instant now) {}

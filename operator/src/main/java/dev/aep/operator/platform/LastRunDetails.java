package dev.aep.operator.platform;

import java.time.Instant;

/**
 * {@code lastRunDetails} of a flow.
 *
 * @param id run id
 * @param state {@code success} or {@code failed}
 * @param startedAt start, may be null
 * @param completedAt completion, may be null
 */
public record LastRunDetails(String id, String state, Instant startedAt, Instant completedAt) {}

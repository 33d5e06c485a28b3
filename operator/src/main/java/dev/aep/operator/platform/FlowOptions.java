package dev.aep.operator.platform;

/**
 * A dataflow's ingestion options (platform-api.md 15; help/ingestion/batch-ingestion/partial.md).
 *
 * @param partialIngestionPercent how many percent of a run's records may fail before the run fails;
 *     null when partial ingestion is off
 * @param errorDiagnosticsEnabled whether failed rows are kept for download; null when unset
 */
public record FlowOptions(Integer partialIngestionPercent, Boolean errorDiagnosticsEnabled) {}

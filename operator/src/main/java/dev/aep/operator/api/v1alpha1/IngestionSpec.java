package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * The dataflow's documented ingestion options (help/ingestion/batch-ingestion/partial.md,
 * help/ingestion/quality/error-diagnostics.md): both off unless set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngestionSpec {

  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Partial ingestion: a run still succeeds when at most this percentage of its records fail (the failed rows are"
          + " dropped and reported; the flow still turns Ready=False RunFailed so you see them). Turns error"
          + " diagnostics on. Unset: any failed record fails the run.")
  private Integer partialIngestionPercent;

  @JsonPropertyDescription(
      "Keep failed rows with their errors for download (about 30 days); see the README's Failed rows section."
          + " Unset leaves the flow's setting as it is.")
  private Boolean errorDiagnostics;

  public IngestionSpec() {}

  /** Options with every field given. */
  public IngestionSpec(Integer partialIngestionPercent, Boolean errorDiagnostics) {
    this.partialIngestionPercent = partialIngestionPercent;
    this.errorDiagnostics = errorDiagnostics;
  }

  public Integer getPartialIngestionPercent() {
    return partialIngestionPercent;
  }

  public void setPartialIngestionPercent(Integer partialIngestionPercent) {
    this.partialIngestionPercent = partialIngestionPercent;
  }

  public Boolean getErrorDiagnostics() {
    return errorDiagnostics;
  }

  public void setErrorDiagnostics(Boolean errorDiagnostics) {
    this.errorDiagnostics = errorDiagnostics;
  }
}

package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The most recent dataflow run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunStatus {

  @JsonPropertyDescription("Flow Service id of the run.")
  private String id;

  @JsonPropertyDescription(
      "Run status as reported by the Platform, for example success, failed or inProgress.")
  private String status;

  @JsonPropertyDescription("When the run started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the run completed (RFC 3339); absent while it is running.")
  private String completedAt;

  @JsonPropertyDescription("Records read from Stripe.")
  private Long recordsRead;

  @JsonPropertyDescription("Records written to the dataset.")
  private Long recordsWritten;

  @JsonPropertyDescription("Records that failed mapping or validation.")
  private Long recordsFailed;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription("Error codes and messages the Platform reported for the run.")
  private List<String> errors = new ArrayList<>();

  public RunStatus() {}

  /** A status with every field given. */
  public RunStatus(
      String id,
      String status,
      String startedAt,
      String completedAt,
      Long recordsRead,
      Long recordsWritten,
      Long recordsFailed,
      List<String> errors) {
    this.id = id;
    this.status = status;
    this.startedAt = startedAt;
    this.completedAt = completedAt;
    this.recordsRead = recordsRead;
    this.recordsWritten = recordsWritten;
    this.recordsFailed = recordsFailed;
    setErrors(errors);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public Long getRecordsRead() {
    return recordsRead;
  }

  public void setRecordsRead(Long recordsRead) {
    this.recordsRead = recordsRead;
  }

  public Long getRecordsWritten() {
    return recordsWritten;
  }

  public void setRecordsWritten(Long recordsWritten) {
    this.recordsWritten = recordsWritten;
  }

  public Long getRecordsFailed() {
    return recordsFailed;
  }

  public void setRecordsFailed(Long recordsFailed) {
    this.recordsFailed = recordsFailed;
  }

  public List<String> getErrors() {
    return errors;
  }

  public void setErrors(List<String> errors) {
    this.errors = errors == null ? new ArrayList<>() : new ArrayList<>(errors);
  }
}

package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * One write the operator would make on the Platform, and why. Never holds a secret or a record
 * value.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlannedChange {

  @JsonPropertyDescription("The Platform object, e.g. source connection, mapping set, dataflow.")
  private String object;

  @JsonPropertyDescription("Its Platform id, when it exists.")
  private String id;

  @JsonPropertyDescription(
      "create, update (JSON Patch or a new mapping-set version), replace or delete.")
  private String operation;

  @JsonPropertyDescription("The JSON Patch paths an update would send (paths only, never values).")
  private List<String> paths = new ArrayList<>();

  @JsonPropertyDescription("Why: missing, or what differs from the spec.")
  private String reason;

  public PlannedChange() {}

  public PlannedChange(
      String object, String id, String operation, List<String> paths, String reason) {
    this.object = object;
    this.id = id;
    this.operation = operation;
    this.paths = paths == null ? new ArrayList<>() : new ArrayList<>(paths);
    this.reason = reason;
  }

  public String getObject() {
    return object;
  }

  public void setObject(String object) {
    this.object = object;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getOperation() {
    return operation;
  }

  public void setOperation(String operation) {
    this.operation = operation;
  }

  public List<String> getPaths() {
    return paths;
  }

  public void setPaths(List<String> paths) {
    this.paths = paths;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}

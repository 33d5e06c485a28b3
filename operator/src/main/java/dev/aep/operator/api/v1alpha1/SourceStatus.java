package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What exploring the Stripe resource path found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceStatus {

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription(
      "Top-level fields of the Stripe records, as returned by explore; mapping sources should start with one of them.")
  private List<String> fields = new ArrayList<>();

  public SourceStatus() {}

  /** A status with every field given. */
  public SourceStatus(List<String> fields) {
    setFields(fields);
  }

  public List<String> getFields() {
    return fields;
  }

  public void setFields(List<String> fields) {
    this.fields = fields == null ? new ArrayList<>() : new ArrayList<>(fields);
  }
}

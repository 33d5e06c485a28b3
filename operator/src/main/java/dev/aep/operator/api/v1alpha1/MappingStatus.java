package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator made of spec.mapping: the tenant namespace, the mappings it added for the
 * class's required fields, and which destinations the Platform's preview filled from the explored
 * sample records. Never record values: Stripe data holds personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MappingStatus {

  @JsonPropertyDescription(
      "The tenant namespace _tenant stands for in this org, for example _acme.")
  private String tenantNamespace;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription(
      "Mappings the operator added because the schema class requires the field and spec.mapping does not map it,"
          + " as destination <- source (an ExperienceEvent needs _id and timestamp).")
  private List<String> defaultsAdded = new ArrayList<>();

  @JsonPropertyDescription("How many explored sample records the last preview mapped.")
  private Integer previewedRecords;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription(
      "Destinations that received a value from at least one sample record in the last preview.")
  private List<String> destinationsWithValue = new ArrayList<>();

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription(
      "Destinations that no sample record filled in the last preview: check their source, or expect them only on"
          + " some records.")
  private List<String> destinationsWithoutValue = new ArrayList<>();

  public String getTenantNamespace() {
    return tenantNamespace;
  }

  public void setTenantNamespace(String tenantNamespace) {
    this.tenantNamespace = tenantNamespace;
  }

  public List<String> getDefaultsAdded() {
    return defaultsAdded;
  }

  public void setDefaultsAdded(List<String> defaultsAdded) {
    this.defaultsAdded = defaultsAdded == null ? new ArrayList<>() : new ArrayList<>(defaultsAdded);
  }

  public Integer getPreviewedRecords() {
    return previewedRecords;
  }

  public void setPreviewedRecords(Integer previewedRecords) {
    this.previewedRecords = previewedRecords;
  }

  public List<String> getDestinationsWithValue() {
    return destinationsWithValue;
  }

  public void setDestinationsWithValue(List<String> destinationsWithValue) {
    this.destinationsWithValue =
        destinationsWithValue == null ? new ArrayList<>() : new ArrayList<>(destinationsWithValue);
  }

  public List<String> getDestinationsWithoutValue() {
    return destinationsWithoutValue;
  }

  public void setDestinationsWithoutValue(List<String> destinationsWithoutValue) {
    this.destinationsWithoutValue =
        destinationsWithoutValue == null
            ? new ArrayList<>()
            : new ArrayList<>(destinationsWithoutValue);
  }
}

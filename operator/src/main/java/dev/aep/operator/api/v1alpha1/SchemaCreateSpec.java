package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** An XDM schema the operator creates in the tenant container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SchemaCreateSpec {

  @Required
  @Size(min = 1, max = 256)
  @JsonPropertyDescription(
      "Schema title; titles are unique per sandbox, and an existing schema with this title created for this flow is"
          + " adopted.")
  private String title;

  @Size(max = 1000)
  @JsonPropertyDescription("Schema description.")
  private String description;

  @Required
  @Size(min = 1, max = 1024)
  @JsonPropertyDescription(
      "$id of the XDM class the schema implements, for example https://ns.adobe.com/xdm/context/profile.")
  private String classId;

  @Size(max = 50)
  @JsonPropertyDescription(
      "$ids of further field groups (mixins) to include besides the class and the field group the operator creates"
          + " for the _tenant destinations of spec.mapping.")
  private List<@Size(min = 1, max = 1024) String> fieldGroupIds;

  @Size(max = 20)
  @ValidationRule(
      value = "self.filter(i, has(i.primary) && i.primary).size() <= 1",
      message = "at most one identity may be primary")
  @JsonPropertyDescription(
      "Identity fields of the schema, each turned into an identity descriptor (kept in sync, deleted with the"
          + " schema). At most one primary.")
  private List<IdentitySpec> identities;

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getClassId() {
    return classId;
  }

  public void setClassId(String classId) {
    this.classId = classId;
  }

  public List<IdentitySpec> getIdentities() {
    return identities;
  }

  public void setIdentities(List<IdentitySpec> identities) {
    this.identities = identities == null ? null : new ArrayList<>(identities);
  }

  /** The identities, never null. */
  public List<IdentitySpec> identitiesOrEmpty() {
    return identities == null ? List.of() : identities;
  }

  public List<String> getFieldGroupIds() {
    return fieldGroupIds;
  }

  public void setFieldGroupIds(List<String> fieldGroupIds) {
    this.fieldGroupIds = fieldGroupIds == null ? null : new ArrayList<>(fieldGroupIds);
  }
}

package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
      "$ids of the field groups (mixins) to include, for example the tenant field group that defines the"
          + " destination paths of the mapping.")
  private List<@Size(min = 1, max = 1024) String> fieldGroupIds;

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

  public List<String> getFieldGroupIds() {
    return fieldGroupIds;
  }

  public void setFieldGroupIds(List<String> fieldGroupIds) {
    this.fieldGroupIds = fieldGroupIds == null ? null : new ArrayList<>(fieldGroupIds);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SchemaCreateSpec)) {
      return false;
    }
    SchemaCreateSpec that = (SchemaCreateSpec) o;
    return Objects.equals(title, that.title)
        && Objects.equals(description, that.description)
        && Objects.equals(classId, that.classId)
        && Objects.equals(fieldGroupIds, that.fieldGroupIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, description, classId, fieldGroupIds);
  }

  @Override
  public String toString() {
    return "SchemaCreateSpec{title=" + title + ", description=" + description + ", classId=" + classId
        + ", fieldGroupIds=" + fieldGroupIds + "}";
  }
}

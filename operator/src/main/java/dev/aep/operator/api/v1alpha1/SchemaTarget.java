package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The target XDM schema: an existing one by id, or one to create. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.id) != has(self.create)",
    message = "target.schema: set exactly one of id or create")
public class SchemaTarget {

  @Size(min = 1, max = 1024)
  @JsonPropertyDescription(
      "$id of an existing XDM schema (https://ns.adobe.com/<tenant>/schemas/<hash>). Never modified or deleted by the"
          + " operator. Exclusive with create.")
  private String id;

  @JsonPropertyDescription(
      "A schema the operator creates and records in status.schema. Exclusive with id.")
  private SchemaCreateSpec create;

  public SchemaTarget() {}

  /** A reference to an existing schema. */
  public static SchemaTarget ofId(String id) {
    SchemaTarget target = new SchemaTarget();
    target.setId(id);
    return target;
  }

  /** A schema to create. */
  public static SchemaTarget ofCreate(SchemaCreateSpec create) {
    SchemaTarget target = new SchemaTarget();
    target.setCreate(create);
    return target;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public SchemaCreateSpec getCreate() {
    return create;
  }

  public void setCreate(SchemaCreateSpec create) {
    this.create = create;
  }
}

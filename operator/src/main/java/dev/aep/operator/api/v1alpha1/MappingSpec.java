package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** One Data Prep mapping: a source attribute or expression to an XDM destination path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// The explored Stripe schema's root is the object `data` (platform-api.md 13, Adobe's Stripe
// tutorial maps
// data.id): a bare name such as `amount` maps nothing, so admission refuses it.
@ValidationRule(
    value =
        "(has(self.sourceType) && self.sourceType == 'EXPRESSION') || self.source.startsWith('data.')",
    message =
        "mapping source must be a path under the Stripe record's root data, for example data.amount or"
            + " data.payment_method_details.card.brand (not amount); use sourceType EXPRESSION for expressions")
public class MappingSpec {

  @Required
  @Size(min = 1, max = 4096)
  @JsonPropertyDescription(
      "With sourceType ATTRIBUTE, a path in the explored Stripe record, whose root is data: for example data.amount"
          + " or data.payment_method_details.card.brand. With sourceType EXPRESSION, a Data Prep expression over"
          + " such paths, for example lower(data.currency).")
  private String source;

  @Required
  @Size(min = 1, max = 1024)
  @JsonPropertyDescription(
      "Destination path in the XDM schema. A leading _tenant stands for the org's tenant namespace (_<TENANT_ID>,"
          + " read from the Schema Registry), so one manifest works in every org: _tenant.stripe.amount becomes"
          + " _acme.stripe.amount where the tenant id is acme. Class fields such as _id or timestamp are written as"
          + " they are.")
  private String destination;

  @Default("ATTRIBUTE")
  @JsonPropertyDescription(
      "ATTRIBUTE reads source as a field path; EXPRESSION evaluates it as a Data Prep expression. Defaults to"
          + " ATTRIBUTE.")
  private SourceType sourceType = SourceType.ATTRIBUTE;

  @JsonPropertyDescription(
      "XDM type of a _tenant destination in the field group the operator creates: string, integer, number, boolean,"
          + " date-time or date. Optional for ATTRIBUTE sources (the explored source field's type is used); needed"
          + " when an expression yields anything but a string, for example date-time.")
  private XdmType type;

  public MappingSpec() {}

  public MappingSpec(String source, String destination) {
    this.source = source;
    this.destination = destination;
  }

  /** A mapping with every field given. */
  public MappingSpec(String source, String destination, SourceType sourceType, XdmType type) {
    this.source = source;
    this.destination = destination;
    this.sourceType = sourceType;
    this.type = type;
  }

  /** An expression mapping. */
  public static MappingSpec expression(String expression, String destination, XdmType type) {
    return new MappingSpec(expression, destination, SourceType.EXPRESSION, type);
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }

  public SourceType getSourceType() {
    return sourceType;
  }

  public void setSourceType(SourceType sourceType) {
    this.sourceType = sourceType;
  }

  public XdmType getType() {
    return type;
  }

  public void setType(XdmType type) {
    this.type = type;
  }

  /** The source type to send; an absent value means the documented default, ATTRIBUTE. */
  public SourceType effectiveSourceType() {
    return sourceType == null ? SourceType.ATTRIBUTE : sourceType;
  }
}

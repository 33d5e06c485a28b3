package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** One Data Prep mapping: a source attribute or expression to an XDM destination path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MappingSpec {

  @Required
  @Size(min = 1, max = 4096)
  @JsonPropertyDescription(
      "Source field path in the Stripe record (for example amount or payment_method_details.card.brand), or a Data"
          + " Prep expression when sourceType is EXPRESSION (for example lower(currency)).")
  private String source;

  @Required
  @Size(min = 1, max = 1024)
  @JsonPropertyDescription("Destination path in the XDM schema, for example _tenant.stripe.amount.")
  private String destination;

  @Default("ATTRIBUTE")
  @JsonPropertyDescription(
      "ATTRIBUTE reads source as a field path; EXPRESSION evaluates it as a Data Prep expression. Defaults to"
          + " ATTRIBUTE.")
  private SourceType sourceType = SourceType.ATTRIBUTE;

  @Default("false")
  @JsonPropertyDescription("Whether the destination is an identity field. Defaults to false.")
  private Boolean identity = Boolean.FALSE;

  public MappingSpec() {}

  public MappingSpec(String source, String destination) {
    this.source = source;
    this.destination = destination;
  }

  /** A mapping with every field given. */
  public MappingSpec(String source, String destination, SourceType sourceType, Boolean identity) {
    this.source = source;
    this.destination = destination;
    this.sourceType = sourceType;
    this.identity = identity;
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

  public Boolean getIdentity() {
    return identity;
  }

  public void setIdentity(Boolean identity) {
    this.identity = identity;
  }

  /** The source type to send; an absent value means the documented default, ATTRIBUTE. */
  public SourceType effectiveSourceType() {
    return sourceType == null ? SourceType.ATTRIBUTE : sourceType;
  }

  /** True only when the mapping is explicitly marked as an identity. */
  public boolean marksIdentity() {
    return Boolean.TRUE.equals(identity);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MappingSpec)) {
      return false;
    }
    MappingSpec that = (MappingSpec) o;
    return Objects.equals(source, that.source)
        && Objects.equals(destination, that.destination)
        && sourceType == that.sourceType
        && Objects.equals(identity, that.identity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, destination, sourceType, identity);
  }

  @Override
  public String toString() {
    return "MappingSpec{source=" + source + ", destination=" + destination + ", sourceType=" + sourceType
        + ", identity=" + identity + "}";
  }
}

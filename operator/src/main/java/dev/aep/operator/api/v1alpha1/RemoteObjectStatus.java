package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to one Platform object as last observed: what every status entry for a remote object
 * has. Kinds that record more extend it; the others use it as it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RemoteObjectStatus {

  @JsonPropertyDescription("Platform id of the object.")
  private String id;

  @JsonPropertyDescription(
      "Etag of the object as last read or written (with its quotes); absent for kinds without etags.")
  private String etag;

  @JsonPropertyDescription(
      "Whether the operator created the object and may delete it (true) or the spec references an existing one"
          + " by id (false); absent for objects the operator always creates.")
  private Boolean managed;

  public RemoteObjectStatus() {}

  /** A reference with every field given. */
  public RemoteObjectStatus(String id, String etag, Boolean managed) {
    this.id = id;
    this.etag = etag;
    this.managed = managed;
  }

  /** The id of a reference that may be absent. */
  public static String idOf(RemoteObjectStatus status) {
    return status == null ? null : status.getId();
  }

  /** The id of a reference to an object the operator created; null for any other. */
  public static String managedIdOf(RemoteObjectStatus status) {
    return status == null || !Boolean.TRUE.equals(status.getManaged()) ? null : status.getId();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getEtag() {
    return etag;
  }

  public void setEtag(String etag) {
    this.etag = etag;
  }

  public Boolean getManaged() {
    return managed;
  }

  public void setManaged(Boolean managed) {
    this.managed = managed;
  }
}

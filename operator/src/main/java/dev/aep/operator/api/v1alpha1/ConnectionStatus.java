package dev.aep.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A Flow Service connection (source or target) as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionStatus {

  @JsonPropertyDescription("Platform id of the connection.")
  private String id;

  @JsonPropertyDescription("Etag of the connection as last read or written (with its quotes).")
  private String etag;

  public ConnectionStatus() {}

  /** A status with every field given. */
  public ConnectionStatus(String id, String etag) {
    this.id = id;
    this.etag = etag;
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
}

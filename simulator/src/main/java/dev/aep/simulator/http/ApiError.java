package dev.aep.simulator.http;

/** Thrown by handlers to answer with an error response; the dispatcher writes it as is. */
public final class ApiError extends RuntimeException {
  private final transient Response response;

  public ApiError(Response response) {
    super("HTTP " + response.status(), null, false, false);
    this.response = response;
  }

  public Response response() {
    return response;
  }
}

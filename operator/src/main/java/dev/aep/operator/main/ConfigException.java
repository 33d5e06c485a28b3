package dev.aep.operator.main;

/**
 * A configuration value the operator refuses to start with; the message is one line naming the
 * variable.
 */
public final class ConfigException extends RuntimeException {
  private final String variable;

  /** The message is prefixed with the variable so an operator's log says exactly what to fix. */
  public ConfigException(String variable, String problem) {
    super(variable + ": " + problem);
    this.variable = variable;
  }

  /** The environment variable whose value was refused. */
  public String variable() {
    return variable;
  }
}

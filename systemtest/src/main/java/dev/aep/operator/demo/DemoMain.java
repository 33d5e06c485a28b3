package dev.aep.operator.demo;

import dev.aep.operator.main.ConfigException;
import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.LogManager;

/**
 * {@code make demo}: the operator against an embedded Kubernetes API and the Platform simulator (or
 * a real Platform when AEP_PLATFORM_URL and AEP_IMS_URL are set), walking a flow's whole lifecycle
 * and printing what a person would want to see. Exits 0 when every step converged.
 */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) {
    // Before any logger exists: the demo prints its own story; libraries only speak up on problems.
    System.setProperty("aep.log.level", "WARN");
    // The mock API server and Vert.x log every request through java.util.logging.
    LogManager.getLogManager().getLogger("").setLevel(Level.WARNING);
    PrintStream out = System.out;
    int status;
    try (Demo demo = new Demo(System.getenv(), out)) {
      status = demo.run();
    } catch (ConfigException e) {
      out.println("error: " + e.getMessage());
      status = 2;
    } catch (DemoFailure e) {
      out.println();
      out.println("DEMO FAILED: " + e.getMessage());
      status = 1;
    } catch (RuntimeException e) {
      out.println();
      out.println("DEMO FAILED: " + e);
      e.printStackTrace(out);
      status = 1;
    }
    out.flush();
    System.exit(status);
  }
}

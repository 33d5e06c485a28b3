package dev.aep.operator.testing;

import dev.aep.operator.main.OperatorAssembly;
import dev.aep.operator.platform.http.HttpPlatform;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One operator process built by the production {@link OperatorAssembly}: the assembly, the
 * Kubernetes client it owns, its metrics registry, the relay its Platform traffic goes through, and
 * its Platform client when the test built it (to wrap it), else null.
 */
public record Replica(
    OperatorAssembly assembly,
    KubernetesClient client,
    PrometheusMeterRegistry registry,
    CuttableProxy network,
    HttpPlatform ownedPlatform) {

  /** A graceful stop (SIGTERM): in-flight reconciles get SHUTDOWN_TIMEOUT, then are interrupted. */
  public void stop() {
    try {
      assembly.stop();
    } finally {
      client.close();
      network.close();
      if (ownedPlatform != null) {
        ownedPlatform.close();
      }
    }
  }

  /**
   * A crash: the process's connections die at once (Platform relay cut, Kubernetes client closed,
   * so nothing more reaches either server and the Lease is not released), then its threads are
   * stopped.
   */
  public void crash() {
    network.cut();
    client.close();
    try {
      assembly.stop();
    } catch (RuntimeException e) {
      // A dead process does not stop cleanly either.
    }
    if (ownedPlatform != null) {
      ownedPlatform.close();
    }
  }
}

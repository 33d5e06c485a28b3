package dev.aep.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * An embedded Kubernetes API: the Fabric8 mock server in CRUD mode over http on 127.0.0.1, with
 * every CRD in {@code crds/} installed and every request recorded by its {@link
 * RecordingDispatcher}. The one Kubernetes API of every stack, the demo and the benchmark.
 */
public final class MockCluster implements AutoCloseable {
  /** User-Agent of the operators' clients, so their requests can be told from the test's. */
  public static final String OPERATOR_USER_AGENT = "stripe-aep-operator-under-test";

  private final RecordingDispatcher dispatcher;
  private final Server server;
  private final KubernetesClient client;

  private MockCluster(RecordingDispatcher dispatcher) {
    this.dispatcher = dispatcher;
    server = new Server(dispatcher);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
  }

  /** Starts the server with a plain {@link RecordingDispatcher} and installs the CRDs. */
  public static MockCluster start() {
    return start(new RecordingDispatcher());
  }

  /** Starts the server answering through {@code dispatcher} and installs the CRDs. */
  public static MockCluster start(RecordingDispatcher dispatcher) {
    MockCluster cluster = new MockCluster(dispatcher);
    try {
      cluster.applyYamlFiles(repoPath("crds"));
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * A path relative to the repository root: the working directory when it holds {@code crds/} (the
   * demo and the benchmark run from there), else its parent (tests run in the module).
   */
  public static Path repoPath(String relative) {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("crds")) ? here : here.getParent();
    return root.resolve(relative);
  }

  /** Creates every resource of every YAML file in a directory (kustomization files skipped). */
  public void applyYamlFiles(Path directory) {
    try (var files = Files.list(directory)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if ((name.endsWith(".yml") || name.endsWith(".yaml"))
            && !name.startsWith("kustomization")) {
          try (InputStream in = Files.newInputStream(p)) {
            for (HasMetadata item : client.load(in).items()) {
              client.resource(item).create();
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test's own client (default User-Agent). */
  public KubernetesClient client() {
    return client;
  }

  /** A fresh client with its own User-Agent; the caller closes it. */
  public KubernetesClient newClient(String userAgent) {
    Config config = new ConfigBuilder(server.config()).withUserAgent(userAgent).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** A fresh client whose requests are marked as the operator's ({@link #OPERATOR_USER_AGENT}). */
  public KubernetesClient newOperatorClient() {
    return newClient(OPERATOR_USER_AGENT);
  }

  /** Where the embedded API server listens: {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  public RecordingDispatcher dispatcher() {
    return dispatcher;
  }

  /** Every request seen so far, in arrival order. */
  public List<RecordingDispatcher.Request> requests() {
    return dispatcher.requests();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  /** The mock server with its client configuration made reachable. */
  private static final class Server extends KubernetesMockServer {
    Server(RecordingDispatcher dispatcher) {
      super(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    }

    Config config() {
      return initConfig();
    }
  }
}

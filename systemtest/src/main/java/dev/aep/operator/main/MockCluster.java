package dev.aep.operator.main;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An embedded Kubernetes API for tests: the Fabric8 mock server over http in CRUD mode, with the
 * CRDs from {@code crds/} installed and every request recorded (method, path, User-Agent).
 */
public final class MockCluster implements AutoCloseable {
  /** User-Agent of the operator's client, so its requests can be told from the test's. */
  public static final String OPERATOR_USER_AGENT = "stripe-ingestion-flow-operator-under-test";

  private final Server server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final KubernetesClient client;

  /** One request as the API server saw it. */
  public record Request(String method, String path, String userAgent) {}

  private MockCluster() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMixedDispatcher mixed = new KubernetesMixedDispatcher(responses);
    Dispatcher recording =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(
                new Request(request.getMethod(), request.getPath(), request.getHeader("User-Agent")));
            return mixed.dispatch(request);
          }
        };
    server = new Server(responses, recording);
    server.init(InetAddress.getLoopbackAddress(), 0);
    // The mock server has no authorizer: JOSDK's lease-access check gets the rules a real
    // cluster would grant the operator's service account on leases.
    SelfSubjectRulesReview review =
        new SelfSubjectRulesReviewBuilder()
            .withNewStatus()
            .withIncomplete(false)
            .withResourceRules(
                new ResourceRuleBuilder()
                    .withApiGroups("coordination.k8s.io")
                    .withResources("leases")
                    .withVerbs("get", "create", "update")
                    .build())
            .endStatus()
            .build();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review)
        .always();
    client = server.createClient();
  }

  /** Starts the server and installs every CRD in {@code crds/}. */
  public static MockCluster startWithCrds() {
    MockCluster cluster = new MockCluster();
    cluster.applyYamlFiles(repoPath("crds"));
    return cluster;
  }

  /** A path relative to the repository root (the systemtest module's parent, or the working directory when it holds crds/). */
  public static Path repoPath(String relative) {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("crds")) ? here : here.getParent();
    return root.resolve(relative);
  }

  /** Creates every resource of every YAML file in a directory (kustomization files skipped). */
  public void applyYamlFiles(Path directory) {
    try (var files = Files.list(directory)) {
      files
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().startsWith("kustomization"))
          .sorted()
          .forEach(
              p -> {
                try (InputStream in = Files.newInputStream(p)) {
                  for (HasMetadata item : client.load(in).items()) {
                    client.resource(item).create();
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test's own client (default User-Agent). */
  public KubernetesClient client() {
    return client;
  }

  /** A fresh client whose requests are marked as the operator's. */
  public KubernetesClient newOperatorClient() {
    Config config = new ConfigBuilder(server.config()).withUserAgent(OPERATOR_USER_AGENT).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Where the embedded API server listens. */
  public String url() {
    return server.url("/");
  }

  /** The mock server with its client configuration made reachable. */
  private static final class Server extends KubernetesMockServer {
    Server(Map<ServerRequest, Queue<ServerResponse>> responses, Dispatcher dispatcher) {
      super(
          new Context(Serialization.jsonMapper()),
          new io.fabric8.mockwebserver.MockWebServer(),
          responses,
          dispatcher,
          false);
    }

    Config config() {
      return initConfig();
    }
  }

  /** Every request seen so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}

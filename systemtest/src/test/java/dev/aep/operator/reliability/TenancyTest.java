package dev.aep.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.main.ConfigException;
import dev.aep.operator.main.OperatorConfig;
import dev.aep.operator.platform.http.PlatformEndpoints;
import dev.aep.operator.testing.FlowAssertions;
import dev.aep.operator.testing.MockCluster;
import dev.aep.operator.testing.RecordingDispatcher;
import dev.aep.operator.testing.Replica;
import dev.aep.simulator.PlatformSimulator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6, tenancy: a flow cannot borrow another namespace's Secret, the RBAC in {@code deploy/}
 * grants nothing the operator does not use, and plain-http Platform URLs are refused unless {@code
 * AEP_ALLOW_HTTP=true}.
 */
class TenancyTest {
  private static final Duration TIMEOUT = ScenarioParameters.seconds("tenancy.timeoutSeconds", 90);

  /**
   * Granted on purpose although the lifecycle below sends no such request: where the
   * OwnerReferencesPermissionEnforcement admission plugin is on, changing a flow's finalizers needs
   * {@code update} on {@code stripeingestionflows/finalizers} (the request is a PATCH of the flow);
   * JOSDK re-reads a flow with GET when its finalizer patch meets a conflict; and JOSDK refuses to
   * start leader election unless {@code update} on leases is granted (renewals are patches).
   */
  private static final Set<ApiVerb> NEEDED_WITHOUT_A_REQUEST =
      Set.of(
          new ApiVerb("flows.aep.dev", "stripeingestionflows/finalizers", "update"),
          new ApiVerb("flows.aep.dev", "stripeingestionflows", "get"),
          new ApiVerb("coordination.k8s.io", "leases", "update"));

  /** Requests every authenticated client may make (system:basic-user), not the operator's RBAC. */
  private static final Set<ApiVerb> GRANTED_TO_EVERYONE =
      Set.of(
          new ApiVerb("authorization.k8s.io", "selfsubjectrulesreviews", "create"),
          new ApiVerb("authorization.k8s.io", "selfsubjectaccessreviews", "create"));

  @Test
  void aFlowCannotUseASecretThatExistsOnlyInAnotherNamespace() {
    try (ReliabilityStack stack = ReliabilityStack.start();
        CapturedLogs logs = new CapturedLogs(false)) {
      PlatformSimulator sim = stack.simulator();
      String tenantA = "tenant-a";
      String tenantB = "tenant-b";
      stack.namespace(tenantA);
      stack.namespace(tenantB);
      // B has both Secrets; A has none.
      stack.platformSecret(tenantB);
      stack.stripeSecret(tenantB, "sk_test_tenant_b");
      stack.startReplica(
          Map.of(), ReliabilityStack.settings(Duration.ofSeconds(2), Duration.ofSeconds(1)));
      StripeIngestionFlow ownFlow = stack.create(stack.charges(tenantB, "own"));
      StripeIngestionFlow borrowing = stack.create(stack.charges(tenantA, "borrowing"));

      StripeIngestionFlow refused =
          stack.await(
              tenantA,
              "borrowing",
              TIMEOUT,
              FlowAssertions.withReason(
                  FlowConditions.READY, FlowConditions.REASON_SECRET_NOT_FOUND));
      stack.awaitAllReady(List.of(ownFlow), TIMEOUT);
      // Several passes later (two more failed passes of A's flow, each of which logs its
      // reason), A still has made no Platform call and has not read B's Secrets.
      String failedPass = " " + tenantA + "/borrowing: " + FlowConditions.REASON_SECRET_NOT_FOUND;
      long failedBefore = logs.lines().stream().filter(l -> l.contains(failedPass)).count();
      Awaitility.await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  logs.lines().stream().filter(l -> l.contains(failedPass)).count()
                      >= failedBefore + 2);
      String message =
          FlowAssertions.condition(refused, FlowConditions.READY).orElseThrow().getMessage();
      long tenantACalls = sim.requestLog().count(e -> tenantA.equals(e.sandbox()));
      List<String> secretReadsInB =
          stack.kubernetesFaults().requests().stream()
              .filter(
                  r ->
                      MockCluster.OPERATOR_USER_AGENT.equals(r.userAgent())
                          && r.path().startsWith("/api/v1/namespaces/" + tenantB + "/secrets"))
              .map(r -> r.method() + " " + r.path())
              .toList();

      // Once A has its own Secrets, A's flow works.
      stack.platformSecret(tenantA);
      stack.stripeSecret(tenantA, "sk_test_tenant_a");
      StripeIngestionFlow fixed = stack.awaitAllReady(List.of(borrowing), TIMEOUT).get(0);
      StripeIngestionFlow own = stack.flow(tenantB, "own").orElseThrow();

      new ScenarioReport("tenancy-secrets", "Tenancy: Secrets stay in their namespace")
          .line(
              "flow in " + tenantA + " naming Secrets of " + tenantB,
              FlowConditions.REASON_SECRET_NOT_FOUND + ": \"" + message + "\"")
          .line("Platform calls for " + tenantA + " while refused", tenantACalls)
          .line("operator reads of " + tenantB + " Secrets by name", secretReadsInB.size())
          .line(
              "after " + tenantA + " got its own Secrets",
              "Ready, base connection "
                  + fixed.getStatus().getBaseConnection().getId()
                  + " ("
                  + tenantB
                  + " uses "
                  + own.getStatus().getBaseConnection().getId()
                  + ")")
          .publish();

      assertThat(message).contains("aep-credentials", tenantA).doesNotContain(tenantB);
      assertThat(tenantACalls).isZero();
      assertThat(secretReadsInB).isEmpty();
      assertThat(fixed.getStatus().getBaseConnection().getId())
          .isNotEqualTo(own.getStatus().getBaseConnection().getId());
    }
  }

  @Test
  void deployRbacGrantsNothingBeyondWhatTheOperatorUses() {
    // deploy/base: the ClusterRole and the leader-election Role; the namespaced overlay deletes
    // the ClusterRole and adds a Role per watched namespace.
    Path deploy = MockCluster.repoPath("deploy");
    Map<ApiVerb, String> granted =
        grants(
            deploy.resolve("base/cluster-role.yaml"),
            deploy.resolve("base/leader-election-role.yaml"));
    Map<ApiVerb, String> grantedNamespaced =
        grants(
            deploy.resolve("overlays/namespaced/watched-namespace-rbac.yaml"),
            deploy.resolve("base/leader-election-role.yaml"));
    Set<ApiVerb> used = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
    int requests;
    try (ReliabilityStack stack = ReliabilityStack.start()) {
      String ns = "payments";
      stack.namespace(ns);
      Replica replica =
          stack.startReplica(
              ReliabilityStack.leaderElection("rbac-replica"),
              ReliabilityStack.settings(Duration.ofSeconds(2), Duration.ofSeconds(1))
                  .withEventDedupeWindow(Duration.ofMillis(500)));
      Awaitility.await().atMost(TIMEOUT).until(replica.assembly()::isLeader);
      // Everything the operator does: a failing flow (a warning Event, then its series patched as
      // the failure recurs), create, update, a Secret rotation, deletion (finalizer removal), and
      // handing the Lease back on stop.
      StripeIngestionFlow flow = stack.create(stack.charges(ns, "charges"));
      stack.await(
          ns,
          "charges",
          TIMEOUT,
          FlowAssertions.withReason(FlowConditions.READY, FlowConditions.REASON_SECRET_NOT_FOUND));
      Awaitility.await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  stack.client().events().v1().events().inNamespace(ns).list().getItems().stream()
                      .anyMatch(e -> e.getSeries() != null && e.getSeries().getCount() >= 2));
      stack.platformSecret(ns);
      stack.stripeSecret(ns, "sk_test_rbac");
      stack.awaitAllReady(List.of(flow), TIMEOUT);
      stack.change(ns, "charges", f -> f.getSpec().getSchedule().setInterval(30));
      stack.awaitAllReady(List.of(flow), TIMEOUT);
      String version =
          stack.stripeSecret(ns, "sk_test_rbac_rotated").getMetadata().getResourceVersion();
      stack.await(
          ns,
          "charges",
          TIMEOUT,
          f ->
              FlowAssertions.readyForGeneration(f)
                  && FlowAssertions.usesSecretVersion(version).test(f));
      stack.client().resource(flow).delete();
      Awaitility.await().atMost(TIMEOUT).until(() -> stack.flow(ns, "charges").isEmpty());
      replica.stop();
      List<RecordingDispatcher.Request> operatorRequests =
          stack.kubernetesFaults().requests().stream()
              .filter(r -> MockCluster.OPERATOR_USER_AGENT.equals(r.userAgent()))
              .toList();
      requests = operatorRequests.size();
      operatorRequests.forEach(
          r ->
              ApiVerb.of(r.method(), r.path())
                  .filter(a -> !GRANTED_TO_EVERYONE.contains(a))
                  .ifPresent(used::add));
    }
    Set<ApiVerb> unused = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
    unused.addAll(granted.keySet());
    unused.removeAll(used);
    unused.removeAll(NEEDED_WITHOUT_A_REQUEST);
    Set<ApiVerb> namespacedUnused = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
    namespacedUnused.addAll(grantedNamespaced.keySet());
    namespacedUnused.removeAll(used);
    namespacedUnused.removeAll(NEEDED_WITHOUT_A_REQUEST);
    Set<ApiVerb> missing = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
    missing.addAll(used);
    missing.removeAll(granted.keySet());

    new ScenarioReport("tenancy-rbac", "Tenancy: deploy/ RBAC against what the operator does")
        .line(
            "operator requests",
            requests + " over create, failure, update, rotation, delete, " + "leader election")
        .line("used", used)
        .line(
            "granted by deploy/base",
            new TreeMap<>(
                granted.entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue))))
        .line("granted but unused (base)", unused)
        .line("granted but unused (namespaced)", namespacedUnused)
        .line("used but not granted", missing)
        .publish();

    assertThat(missing).as("used but not granted").isEmpty();
    assertThat(unused).as("granted by deploy/base but never used").isEmpty();
    assertThat(namespacedUnused)
        .as("granted by deploy/overlays/namespaced but never used")
        .isEmpty();
  }

  @Test
  void plainHttpPlatformUrlsAreRefusedUnlessExplicitlyAllowed() {
    Map<String, String> httpPlatform =
        Map.of(OperatorConfig.AEP_PLATFORM_URL, "http://platform.example.test");
    Map<String, String> httpIms = Map.of(OperatorConfig.AEP_IMS_URL, "http://ims.example.test");
    Map<String, String> allowedFalse = new HashMap<>(httpPlatform);
    allowedFalse.put(OperatorConfig.AEP_ALLOW_HTTP, "false");
    Map<String, String> allowed = new HashMap<>(httpPlatform);
    allowed.putAll(httpIms);
    allowed.put(OperatorConfig.AEP_ALLOW_HTTP, "true");
    List<String> refusals = new ArrayList<>();

    for (Map<String, String> env : List.of(httpPlatform, httpIms, allowedFalse)) {
      assertThatThrownBy(() -> OperatorConfig.fromEnvironment(env))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(
              env.containsKey(OperatorConfig.AEP_IMS_URL)
                  ? OperatorConfig.AEP_IMS_URL
                  : OperatorConfig.AEP_PLATFORM_URL)
          .hasMessageContaining(OperatorConfig.AEP_ALLOW_HTTP)
          .satisfies(e -> refusals.add(e.getMessage()));
    }
    OperatorConfig config = OperatorConfig.fromEnvironment(allowed);
    // The client refuses too, whoever builds it.
    assertThatThrownBy(
            () ->
                new PlatformEndpoints(
                    URI.create("http://platform.example.test"),
                    URI.create("https://ims.example.test"),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AEP_ALLOW_HTTP")
        .satisfies(e -> refusals.add(e.getMessage()));
    PlatformEndpoints endpoints =
        new PlatformEndpoints(config.platformUrl(), config.imsUrl(), config.allowHttp());

    new ScenarioReport("tenancy-http", "Tenancy: plain-http Platform URLs")
        .line(
            "refused",
            refusals.size()
                + " (AEP_PLATFORM_URL, AEP_IMS_URL, AEP_ALLOW_HTTP=false, "
                + "client endpoints)")
        .line("messages", refusals)
        .line(
            "accepted with AEP_ALLOW_HTTP=true",
            endpoints.platformUrl() + ", " + endpoints.imsUrl())
        .publish();

    assertThat(config.allowHttp()).isTrue();
    assertThat(endpoints.platformUrl().getScheme()).isEqualTo("http");
  }

  /** Every (group, resource, verb) the Roles and ClusterRoles in these manifest files grant. */
  private static Map<ApiVerb, String> grants(Path... files) {
    Map<ApiVerb, String> grants = new HashMap<>();
    try (KubernetesClient offline = new KubernetesClientBuilder().build()) {
      for (Path file : files) {
        List<HasMetadata> items;
        try (InputStream in = Files.newInputStream(file)) {
          items = offline.load(in).items();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        for (HasMetadata item : items) {
          List<PolicyRule> rules;
          if (item instanceof ClusterRole role) {
            rules = role.getRules();
          } else if (item instanceof Role role) {
            rules = role.getRules();
          } else {
            continue;
          }
          for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
              for (String resource : rule.getResources()) {
                for (String verb : rule.getVerbs()) {
                  grants.put(
                      new ApiVerb(group, resource, verb),
                      item.getKind()
                          + " "
                          + item.getMetadata().getName()
                          + (rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                              ? ""
                              : " (names " + rule.getResourceNames() + ")"));
                }
              }
            }
          }
        }
      }
    }
    return grants;
  }
}

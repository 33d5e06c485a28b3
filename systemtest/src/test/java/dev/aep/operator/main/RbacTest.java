package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.MockCluster;
import dev.aep.operator.testing.OperatorStackExtension;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the operator through a whole lifecycle against the mock API server, records every (resource,
 * verb) it asks for, and checks that deploy/base's RBAC grants each one.
 */
class RbacTest {
  /**
   * Granted to every authenticated user by the built-in system:basic-user ClusterRole; JOSDK asks
   * one before joining the leader election, to check it may use leases.
   */
  private static final Set<String> GRANTED_TO_ALL_USERS =
      Set.of(
          "authorization.k8s.io/selfsubjectrulesreviews",
          "authorization.k8s.io/selfsubjectaccessreviews");

  private static final String NAMESPACE = "payments";

  /** A stack per test; the test assembles its operators. */
  @RegisterExtension final OperatorStackExtension stack = OperatorStackExtension.withoutOperator();

  private final RbacPolicy policy = RbacPolicy.load(MockCluster.repoPath("deploy/base"));

  @Test
  void deployBaseRbacHasNoWildcards() {
    assertThat(policy.rules()).isNotEmpty();
    assertThat(policy.rules()).noneMatch(RbacPolicy.Rule::usesWildcard);
  }

  @Test
  void deployBaseRbacGrantsEverythingTheOperatorAsksForInAWholeLifecycle() {
    List<StripeIngestionFlow> flows = stack.applySamples(NAMESPACE, "charges.yaml", "once.yaml");
    OperatorAssembly operator =
        stack.assembly(
            Map.of(
                "LEADER_ELECTION", "true",
                "LEADER_ELECTION_NAMESPACE", policy.namespace(),
                "LEADER_ELECTION_IDENTITY", "rbac-test"));
    operator.start();
    flows.forEach(f -> stack.awaitReady(NAMESPACE, f.getMetadata().getName()));

    // Spec change.
    stack.change(NAMESPACE, "stripe-charges", f -> f.getSpec().getSchedule().setInterval(60));
    stack.awaitReady(NAMESPACE, "stripe-charges");

    // Secret rotation.
    Secret rotated =
        stack
            .client()
            .secrets()
            .inNamespace(NAMESPACE)
            .withName("stripe")
            .edit(
                s -> {
                  s.setData(
                      Map.of(
                          "accessToken",
                          Base64.getEncoder().encodeToString("sk_test_rotated".getBytes())));
                  s.setStringData(null);
                  return s;
                });
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                stack
                    .flow(NAMESPACE, "stripe-charges")
                    .orElseThrow()
                    .getStatus()
                    .getBaseConnection()
                    .getCredentialsVersion(),
            v -> Objects.equals(v, rotated.getMetadata().getResourceVersion()));

    // Deletion through the finalizer.
    stack.client().resource(stack.flow(NAMESPACE, "stripe-refunds-once").orElseThrow()).delete();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.flow(NAMESPACE, "stripe-refunds-once").isEmpty());

    operator.stop();

    Set<ApiAccess> used =
        stack.kubernetesRequests().stream()
            .filter(r -> MockCluster.OPERATOR_USER_AGENT.equals(r.userAgent()))
            .map(r -> ApiAccess.of(r.method(), r.path()))
            .flatMap(java.util.Optional::stream)
            .filter(a -> !GRANTED_TO_ALL_USERS.contains(a.apiGroup() + "/" + a.resource()))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> kinds =
        used.stream().map(a -> a.verb() + " " + a.resource()).collect(Collectors.toSet());

    // The lifecycle really exercised the operator's API surface, so the check below means
    // something.
    assertThat(kinds)
        .contains(
            "list stripeingestionflows",
            "watch stripeingestionflows",
            "patch stripeingestionflows/status",
            "watch secrets",
            "get leases");
    assertThat(used)
        .allSatisfy(
            access ->
                assertThat(policy.grants(access)).as("deploy/base grants %s", access).isTrue());
  }
}

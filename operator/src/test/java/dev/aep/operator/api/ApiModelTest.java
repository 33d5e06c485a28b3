package dev.aep.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.operator.api.v1alpha1.BaseConnectionStatus;
import dev.aep.operator.api.v1alpha1.DeletionPolicy;
import dev.aep.operator.api.v1alpha1.FlowConditions;
import dev.aep.operator.api.v1alpha1.FlowState;
import dev.aep.operator.api.v1alpha1.Frequency;
import dev.aep.operator.api.v1alpha1.IdentitySpec;
import dev.aep.operator.api.v1alpha1.MappingSpec;
import dev.aep.operator.api.v1alpha1.ResourcePath;
import dev.aep.operator.api.v1alpha1.RunStatus;
import dev.aep.operator.api.v1alpha1.ScheduleSpec;
import dev.aep.operator.api.v1alpha1.SourceType;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.api.v1alpha1.StripeIngestionFlowStatus;
import dev.aep.operator.testing.RepoRoot;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Java model reads and writes manifests the way the CRD describes them. */
class ApiModelTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final ObjectMapper mapper = new ObjectMapper();

  private List<Path> sampleFlowFiles() {
    return Manifests.yamlFiles(RepoRoot.path().resolve("samples")).stream()
        .filter(f -> Manifests.documents(f).stream().anyMatch(Manifests::isFlow))
        .collect(Collectors.toList());
  }

  private StripeIngestionFlow readFlow(Path file) {
    HasMetadata resource = serialization.unmarshal(RepoRoot.read(file), StripeIngestionFlow.class);
    return (StripeIngestionFlow) resource;
  }

  @Test
  void emptyStatusSerializesAsAnEmptyObjectAndEqualsItsRoundTrip() throws Exception {
    StripeIngestionFlowStatus status = new StripeIngestionFlowStatus();
    assertThat(mapper.writeValueAsString(status)).isEqualTo("{}");
    assertThat(mapper.readValue("{}", StripeIngestionFlowStatus.class))
        .usingRecursiveComparison()
        .isEqualTo(status);
  }

  @Test
  void filledStatusRoundTripsEqualAndOmitsWhatIsUnset() throws Exception {
    StripeIngestionFlowStatus status = new StripeIngestionFlowStatus();
    status.setObservedGeneration(3L);
    status.setConditions(
        List.of(
            new ConditionBuilder()
                .withType(FlowConditions.READY)
                .withStatus(FlowConditions.STATUS_TRUE)
                .withReason(FlowConditions.REASON_AVAILABLE)
                .withMessage("all Platform objects match the spec")
                .withObservedGeneration(3L)
                .withLastTransitionTime("2026-12-01T00:00:00Z")
                .build()));
    status.setBaseConnection(new BaseConnectionStatus("bc-1", "\"etag-1\"", "41", true));
    status.setLastRun(
        new RunStatus("run-1", "success", "2026-12-01T00:00:00Z", null, 10L, 9L, 1L, List.of()));

    String json = mapper.writeValueAsString(status);
    Map<String, Object> tree = mapper.readValue(json, new TypeReference<>() {});
    assertThat(tree)
        .containsOnlyKeys("observedGeneration", "conditions", "baseConnection", "lastRun");
    assertThat((Map<String, Object>) tree.get("lastRun"))
        .doesNotContainKeys("completedAt", "errors");
    assertThat(mapper.readValue(json, StripeIngestionFlowStatus.class))
        .usingRecursiveComparison()
        .isEqualTo(status);
    assertThat(status.findCondition(FlowConditions.READY))
        .get()
        .extracting(c -> c.getReason())
        .isEqualTo(FlowConditions.REASON_AVAILABLE);
    assertThat(status.findCondition(FlowConditions.SYNCED)).isEmpty();
  }

  @Test
  void everySampleReadsIntoTheModelWithItsWireValues() {
    List<Path> files = sampleFlowFiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    for (Path file : files) {
      StripeIngestionFlow flow = readFlow(file);
      assertThat(flow.getSpec().getResourcePath()).as("%s", file).isNotNull();
      assertThat(flow.getSpec().getSchedule().getFrequency()).as("%s", file).isNotNull();
      assertThat(flow.getSpec().getMapping()).as("%s", file).isNotEmpty();
    }
    StripeIngestionFlow balance =
        readFlow(RepoRoot.path().resolve("samples/balance-transactions.yaml"));
    assertThat(balance.getSpec().getResourcePath()).isEqualTo(ResourcePath.BALANCE_TRANSACTIONS);
    assertThat(balance.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.ORPHAN);
    assertThat(balance.getSpec().getSchedule().getFrequency()).isEqualTo(Frequency.WEEK);
    StripeIngestionFlow prices = readFlow(RepoRoot.path().resolve("samples/prices.yaml"));
    assertThat(prices.getSpec().getState()).isEqualTo(FlowState.DISABLED);
  }

  @Test
  void javaDefaultsAgreeWithTheCrdDefaults() {
    OfflineAdmission admission = OfflineAdmission.fromCrd(RepoFiles.committedCrd());
    for (Path file : sampleFlowFiles()) {
      Map<String, Object> manifest =
          Manifests.documents(file).stream().filter(Manifests::isFlow).findFirst().get();
      Map<String, Object> defaultedByServer = admission.withDefaults(manifest);
      Map<String, Object> writtenByModel =
          mapper.convertValue(
              readFlow(file).getSpec(), new TypeReference<Map<String, Object>>() {});
      assertThat(OfflineAdmission.normalize(writtenByModel))
          .as("%s", file)
          .isEqualTo(defaultedByServer.get("spec"));
    }
  }

  @Test
  void absentOptionalFieldsFallBackToTheDocumentedDefaults() {
    MappingSpec mapping = new MappingSpec("data.id", "_tenant.stripe.chargeId", null, null);
    assertThat(mapping.effectiveSourceType()).isEqualTo(SourceType.ATTRIBUTE);
    assertThat(new IdentitySpec("_tenant.stripe.email", "Email", null).isPrimary()).isFalse();
    StripeIngestionFlow flow = readFlow(RepoRoot.path().resolve("samples/subscriptions.yaml"));
    assertThat(flow.getSpec().getStripe().getAccessTokenSecretRef().effectiveKey())
        .isEqualTo("accessToken");
    assertThat(flow.getSpec().getStripe().managesBaseConnection()).isTrue();
    flow.getSpec().setState(null);
    flow.getSpec().setDeletionPolicy(null);
    assertThat(flow.getSpec().effectiveState()).isEqualTo(FlowState.ENABLED);
    assertThat(flow.getSpec().effectiveDeletionPolicy()).isEqualTo(DeletionPolicy.DELETE);
    assertThat(flow.getSpec().getTarget().deletesManagedOnDelete()).isFalse();
  }

  @Test
  void scheduleConvertsStartTimeToEpochSecondsAndBackfillPerFrequency() {
    assertThat(
            new ScheduleSpec(Frequency.MINUTE, 15, "2026-12-01T00:00:00Z", null)
                .startTimeEpochSeconds())
        .isEqualTo(1796083200L);
    assertThat(
            new ScheduleSpec(Frequency.HOUR, 1, "2026-12-01T01:00:00+01:00", null)
                .startTimeEpochSeconds())
        .isEqualTo(1796083200L);
    assertThat(new ScheduleSpec(Frequency.HOUR, 1, null, null).startTimeEpochSeconds()).isNull();
    assertThat(new ScheduleSpec(Frequency.HOUR, 1, null, null).effectiveBackfill()).isNull();
    assertThat(new ScheduleSpec(Frequency.DAY, 1, null, false).effectiveBackfill()).isFalse();
    assertThat(new ScheduleSpec(Frequency.ONCE, null, null, null).effectiveBackfill()).isNull();
  }

  @Test
  void enumsUseTheirWireValuesBothWays() {
    for (ResourcePath path : ResourcePath.values()) {
      assertThat(ResourcePath.fromValue(path.value())).isSameAs(path);
      assertThat(mapper.convertValue(path, String.class)).isEqualTo(path.value());
    }
    assertThat(mapper.convertValue("balance_transactions", ResourcePath.class))
        .isEqualTo(ResourcePath.BALANCE_TRANSACTIONS);
    assertThat(mapper.convertValue(DeletionPolicy.ORPHAN, String.class)).isEqualTo("Orphan");
    assertThat(mapper.convertValue(Frequency.ONCE, String.class)).isEqualTo("once");
    assertThat(mapper.convertValue(FlowState.DISABLED, String.class)).isEqualTo("disabled");
  }

  @Test
  void resourceCarriesGroupVersionAndKind() {
    StripeIngestionFlow flow = new StripeIngestionFlow();
    assertThat(flow.getApiVersion()).isEqualTo("flows.aep.dev/v1alpha1");
    assertThat(flow.getKind()).isEqualTo("StripeIngestionFlow");
    assertThat(HasMetadata.getPlural(StripeIngestionFlow.class)).isEqualTo("stripeingestionflows");
  }
}

package dev.aep.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import dev.aep.operator.testing.MutableClock;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recurring Events: one Event per kind of occurrence, its series counting the repeats. */
@EnableKubernetesMockClient(crud = true, https = false)
class FlowEventsTest {
  private static final Duration WINDOW = Duration.ofMillis(200);

  KubernetesClient client;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final FlowEvents events = new FlowEvents(clock, WINDOW);
  private final StripeIngestionFlow flow = new StripeIngestionFlow();

  @BeforeEach
  void flow() {
    flow.getMetadata().setNamespace("payments");
    flow.getMetadata().setName("charges");
    flow.getMetadata().setUid("0b7d2c4e-uid");
  }

  private List<Event> recorded() {
    return client.events().v1().events().inNamespace("payments").list().getItems();
  }

  private void pastTheWindow() {
    clock.advance(WINDOW.plusMillis(150));
  }

  @Test
  void aRepeatedWarningIsOneEventWhoseSeriesCountsEveryOccurrence() {
    for (int i = 0; i < 3; i++) {
      events.warning(client, flow, "SecretNotFound", "Secret payments/stripe not found");
    }
    pastTheWindow();
    events.warning(client, flow, "SecretNotFound", "Secret payments/stripe not found");

    List<Event> recorded = recorded();
    assertThat(recorded).hasSize(1);
    Event event = recorded.get(0);
    assertThat(event.getReason()).isEqualTo("SecretNotFound");
    assertThat(event.getRegarding().getUid()).isEqualTo("0b7d2c4e-uid");
    assertThat(event.getSeries()).isNotNull();
    assertThat(event.getSeries().getCount()).isEqualTo(4);
    assertThat(event.getSeries().getLastObservedTime().getTime())
        .isGreaterThan(event.getEventTime().getTime());
  }

  @Test
  void anotherReasonOrMessageIsItsOwnEvent() {
    events.warning(client, flow, "SecretNotFound", "Secret payments/stripe not found");
    events.warning(client, flow, "SecretNotFound", "Secret payments/aep-credentials not found");
    events.normal(client, flow, "Created", "created flow 42");

    assertThat(recorded()).hasSize(3).allMatch(e -> e.getSeries() == null);
  }

  @Test
  void aRepeatWithinTheWindowIsCountedWithoutAWrite() {
    events.warning(client, flow, "SecretNotFound", "Secret payments/stripe not found");
    events.warning(client, flow, "SecretNotFound", "Secret payments/stripe not found");

    List<Event> recorded = recorded();
    assertThat(recorded).hasSize(1);
    assertThat(recorded.get(0).getSeries()).isNull();
  }

  @Test
  void anExpiredEventIsRecordedAnewInsteadOfPatched() {
    events.warning(client, flow, "AuthFailed", "IMS refused the client credentials");
    client.events().v1().events().inNamespace("payments").delete();
    pastTheWindow();
    events.warning(client, flow, "AuthFailed", "IMS refused the client credentials");

    List<Event> recorded = recorded();
    assertThat(recorded).hasSize(1);
    assertThat(recorded.get(0).getReason()).isEqualTo("AuthFailed");
    assertThat(recorded.get(0).getSeries()).isNull();
  }
}

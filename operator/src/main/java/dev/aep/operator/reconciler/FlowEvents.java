package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events (events.k8s.io/v1) about flows. An identical event for the same flow is not
 * repeated within the dedupe window, so a failure retried with backoff does not flood the
 * namespace; events are best effort and never fail a reconcile.
 */
final class FlowEvents {
  static final String NORMAL = "Normal";
  static final String WARNING = "Warning";
  static final String CONTROLLER = "flows.aep.dev/stripe-aep-operator";

  private static final Logger LOG = LoggerFactory.getLogger(FlowEvents.class);
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Duration dedupeWindow;
  private final String instance;
  private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  FlowEvents(Clock clock, Duration dedupeWindow) {
    this.clock = clock;
    this.dedupeWindow = dedupeWindow;
    String host = System.getenv("HOSTNAME");
    this.instance = host == null || host.isBlank() ? "stripe-aep-operator" : host;
  }

  void normal(KubernetesClient client, StripeIngestionFlow flow, String reason, String note) {
    emit(client, flow, NORMAL, reason, note);
  }

  void warning(KubernetesClient client, StripeIngestionFlow flow, String reason, String note) {
    emit(client, flow, WARNING, reason, note);
  }

  private void emit(KubernetesClient client, StripeIngestionFlow flow, String type, String reason,
      String note) {
    Instant now = clock.instant();
    String key = flow.getMetadata().getUid() + "|" + type + "|" + reason + "|" + note;
    Instant previous = lastSent.get(key);
    if (previous != null && previous.plus(dedupeWindow).isAfter(now)) {
      return;
    }
    lastSent.put(key, now);
    prune(now);
    String name = flow.getMetadata().getName() + "."
        + Long.toHexString(now.toEpochMilli()) + Long.toHexString(sequence.incrementAndGet());
    Event event = new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(flow.getMetadata().getNamespace())
        .endMetadata()
        .withRegarding(new ObjectReferenceBuilder()
            .withApiVersion(flow.getApiVersion())
            .withKind(flow.getKind())
            .withName(flow.getMetadata().getName())
            .withNamespace(flow.getMetadata().getNamespace())
            .withUid(flow.getMetadata().getUid())
            .build())
        .withType(type)
        .withReason(reason)
        .withAction(reason)
        .withNote(truncate(note))
        .withEventTime(new MicroTime(MICRO.format(now)))
        .withReportingController(CONTROLLER)
        .withReportingInstance(instance)
        .build();
    try {
      client.events().v1().events().inNamespace(flow.getMetadata().getNamespace())
          .resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn("Could not record event {} for {}/{}: HTTP {}", reason,
          flow.getMetadata().getNamespace(), flow.getMetadata().getName(), e.getCode());
    }
  }

  /** Forgets dedupe entries of a deleted flow. */
  void forget(StripeIngestionFlow flow) {
    String prefix = flow.getMetadata().getUid() + "|";
    lastSent.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private void prune(Instant now) {
    if (lastSent.size() > 10_000) {
      lastSent.values().removeIf(t -> t.plus(dedupeWindow).isBefore(now));
    }
  }

  private static String truncate(String note) {
    // The API server refuses notes longer than 1 KiB.
    return note.length() <= 1000 ? note : note.substring(0, 997) + "...";
  }
}

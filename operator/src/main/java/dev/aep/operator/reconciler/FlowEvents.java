package dev.aep.operator.reconciler;

import dev.aep.operator.api.v1alpha1.StripeIngestionFlow;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
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
 * Kubernetes Events (events.k8s.io/v1) about flows. A recurring event is one Event with a series
 * (count, lastObservedTime), as the Kubernetes recorders do: within the dedupe window a repeat is
 * only counted, after it the existing Event is patched with the count so far, so a failure retried
 * with backoff neither floods the namespace nor goes silent. Events are best effort and never fail
 * a reconcile.
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
  private final Map<String, Recorded> recorded = new ConcurrentHashMap<>();
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

  private void emit(
      KubernetesClient client, StripeIngestionFlow flow, String type, String reason, String note) {
    Instant now = clock.instant();
    String key = flow.getMetadata().getUid() + "|" + type + "|" + reason + "|" + note;
    Recorded previous = recorded.get(key);
    if (previous != null) {
      int count = previous.count() + 1;
      if (previous.published().plus(dedupeWindow).isAfter(now)) {
        recorded.put(key, new Recorded(previous.name(), previous.published(), count));
        return;
      }
      if (patchSeries(client, flow, previous.name(), count, now)) {
        recorded.put(key, new Recorded(previous.name(), now, count));
        return;
      }
    }
    prune(now);
    String name =
        flow.getMetadata().getName()
            + "."
            + Long.toHexString(now.toEpochMilli())
            + Long.toHexString(sequence.incrementAndGet());
    Event event =
        named(flow, name)
            .withRegarding(
                new ObjectReferenceBuilder()
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
    recorded.put(key, new Recorded(name, now, 1));
    try {
      inNamespace(client, flow, event).create();
    } catch (KubernetesClientException e) {
      warn("record event " + reason, flow, e);
    }
  }

  /**
   * Raises the series of an Event already recorded; false when it is gone (Events expire, an hour
   * by default) or cannot be patched, so the caller records a new one.
   */
  private static boolean patchSeries(
      KubernetesClient client, StripeIngestionFlow flow, String name, int count, Instant now) {
    String series =
        "{\"series\":{\"count\":" + count + ",\"lastObservedTime\":\"" + MICRO.format(now) + "\"}}";
    try {
      // Addressed through resource(...), not withName(...), so the client sends the PATCH alone
      // instead of reading the Event first (which would need get on events too).
      inNamespace(client, flow, named(flow, name).build())
          .patch(PatchContext.of(PatchType.JSON_MERGE), series);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        warn("update the series of event " + name, flow, e);
      }
      return false;
    }
  }

  /** A failed Event write is logged, never fatal: the pass itself went as it went. */
  private static void warn(String doing, StripeIngestionFlow flow, KubernetesClientException e) {
    LOG.warn(
        "Could not {} for {}/{}: HTTP {}",
        doing,
        flow.getMetadata().getNamespace(),
        flow.getMetadata().getName(),
        e.getCode());
  }

  /** An Event of the flow's namespace with this name. */
  private static EventBuilder named(StripeIngestionFlow flow, String name) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(flow.getMetadata().getNamespace())
        .endMetadata();
  }

  private static Resource<Event> inNamespace(
      KubernetesClient client, StripeIngestionFlow flow, Event event) {
    return client
        .events()
        .v1()
        .events()
        .inNamespace(flow.getMetadata().getNamespace())
        .resource(event);
  }

  /** Forgets dedupe entries of a deleted flow. */
  void forget(StripeIngestionFlow flow) {
    String prefix = flow.getMetadata().getUid() + "|";
    recorded.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private void prune(Instant now) {
    if (recorded.size() > 10_000) {
      recorded.values().removeIf(r -> r.published().plus(dedupeWindow).isBefore(now));
    }
  }

  /** The Event recorded for one kind of occurrence: its name, last write and occurrences. */
  private record Recorded(String name, Instant published, int count) {}

  private static String truncate(String note) {
    // The API server refuses notes longer than 1 KiB.
    return note.length() <= 1000 ? note : note.substring(0, 997) + "...";
  }
}

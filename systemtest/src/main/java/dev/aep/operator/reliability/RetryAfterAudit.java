package dev.aep.operator.reliability;

import dev.aep.simulator.Kind;
import dev.aep.simulator.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks from the simulator's request log that the client honoured every {@code Retry-After}: after
 * a 429 answered at time t for an org+sandbox, no request of that scope that the client sent after
 * reading the 429 arrived before t + Retry-After.
 *
 * <p>The server cannot see when the client read the 429, so the audit judges what the log proves
 * and not what clock readings suggest. Fixed time allowances fail on a loaded machine: a request
 * written just before the 429 reached the client can wait in a socket buffer, behind a busy
 * simulator worker or through a pause of the shared JVM, and be logged as arriving well after t.
 * Instead it uses that HTTP/1.1 carries one request at a time per connection:
 *
 * <ul>
 *   <li>a request on the connection that carried the 429 was written after the client had read the
 *       429 in full: inside the window it is always a violation;
 *   <li>on any other connection, the first request arriving after t may have been on its way
 *       already (one per connection at most), so it is not counted;
 *   <li>a later request on another connection followed an answer given after t; it counts as a
 *       violation when it also arrived more than {@link #SCHEDULING_SLACK} after t. A client that
 *       ignores Retry-After sends many of those; a correct one sends none unless its thread reading
 *       the 429 stalled for longer than a whole exchange of another thread and the slack together.
 * </ul>
 */
final class RetryAfterAudit {
  /** See the class comment: only for requests that cannot have been in flight at the 429. */
  static final Duration SCHEDULING_SLACK = Duration.ofMillis(50);

  private RetryAfterAudit() {}

  /**
   * What the audit found.
   *
   * @param rateLimited 429 answers seen
   * @param violations requests sent inside a Retry-After window, with how early they were
   * @param worstEarly the largest amount by which a request came too early (zero when none did)
   * @param inFlight requests inside a window that may have been sent before the 429 was read
   */
  record Result(int rateLimited, List<String> violations, Duration worstEarly, int inFlight) {

    /** One line for a scenario report. */
    String summary() {
      return rateLimited
          + " checked, "
          + violations.size()
          + " violated (worst "
          + worstEarly.toMillis()
          + " ms early), "
          + inFlight
          + " arrivals inside a window possibly already on their way";
    }
  }

  /**
   * All entries must come from one org (the simulator's default client); the scope is the sandbox.
   * IMS token calls (no sandbox) are not checked, only used to explain a violation.
   */
  static Result audit(List<RequestLog.Entry> entries, Duration retryAfter) {
    Map<String, List<RequestLog.Entry>> bySandbox =
        entries.stream()
            .filter(e -> e.sandbox() != null)
            .collect(Collectors.groupingBy(RequestLog.Entry::sandbox));
    List<RequestLog.Entry> tokenCalls =
        entries.stream().filter(e -> e.kind() == Kind.TOKEN).toList();
    int rateLimited = 0;
    int inFlight = 0;
    List<String> violations = new ArrayList<>();
    Duration worst = Duration.ZERO;
    for (Map.Entry<String, List<RequestLog.Entry>> scope : bySandbox.entrySet()) {
      List<RequestLog.Entry> calls = new ArrayList<>(scope.getValue());
      calls.sort(Comparator.comparing(RequestLog.Entry::received));
      for (RequestLog.Entry limited : calls) {
        if (limited.status() != 429) {
          continue;
        }
        rateLimited++;
        Instant answered = limited.time();
        Instant until = answered.plus(retryAfter);
        Set<String> connectionsSeen = new HashSet<>();
        for (RequestLog.Entry next : calls) {
          if (next == limited) {
            continue;
          }
          Instant sent = next.received();
          boolean sameConnection = Objects.equals(next.connection(), limited.connection());
          // On the 429's own connection, arrival order is request order, even within one clock
          // tick.
          boolean after =
              sameConnection ? sent.isAfter(limited.received()) : sent.isAfter(answered);
          if (!after || !sent.isBefore(until)) {
            continue;
          }
          String reason;
          if (sameConnection) {
            reason = "on the connection that carried the 429";
          } else if (connectionsSeen.add(next.connection())) {
            inFlight++;
            continue;
          } else if (!sent.isAfter(answered.plus(SCHEDULING_SLACK))) {
            inFlight++;
            continue;
          } else {
            reason = "after an earlier answer on its connection";
          }
          Duration early = Duration.between(sent, until);
          worst = early.compareTo(worst) > 0 ? early : worst;
          // Context for whoever reads the failure: was the sender held up by a token renewal?
          String token =
              tokenCalls.stream()
                  .filter(
                      t -> !t.time().isAfter(sent) && t.time().isAfter(answered.minusSeconds(1)))
                  .reduce((x, y) -> y)
                  .map(
                      t ->
                          "; an IMS token call was answered "
                              + Duration.between(t.time(), sent).toMillis()
                              + " ms before it arrived")
                  .orElse("");
          violations.add(
              next.method()
                  + " "
                  + next.path()
                  + " in sandbox "
                  + scope.getKey()
                  + " arrived "
                  + early.toMillis()
                  + " ms before the Retry-After of the 429 at "
                  + answered
                  + " expired, "
                  + reason
                  + token);
        }
      }
    }
    return new Result(rateLimited, violations, worst, inFlight);
  }
}

package dev.aep.operator.reliability;

import dev.aep.simulator.Kind;
import dev.aep.simulator.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks from the simulator's request log that the client honoured every {@code Retry-After}: after
 * a 429 answered at time t for an org+sandbox, no request of that scope arrived before
 * t + Retry-After. Requests arriving within {@code inFlight} of t are not counted: another thread
 * may have sent them before the 429 reached the client (a client cannot recall a request already
 * on the wire), and clocks have millisecond granularity. A client that ignores Retry-After, or
 * honours it only on the one call that got the 429, sends its next requests well inside the window.
 */
final class RetryAfterAudit {
  private RetryAfterAudit() {}

  /**
   * What the audit found.
   *
   * @param rateLimited 429 answers seen
   * @param violations requests sent inside a Retry-After window, with how early they were
   * @param worstEarly the largest amount by which a request came too early (zero when none did)
   */
  record Result(int rateLimited, List<String> violations, Duration worstEarly) {}

  /**
   * All entries must come from one org (the simulator's default client); the scope is the sandbox.
   * IMS token calls (no sandbox) are not checked, only used to explain a violation.
   */
  static Result audit(List<RequestLog.Entry> entries, Duration retryAfter, Duration inFlight) {
    Map<String, List<RequestLog.Entry>> bySandbox = entries.stream()
        .filter(e -> e.sandbox() != null)
        .collect(Collectors.groupingBy(RequestLog.Entry::sandbox));
    List<RequestLog.Entry> tokenCalls = entries.stream()
        .filter(e -> e.kind() == Kind.TOKEN).toList();
    int rateLimited = 0;
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
        Instant from = answered.plus(inFlight);
        Instant until = answered.plus(retryAfter);
        for (RequestLog.Entry next : calls) {
          Instant sent = next.received();
          if (sent.isAfter(from) && sent.isBefore(until)) {
            Duration early = Duration.between(sent, until);
            worst = early.compareTo(worst) > 0 ? early : worst;
            // Context for whoever reads the failure: was the sender held up by a token renewal?
            String token = tokenCalls.stream()
                .filter(t -> !t.time().isAfter(sent) && t.time().isAfter(answered.minusSeconds(1)))
                .reduce((x, y) -> y)
                .map(t -> "; an IMS token call was answered "
                    + Duration.between(t.time(), sent).toMillis() + " ms before it arrived")
                .orElse("");
            violations.add(next.method() + " " + next.path() + " in sandbox " + scope.getKey()
                + " arrived " + early.toMillis() + " ms before the Retry-After of the 429 at "
                + answered + " expired" + token);
          }
        }
      }
    }
    return new Result(rateLimited, violations, worst);
  }
}

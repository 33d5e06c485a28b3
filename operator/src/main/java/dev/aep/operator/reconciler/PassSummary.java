package dev.aep.operator.reconciler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one pass changed on the Platform, as the one Normal Event the pass records: changes grouped
 * by what happened, in the order they first happened, e.g. "Created base connection 1f.., source
 * connection 2a.., ...; Explored Stripe resource path charges (31 top-level fields) (9 changes)".
 */
final class PassSummary {
  /** The Event's reason is the first of these the pass did, so a creating pass reads "Created". */
  private static final List<String> REASON_ORDER =
      List.of("Created", StepExecutor.REPLACING, StepExecutor.UPDATED, StepExecutor.DELETED);

  /** A summary ready to record. */
  record Summary(String reason, String note) {}

  private final Map<String, List<String>> changes = new LinkedHashMap<>();

  void add(String verb, String what) {
    changes.computeIfAbsent(verb, v -> new ArrayList<>()).add(what);
  }

  /** The summary of everything added since the last call; empty when nothing changed. */
  Optional<Summary> drain() {
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    String reason =
        REASON_ORDER.stream()
            .filter(changes::containsKey)
            .findFirst()
            .orElse(changes.keySet().iterator().next());
    int count = changes.values().stream().mapToInt(List::size).sum();
    String note =
        changes.entrySet().stream()
            .map(e -> e.getKey() + " " + String.join(", ", e.getValue()))
            .collect(Collectors.joining("; "));
    changes.clear();
    return Optional.of(new Summary(reason, count == 1 ? note : note + " (" + count + " changes)"));
  }
}

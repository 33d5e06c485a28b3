package dev.aep.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows runs wrote, per dataset id: only the latest {@link #KEPT} of each, so a benchmark with
 * many flows stays small. What a test reads to see what a mapping produced.
 */
public final class DatasetRows {
  /** Rows kept per dataset. */
  public static final int KEPT = 50;

  private final Map<String, Deque<ObjectNode>> rows = new HashMap<>();

  synchronized void add(String datasetId, List<ObjectNode> written) {
    Deque<ObjectNode> d = rows.computeIfAbsent(datasetId, k -> new ArrayDeque<>());
    for (ObjectNode row : written) {
      d.addLast(row);
      if (d.size() > KEPT) {
        d.removeFirst();
      }
    }
  }

  /** The kept rows of a dataset, oldest first; copies. Empty when nothing was written. */
  public synchronized List<ObjectNode> of(String datasetId) {
    List<ObjectNode> out = new ArrayList<>();
    rows.getOrDefault(datasetId, new ArrayDeque<>()).forEach(r -> out.add(r.deepCopy()));
    return out;
  }

  synchronized void clear() {
    rows.clear();
  }
}

package dev.ember.scheduler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexes of a task set's tasks still to launch, filed by where each would like to run: per preferred
 * executor, per preferred host, without preference, and all of them. A task is filed under every location it
 * prefers; entries of tasks launched or finished meanwhile are dropped lazily when met.
 */
final class PendingTasks {

  final Map<String, ArrayDeque<Integer>> forExecutor = new HashMap<>();
  final Map<String, ArrayDeque<Integer>> forHost = new HashMap<>();
  final ArrayDeque<Integer> noPrefs = new ArrayDeque<>();
  final ArrayDeque<Integer> all = new ArrayDeque<>();

  /** Files task {@code index}; a retried task goes to the front so it runs again soon. */
  void add(int index, List<TaskLocation> locations, boolean front) {
    for (TaskLocation location : locations) {
      if (location.isExecutor()) {
        push(forExecutor.computeIfAbsent(location.executorId(), k -> new ArrayDeque<>()), index, front);
      }
      push(forHost.computeIfAbsent(location.host(), k -> new ArrayDeque<>()), index, front);
    }
    if (locations.isEmpty()) {
      push(noPrefs, index, front);
    }
    push(all, index, front);
  }

  private static void push(ArrayDeque<Integer> queue, int index, boolean front) {
    if (front) {
      queue.addFirst(index);
    } else {
      queue.addLast(index);
    }
  }

  /** The keys of {@code byLocation}, copied, for iteration while queues are emptied. */
  static List<String> keys(Map<String, ArrayDeque<Integer>> byLocation) {
    return new ArrayList<>(byLocation.keySet());
  }
}

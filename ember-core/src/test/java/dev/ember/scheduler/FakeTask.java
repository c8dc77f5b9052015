package dev.ember.scheduler;

import dev.ember.EmberEnv;
import dev.ember.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A task for scheduler tests that are about where tasks go, not what they do: it is never run. */
final class FakeTask extends Task<Integer> {

  private static final long serialVersionUID = 1L;

  FakeTask(int stageId, int partition) {
    super(stageId, 0, 0, new FakePartition(partition), new byte[0], new Properties());
  }

  @Override
  protected Integer runTask(TaskContextImpl context, EmberEnv env) {
    throw new UnsupportedOperationException("fake tasks are only scheduled");
  }

  /** A task set of stage {@code stageId}, one task per entry of {@code locations}. */
  static TaskSet taskSet(int stageId, List<List<TaskLocation>> locations) {
    List<Task<?>> tasks = new ArrayList<>();
    for (int i = 0; i < locations.size(); i++) {
      tasks.add(new FakeTask(stageId, i));
    }
    return new TaskSet(tasks, stageId, 0, 0, new Properties(), locations);
  }

  private record FakePartition(int index) implements Partition {}
}

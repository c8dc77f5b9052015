package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.serializer.JavaSerializer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Delay scheduling in {@link TaskSetManager}, with fake offers and a hand-moved clock: executors A and B on
 * host1, C on host2; waits of 3 s at each level.
 */
class TaskSetManagerLocalityTest {

  private static final TaskLocation ON_A = TaskLocation.executor("host1", "A");
  private static final TaskLocation ON_B = TaskLocation.executor("host1", "B");

  private final Map<String, String> live = new HashMap<>(Map.of("A", "host1", "B", "host1", "C", "host2"));
  private final LiveExecutors liveExecutors = new LiveExecutors() {
    @Override
    public boolean isExecutorAlive(String executorId) {
      return live.containsKey(executorId);
    }

    @Override
    public boolean hasExecutorsAliveOnHost(String host) {
      return live.containsValue(host);
    }
  };
  private long now = 10_000;
  private long nextTaskId;

  private TaskSetManager manager(List<List<TaskLocation>> locations) {
    return new TaskSetManager(FakeTask.taskSet(1, locations), 4, new JavaSerializer().newInstance(),
        new LocalityWaits(3000, 3000), liveExecutors, () -> now);
  }

  private TaskDescription offer(TaskSetManager manager, String executorId) {
    return manager.resourceOffer(executorId, live.get(executorId), TaskLocality.ANY, nextTaskId++);
  }

  private static TaskLocality localityOf(TaskSetManager manager, TaskDescription task) {
    return manager.taskInfo(task.taskId()).taskLocality();
  }

  @Test
  void aTaskOfferedItsPreferredExecutorRunsThereProcessLocalAtOnce() {
    TaskSetManager manager = manager(List.of(List.of(ON_A), List.of(ON_B)));

    TaskDescription onA = offer(manager, "A");
    TaskDescription onB = offer(manager, "B");

    assertThat(onA.index()).isZero();
    assertThat(onB.index()).isEqualTo(1);
    assertThat(localityOf(manager, onA)).isEqualTo(TaskLocality.PROCESS_LOCAL);
    assertThat(manager.taskInfo(onA.taskId()).executorId()).isEqualTo("A");
    assertThat(localityOf(manager, onB)).isEqualTo(TaskLocality.PROCESS_LOCAL);
  }

  @Test
  void aTaskPreferringABusyExecutorWaitsTheProcessWaitThenRunsNodeLocalOnAnotherExecutorOfItsHost() {
    TaskSetManager manager = manager(List.of(List.of(ON_A)));
    assertThat(manager.localityLevels())
        .containsExactly(TaskLocality.PROCESS_LOCAL, TaskLocality.NODE_LOCAL, TaskLocality.ANY);

    assertThat(offer(manager, "B")).as("declined: A may free up").isNull();
    assertThat(manager.localityDelayRemainingMs(now)).isEqualTo(3000);
    now += 2999;
    assertThat(offer(manager, "B")).as("1 ms before the wait runs out").isNull();
    assertThat(manager.localityDelayRemainingMs(now)).isEqualTo(1);
    now += 1;
    TaskDescription task = offer(manager, "B");

    assertThat(task).isNotNull();
    assertThat(localityOf(manager, task)).isEqualTo(TaskLocality.NODE_LOCAL);
    assertThat(manager.localityDelayRemainingMs(now)).as("nothing left to hold back").isEqualTo(-1);
  }

  @Test
  void onAnotherHostItWaitsBothLevelsThenRunsAny() {
    TaskSetManager manager = manager(List.of(List.of(ON_A)));

    assertThat(offer(manager, "C")).isNull();
    now += 3000;
    assertThat(offer(manager, "C")).as("node-local now allowed, but C is not on host1").isNull();
    now += 2999;
    assertThat(offer(manager, "C")).isNull();
    now += 1;
    TaskDescription task = offer(manager, "C");

    assertThat(task).isNotNull();
    assertThat(localityOf(manager, task)).isEqualTo(TaskLocality.ANY);
  }

  @Test
  void tasksWithoutPreferencesGoAnywhereAtOnceWhileOthersWaitForTheirExecutor() {
    TaskSetManager manager = manager(List.of(List.of(ON_A), List.of(), List.of()));
    assertThat(manager.localityLevels()).containsExactly(TaskLocality.PROCESS_LOCAL, TaskLocality.NODE_LOCAL,
        TaskLocality.NO_PREF, TaskLocality.ANY);

    // The scheduler offers level by level; at NO_PREF the tasks without preference are not delayed.
    TaskDescription first = manager.resourceOffer("C", "host2", TaskLocality.NO_PREF, nextTaskId++);
    TaskDescription second = manager.resourceOffer("C", "host2", TaskLocality.NO_PREF, nextTaskId++);
    TaskDescription third = manager.resourceOffer("C", "host2", TaskLocality.NO_PREF, nextTaskId++);

    assertThat(List.of(first.index(), second.index())).containsExactly(1, 2);
    assertThat(localityOf(manager, first)).as("reported as Spark does").isEqualTo(TaskLocality.PROCESS_LOCAL);
    assertThat(third).as("task 0 still waits for A").isNull();
    assertThat(offer(manager, "A").index()).isZero();
  }

  @Test
  void aTaskSetWithNoPreferencesNeverWaits() {
    TaskSetManager manager = manager(List.of(List.of(), List.of()));
    assertThat(manager.localityLevels()).containsExactly(TaskLocality.NO_PREF, TaskLocality.ANY);

    assertThat(offer(manager, "C").index()).isZero();
    assertThat(offer(manager, "A").index()).isEqualTo(1);
    assertThat(manager.localityDelayRemainingMs(now)).isEqualTo(-1);
  }

  @Test
  void launchingAtTheCurrentLevelRestartsItsWait() {
    TaskSetManager manager = manager(List.of(List.of(ON_A), List.of(ON_A)));

    now += 2000;
    assertThat(offer(manager, "A").index()).as("launched process-local: the wait restarts").isZero();
    now += 2000;
    assertThat(offer(manager, "B")).as("only 2 s since the last process-local launch").isNull();
    now += 1000;

    assertThat(localityOf(manager, offer(manager, "B"))).isEqualTo(TaskLocality.NODE_LOCAL);
  }

  @Test
  void aTaskPreferringALostExecutorIsNotHeldBack() {
    TaskSetManager manager = manager(List.of(List.of(TaskLocation.executor("host3", "D"))));
    assertThat(manager.localityLevels()).as("D and host3 are not alive").containsExactly(TaskLocality.ANY);

    assertThat(localityOf(manager, offer(manager, "C"))).isEqualTo(TaskLocality.ANY);
  }

  @Test
  void whenThePreferredExecutorIsLostItsTasksRunNodeLocalWithoutWaitingForIt() {
    TaskSetManager manager = manager(List.of(List.of(ON_A)));
    assertThat(offer(manager, "B")).isNull();

    live.remove("A");
    manager.recomputeLocality();

    assertThat(manager.localityLevels()).containsExactly(TaskLocality.NODE_LOCAL, TaskLocality.ANY);
    assertThat(localityOf(manager, offer(manager, "B"))).isEqualTo(TaskLocality.NODE_LOCAL);
  }

  @Test
  void whenThePreferredExecutorRegistersAfterSubmissionTheManagerMovesToProcessLocal() {
    live.clear();
    TaskSetManager manager = manager(List.of(List.of(ON_A), List.of(ON_A)));
    assertThat(manager.localityLevels()).containsExactly(TaskLocality.ANY);

    live.putAll(Map.of("A", "host1", "C", "host2"));
    manager.recomputeLocality();

    assertThat(manager.localityLevels())
        .containsExactly(TaskLocality.PROCESS_LOCAL, TaskLocality.NODE_LOCAL, TaskLocality.ANY);
    assertThat(offer(manager, "C")).as("held for A again").isNull();
    assertThat(localityOf(manager, offer(manager, "A"))).isEqualTo(TaskLocality.PROCESS_LOCAL);
  }

  @Test
  void aFailedTaskIsRetriedAtItsPreferredExecutorFirst() {
    TaskSetManager manager = manager(List.of(List.of(ON_A), List.of(ON_A)));
    TaskDescription first = offer(manager, "A");

    manager.handleFailedTask(first.taskId(), TaskState.FAILED,
        new TaskEndReason.ExecutorLostFailure("A", false, "test"));
    TaskDescription retry = offer(manager, "A");

    assertThat(retry.index()).isZero();
    assertThat(retry.attemptNumber()).isEqualTo(1);
    assertThat(localityOf(manager, retry)).isEqualTo(TaskLocality.PROCESS_LOCAL);
  }

  @Test
  void localityWaitsComeFromSparkKeysWithPerLevelOverrides() {
    assertThat(LocalityWaits.fromConf(new EmberConf(false))).isEqualTo(new LocalityWaits(3000, 3000));
    assertThat(LocalityWaits.fromConf(new EmberConf(false).set("spark.locality.wait", "500ms")))
        .isEqualTo(new LocalityWaits(500, 500));
    assertThat(LocalityWaits.fromConf(new EmberConf(false).set("spark.locality.wait", "1s")
        .set("spark.locality.wait.process", "0").set("spark.locality.wait.node", "2s")))
        .isEqualTo(new LocalityWaits(0, 2000));
  }

  @Test
  void taskLocationsReadAndWriteSparksStringForm() {
    assertThat(TaskLocation.parse("executor_10.0.0.7_3")).isEqualTo(TaskLocation.executor("10.0.0.7", "3"));
    assertThat(TaskLocation.parse("worker-7.example.com")).isEqualTo(TaskLocation.host("worker-7.example.com"));
    assertThat(TaskLocation.executor("host1", "A")).hasToString("executor_host1_A");
    assertThat(TaskLocation.host("host1")).hasToString("host1");
  }
}

package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.rdd.RDD;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Task locations in local mode, where the one executor "driver" on "localhost" holds every cached block:
 * tasks of cached partitions (and of narrow descendants) prefer it and run PROCESS_LOCAL; an RDD's own host
 * preferences are honoured where the host is alive and cost no waiting where it is not.
 */
class LocalModeLocalityTest {

  private EmberContext sc;
  private final List<EmberListenerEvent.TaskEnd> taskEnds = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("locality")
        .set("spark.ui.showConsoleProgress", "false"));
    sc.addEmberListener(new EmberListener() {
      @Override
      public void onTaskEnd(EmberListenerEvent.TaskEnd event) {
        taskEnds.add(event);
      }
    });
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private List<TaskLocality> localitiesOfLastJob(int tasks) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (taskEnds.size() < tasks && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    List<TaskLocality> localities = taskEnds.stream().map(e -> e.taskInfo().taskLocality()).toList();
    taskEnds.clear();
    return localities;
  }

  @Test
  void cachedPartitionsAndTheirNarrowDescendantsPreferTheExecutorHoldingThem() throws Exception {
    RDD<Integer> cached = sc.parallelize(IntStream.range(0, 20).boxed().toList(), 4).map(n -> n * 2).cache();
    cached.count();
    localitiesOfLastJob(4);
    PreferredLocations locations = new PreferredLocations(sc.env().blockManagerMaster());
    RDD<Integer> child = cached.filter(n -> n > 10).map(n -> n + 1);

    assertThat(locations.of(cached, 2)).containsExactly(TaskLocation.executor("localhost", "driver"));
    assertThat(locations.of(child, 3)).as("through narrow dependencies")
        .containsExactly(TaskLocation.executor("localhost", "driver"));
    assertThat(locations.of(child.distinct(), 0)).as("a shuffle ends the search").isEmpty();
    assertThat(child.count()).isEqualTo(14);
    assertThat(localitiesOfLastJob(4)).containsOnly(TaskLocality.PROCESS_LOCAL).hasSize(4);
  }

  @Test
  void anRddsOwnHostPreferenceRunsNodeLocalOnALiveHostAndUnknownHostsCostNoWait() throws Exception {
    sc.parallelize(List.of(1), 1).count();
    localitiesOfLastJob(1);

    long start = System.currentTimeMillis();
    assertThat(new HostPreferringRDD(sc, List.of("localhost", "elsewhere.example.com")).count()).isEqualTo(2);
    List<TaskLocality> localities = localitiesOfLastJob(2);

    assertThat(localities).containsExactlyInAnyOrder(TaskLocality.NODE_LOCAL, TaskLocality.ANY);
    assertThat(System.currentTimeMillis() - start).as("no locality wait for a host with no executor")
        .isLessThan(2500);
    assertThat(TaskLocation.parse(new HostPreferringRDD(sc, List.of("executor_localhost_driver"))
        .preferredLocations(new IndexPartition(0)).get(0))).isEqualTo(TaskLocation.executor("localhost", "driver"));
  }

  /** One single-element partition per preferred host. */
  private static final class HostPreferringRDD extends RDD<Integer> {
    private static final long serialVersionUID = 1L;
    private final List<String> hosts;

    HostPreferringRDD(EmberContext sc, List<String> hosts) {
      super(sc, List.of());
      this.hosts = List.copyOf(hosts);
    }

    @Override
    public Iterator<Integer> compute(Partition split, TaskContext context) {
      return List.of(split.index()).iterator();
    }

    @Override
    protected Partition[] getPartitions() {
      Partition[] partitions = new Partition[hosts.size()];
      for (int i = 0; i < partitions.length; i++) {
        partitions[i] = new IndexPartition(i);
      }
      return partitions;
    }

    @Override
    protected List<String> getPreferredLocations(Partition split) {
      return List.of(hosts.get(split.index()));
    }
  }

  private record IndexPartition(int index) implements Partition {}
}

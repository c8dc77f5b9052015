package dev.ember.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.Tuple2;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExternalClusterManagerTest {

  private EmberContext sc;

  @AfterEach
  void stop() {
    if (sc != null) {
      sc.stop();
    }
  }

  @Test
  void aMasterUrlNoClusterManagerAcceptsIsRejectedWithAHint() {
    EmberConf conf = new EmberConf(false).setMaster("ember://127.0.0.1:7077").setAppName("nothing");

    assertThatThrownBy(() -> new EmberContext(conf))
        .isInstanceOf(EmberException.class)
        .satisfies(e -> assertThat(((EmberException) e).condition()).isEqualTo("INVALID_MASTER_URL"))
        .hasMessageContaining("ember-cluster");
    assertThat(EmberContext.getActive()).isEmpty();
  }

  @Test
  void aClusterManagerOnTheClasspathRunsTheJobAndTasksOfALostExecutorRunAgain() throws InterruptedException {
    sc = new EmberContext(new EmberConf(false).setMaster("losing-cluster://test").setAppName("losing")
        .set("spark.ui.showConsoleProgress", "false"));
    List<TaskEndReason> reasons = new CopyOnWriteArrayList<>();
    sc.addEmberListener(new EmberListener() {
      @Override
      public void onTaskEnd(EmberListenerEvent.TaskEnd taskEnd) {
        reasons.add(taskEnd.reason());
      }
    });

    Map<Integer, Integer> sums = sc.parallelize(IntStream.range(0, 10).boxed().toList(), 3)
        .mapToPair(n -> new Tuple2<>(n % 2, n))
        .reduceByKey(Integer::sum)
        .collectAsMap();

    assertThat(sums).isEqualTo(Map.of(0, 20, 1, 25));
    assertThat(sc.listenerBus().waitUntilEmpty(10_000)).isTrue();
    assertThat(reasons).anySatisfy(reason -> assertThat(reason)
        .isEqualTo(new TaskEndReason.ExecutorLostFailure("doomed", true, "killed by the test")));
  }
}

package dev.ember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression: a context whose startup failed after it claimed the JVM's single active slot used to keep that
 * slot, so no context could be created afterwards. The failed startup must release it and what it started.
 */
class FailedContextStartupTest {

  private EmberContext sc;

  @AfterEach
  void stop() {
    if (sc != null) {
      sc.stop();
    }
  }

  private static EmberConf conf() {
    return new EmberConf(false).setMaster("local[2]").setAppName("FailedContextStartupTest");
  }

  @Test
  void badSerializerNameDoesNotLeaveTheContextActive() {
    assertThatThrownBy(() -> new EmberContext(conf().set("spark.serializer", "no.such.Serializer")))
        .isInstanceOf(EmberException.class).hasMessageContaining("INVALID_SERIALIZER");
    assertThat(EmberContext.getActive()).isEmpty();
    assertANewContextRunsJobs();
  }

  @Test
  void badMemorySettingDoesNotLeaveTheContextActive() {
    assertThatThrownBy(() -> new EmberContext(conf().set("spark.memory.fraction", "most")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ember.memory.fraction");
    assertThat(EmberContext.getActive()).isEmpty();
    assertANewContextRunsJobs();
  }

  @Test
  void failureAfterTheEnvironmentStartedStopsWhatWasStarted() {
    // ember.task.maxFailures is read after the environment and the listener bus are running.
    assertThatThrownBy(() -> new EmberContext(conf().set("spark.task.maxFailures", "many")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ember.task.maxFailures");
    assertThat(EmberContext.getActive()).isEmpty();
    assertThatThrownBy(EmberEnv::get).hasMessageContaining("NO_ACTIVE_ENVIRONMENT");
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().equals("ember-listener-bus") && thread.isAlive());
    assertANewContextRunsJobs();
  }

  private void assertANewContextRunsJobs() {
    sc = new EmberContext(conf());
    assertThat(sc.parallelize(List.of(1, 2, 3), 2).count()).isEqualTo(3);
  }
}

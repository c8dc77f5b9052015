package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipedRDDTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("PipedRDDTest")
        .set("ember.task.maxFailures", "1"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void catReturnsTheElementsAsLines() {
    RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3, 4), 2);
    assertThat(rdd.pipe("cat").collect()).containsExactly("1", "2", "3", "4");
  }

  @Test
  void trTransformsEachPartition() {
    RDD<String> rdd = sc.parallelize(List.of("hello", "pipe world"), 2);
    assertThat(rdd.pipe("tr a-z A-Z").collect()).containsExactly("HELLO", "PIPE WORLD");
  }

  @Test
  void commandSeesItsEnvironmentAndMayPrintFewerLines() {
    RDD<String> rdd = sc.parallelize(List.of("a", "b", "c"), 1);
    assertThat(rdd.pipe(List.of("sh", "-c", "wc -l | tr -d ' '; echo $GREETING"), Map.of("GREETING", "hi"))
        .collect()).containsExactly("3", "hi");
  }

  @Test
  void failingCommandFailsTheJobNamingCommandAndStatus() {
    RDD<String> rdd = sc.parallelize(List.of("a", "b"), 1);
    assertThatThrownBy(() -> rdd.pipe(List.of("sh", "-c", "cat > /dev/null; exit 3")).collect())
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("PIPE_COMMAND_FAILED")
        .hasMessageContaining("status 3")
        .hasMessageContaining("sh -c cat > /dev/null; exit 3");
  }

  @Test
  void missingProgramFailsTheJob() {
    RDD<String> rdd = sc.parallelize(List.of("a"), 1);
    assertThatThrownBy(() -> rdd.pipe("no-such-program-ember").collect())
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("no-such-program-ember");
  }
}

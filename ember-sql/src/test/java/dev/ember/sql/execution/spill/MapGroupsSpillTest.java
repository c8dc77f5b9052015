package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.api.function.MapFunction;
import dev.ember.api.function.MapGroupsFunction;
import dev.ember.sql.Dataset;
import dev.ember.sql.Encoders;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Typed groupByKey/mapGroups over several times more rows than a task's memory sorts its groups through
 * spilled runs, streaming each group's values to the function.
 */
class MapGroupsSpillTest {

  private SpillTestSession spill;

  @BeforeEach
  void start() {
    spill = new SpillTestSession(8L << 20);
  }

  @AfterEach
  void stop() {
    spill.close();
  }

  private List<String> groupSums() {
    Dataset<String> names = spill.session.sql("SELECT concat('row-', id) AS s FROM gen").as(Encoders.STRING());
    MapFunction<String, Integer> byLastDigits = s -> Integer.parseInt(s.substring(4)) % 100;
    MapGroupsFunction<Integer, String, String> countAndSum = (key, values) -> {
      long count = 0;
      long sum = 0;
      while (values.hasNext()) {
        count++;
        sum += Integer.parseInt(values.next().substring(4));
      }
      return key + ":" + count + ":" + sum;
    };
    return names.groupByKey(byLastDigits, Encoders.INT()).mapGroups(countAndSum, Encoders.STRING())
        .collectAsList();
  }

  @Test
  void groupsSpillAndEveryGroupSeesAllItsValues() {
    spill.resetMetrics();
    List<String> result = groupSums();
    spill.awaitListeners();
    assertThat(spill.diskBytesSpilled.get()).isPositive();
    // Key k holds ids k, k + 100, ..., k + 99900: 1000 of them summing to 1000 k + 100 * (0 + ... + 999).
    List<String> expected = new ArrayList<>();
    for (int k = 0; k < 100; k++) {
      expected.add(k + ":1000:" + (1000L * k + 100L * 499_500));
    }
    assertThat(result).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(SpillTestSession.spillFilesLeft()).isZero();
  }

  @Test
  void aFunctionReadingPartOfItsGroupLeavesTheNextGroupsWhole() {
    Dataset<Integer> ids = spill.session.sql("SELECT id FROM gen WHERE id < 1000").as(Encoders.INT());
    MapGroupsFunction<Integer, Integer, Integer> firstOnly = (key, values) -> key * 10_000 + (values.hasNext()
        ? 1 : 0);
    List<Integer> result = ids.groupByKey((MapFunction<Integer, Integer>) id -> id % 7, Encoders.INT())
        .mapGroups(firstOnly, Encoders.INT()).collectAsList();
    assertThat(result).containsExactlyInAnyOrder(1, 10_001, 20_001, 30_001, 40_001, 50_001, 60_001);
  }
}

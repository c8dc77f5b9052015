package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GROUP BY with several times more groups than a task's memory holds spills sorted runs of partial rows in
 * both phases and gives the same answer as without memory pressure, for every kind of aggregation buffer.
 */
class AggregateSpillTest {

  private static final String MANY_FUNCTIONS = "SELECT id % 20000 AS g, count(*), sum(id), avg(id), "
      + "min(concat('row-', id)), max(concat('row-', id)), sum(CAST(id AS DECIMAL(12, 2)) / 100), "
      + "stddev_samp(id), var_pop(id), first(id % 20000), last(id % 20000) FROM gen GROUP BY id % 20000";
  private static final String COUNT_DISTINCT = "SELECT g, count(DISTINCT m) FROM (SELECT id % 20000 AS g, "
      + "id % 7 AS m FROM gen) t GROUP BY g";
  private static final String SKETCHES = "SELECT id % 10000 AS g, approx_count_distinct(id), max(id) "
      + "FROM gen GROUP BY id % 10000";

  private record Result(List<String> rows, long diskBytesSpilled) {}

  private static Result run(long memory, String query) {
    try (SpillTestSession spill = new SpillTestSession(memory)) {
      spill.resetMetrics();
      List<String> rows = spill.session.sql(query).collectAsList().stream().map(Row::toString).sorted().toList();
      spill.awaitListeners();
      assertThat(SpillTestSession.spillFilesLeft()).isZero();
      return new Result(rows, spill.diskBytesSpilled.get());
    }
  }

  @Test
  void everyBufferSurvivesTheSpill() {
    Result spilled = run(8L << 20, MANY_FUNCTIONS);
    Result inMemory = run(1L << 30, MANY_FUNCTIONS);
    assertThat(spilled.diskBytesSpilled()).isPositive();
    assertThat(inMemory.diskBytesSpilled()).isZero();
    assertThat(spilled.rows()).hasSize(20_000).isEqualTo(inMemory.rows());
    // Group 0 holds ids 0, 20000, 40000, 60000 and 80000: sum 200000, mean 40000, population variance 8e8,
    // sample standard deviation sqrt(1e9).
    assertThat(spilled.rows()).contains("[0,5,200000,40000.0,row-0,row-80000,2000.000000,31622.776601683792,"
        + "8.0E8,0,0]");
  }

  @Test
  void countDistinctSurvivesTheSpill() {
    Result spilled = run(8L << 20, COUNT_DISTINCT);
    Result inMemory = run(1L << 30, COUNT_DISTINCT);
    assertThat(spilled.diskBytesSpilled()).isPositive();
    assertThat(spilled.rows()).hasSize(20_000).isEqualTo(inMemory.rows());
    // Group 0: ids 0, 20000, 40000, 60000, 80000 are 0, 1, 2, 3, 4 modulo 7.
    assertThat(spilled.rows()).contains("[0,5]");
  }

  @Test
  void sketchesSurviveTheSpill() {
    Result spilled = run(8L << 20, SKETCHES);
    Result inMemory = run(1L << 30, SKETCHES);
    assertThat(spilled.diskBytesSpilled()).isPositive();
    assertThat(spilled.rows()).hasSize(10_000).isEqualTo(inMemory.rows());
    assertThat(spilled.rows()).contains("[9999,10,99999]");
  }
}

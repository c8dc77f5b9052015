package dev.ember.sql.execution.spill;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.execution.aggregate.HashAggregateExec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A GROUP BY whose input is already clustered by its keys (here by a repartition on them) runs as one COMPLETE
 * hash aggregation, as Spark's Complete mode: EXPLAIN shows one HashAggregate without partial functions, the
 * answers equal the two-phase plan's for every kind of buffer with NULLs, and the table still spills.
 */
class CompleteAggregateTest {

  private static final String INPUT = "SELECT id % 20000 AS g, id, CASE WHEN id % 3 = 0 THEN NULL ELSE id END AS n, "
      + "concat('row-', id) AS s FROM gen";
  private static final String FUNCTIONS = "count(*), count(n), sum(n), avg(n), min(s), max(s), "
      + "sum(CAST(n AS DECIMAL(12, 2)) / 100), min(n), max(n), approx_count_distinct(id), "
      + "round(stddev_samp(n), 6), round(var_pop(id), 3)";

  private record Result(List<String> rows, long diskBytesSpilled, String plan) {}

  private static Result run(long memory, boolean clustered) {
    try (SpillTestSession spill = new SpillTestSession(memory)) {
      spill.resetMetrics();
      Dataset<Row> input = spill.session.sql(INPUT);
      if (clustered) {
        input = input.repartition(col("g"));
      }
      input.createOrReplaceTempView("input");
      Dataset<Row> grouped = spill.session.sql("SELECT g, " + FUNCTIONS + " FROM input GROUP BY g");
      List<String> rows = grouped.collectAsList().stream().map(Row::toString).sorted().toList();
      spill.awaitListeners();
      assertThat(SpillTestSession.spillFilesLeft()).isZero();
      return new Result(rows, spill.diskBytesSpilled.get(), grouped.queryExecution().explainString(false));
    }
  }

  @Test
  void clusteredInputIsAggregatedInOnePhaseWithTheTwoPhaseAnswers() {
    Result complete = run(1L << 30, true);
    Result twoPhase = run(1L << 30, false);
    assertThat(complete.plan()).contains("HashAggregate(keys=[g#").doesNotContain("partial_");
    assertThat(complete.plan().split("HashAggregate\\(", -1)).hasSize(2);
    assertThat(twoPhase.plan()).contains("partial_count(1)");
    assertThat(complete.rows()).hasSize(20_000).isEqualTo(twoPhase.rows());
    // Group 0 holds ids 0, 20000, 40000, 60000, 80000; n is NULL for the multiples of 3 (0 and 60000), so it
    // holds 20000, 40000, 80000: sum 140000, mean 46666.67, sample variance ((-26666.67)^2 + (-6666.67)^2 +
    // 33333.33^2) / 2 = 9.3333e8 (deviation 30550.504633); the ids' population variance is 8e8. Moments are
    // rounded: merging partial moments sums in another order than updating them row by row.
    assertThat(complete.rows()).contains("[0,5,3,140000,46666.666666666664,row-0,row-80000,1400.000000,"
        + "20000,80000,5,30550.504633,8.0E8]");
  }

  @Test
  void completeAggregationSpillsAndMergesItsRuns() {
    Result spilled = run(8L << 20, true);
    Result inMemory = run(1L << 30, true);
    assertThat(spilled.plan()).doesNotContain("partial_");
    assertThat(spilled.diskBytesSpilled()).isPositive();
    assertThat(inMemory.diskBytesSpilled()).isZero();
    assertThat(spilled.rows()).hasSize(20_000).isEqualTo(inMemory.rows());
  }

  @Test
  void onlyAFinalPhaseDirectlyOverItsPartialPhaseIsCombined() {
    HashAggregateExec partialOnly = new HashAggregateExec(dev.ember.sql.execution.aggregate.AggregateMode.PARTIAL,
        List.of(), List.of(), List.of(), List.of(), List.of(),
        new dev.ember.sql.execution.LocalTableScanExec(List.of(), List.of(), 1));
    assertThat(partialOnly.completeOverPartial()).isEmpty();
  }
}

package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs join queries over {@code gen4} (the ids under 10000) and {@code gen} in a {@link SpillTestSession} with
 * broadcasts off and a given shuffled hash join build budget, after checking that each query plans the join
 * its test is about; the answers and the bytes spilled, to compare a spilled run with one in memory.
 */
final class BuildSideSpillRun {

  /** The answer of each query, as text, and the bytes its tasks spilled to disk. */
  record Result(List<String> rows, long diskBytesSpilled) {}

  private BuildSideSpillRun() {}

  /**
   * Runs {@code queries} with {@code memory} bytes of executor memory and a build budget of {@code budget};
   * query i's executed plan must contain {@code planned.get(i)}.
   */
  static Result run(long memory, String budget, List<String> queries, List<String> planned) {
    try (SpillTestSession spill = new SpillTestSession(memory, "spark.sql.autoBroadcastJoinThreshold", "-1",
        "ember.sql.join.shuffledHashJoinBuildBudget", budget)) {
      spill.session.sql("CREATE TEMPORARY VIEW gen4 AS SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS id "
          + "FROM digits a, digits b, digits c, digits e");
      spill.resetMetrics();
      for (int i = 0; i < queries.size(); i++) {
        assertThat(spill.session.sql(queries.get(i)).queryExecution().executedPlan().treeString())
            .contains(planned.get(i));
      }
      List<String> rows = new ArrayList<>();
      for (String query : queries) {
        rows.add(spill.session.sql(query).collectAsList().stream().map(Row::toString).toList().toString());
      }
      spill.awaitListeners();
      assertThat(SpillTestSession.spillFilesLeft()).isZero();
      return new Result(rows, spill.diskBytesSpilled.get());
    }
  }
}

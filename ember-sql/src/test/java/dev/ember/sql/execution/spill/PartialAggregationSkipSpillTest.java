package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A partial aggregation that stops hashing after its first rows (clustered input, or as many groups as rows)
 * gives the same answer as one that hashes everything, with NULL keys and values, under memory pressure that
 * makes the final phase spill and without it.
 */
class PartialAggregationSkipSpillTest {

  /** Keys clustered in runs of three, a few NULL keys, NULL values every seventh row. */
  private static final String CLUSTERED = "SELECT CASE WHEN id % 997 < 5 THEN NULL "
      + "ELSE CAST(id / 3 AS BIGINT) END AS k, count(*), "
      + "sum(CASE WHEN id % 7 = 0 THEN NULL ELSE CAST(id AS DECIMAL(12, 2)) END), min(id), "
      + "max(concat('r', id)), avg(id) FROM ids GROUP BY 1";
  /** As many groups as rows in each task's first rows. */
  private static final String SCATTERED = "SELECT id % 20000 AS k, count(*), sum(id), "
      + "sum(CAST(id AS DECIMAL(12, 2)) / 100), stddev_samp(id) FROM ids GROUP BY id % 20000";

  private static List<String> run(long memory, boolean skip, String query) {
    try (SpillTestSession spill = new SpillTestSession(memory,
        "spark.sql.aggregate.skipPartialAggregation", String.valueOf(skip),
        "spark.sql.aggregate.skipPartialAggregation.minNumRows", "20000")) {
      spill.session.sql("CREATE OR REPLACE TEMPORARY VIEW ids AS SELECT id FROM gen ORDER BY id");
      List<String> rows = spill.session.sql(query).collectAsList().stream().map(Row::toString).sorted().toList();
      spill.awaitListeners();
      assertThat(SpillTestSession.spillFilesLeft()).isZero();
      return rows;
    }
  }

  @Test
  void clusteredKeysPassThroughAsRunsAndMatchTheHashedAnswer() {
    List<String> skipped = run(8L << 20, true, CLUSTERED);
    List<String> hashed = run(1L << 30, false, CLUSTERED);
    assertThat(skipped).isEqualTo(hashed).hasSize(33_334 - 101 + 1);
    // Key 10 holds ids 30, 31, 32, none a multiple of 7. Each of the 101 blocks of five NULL keys (id % 997 < 5)
    // covers one key whole.
    assertThat(skipped).contains("[10,3,93.00,30,r32,31.0]");
    // Ids 0 to 4 have NULL keys, so key 1 holds id 5 alone; id 35 of key 11 has a NULL value.
    assertThat(skipped).contains("[1,1,5.00,5,r5,5.0]");
    assertThat(skipped).contains("[11,3,67.00,33,r35,34.0]");
  }

  @Test
  void scatteredKeysPassThroughAndMatchTheHashedAnswer() {
    List<String> skipped = run(8L << 20, true, SCATTERED);
    List<String> hashed = run(1L << 30, false, SCATTERED);
    assertThat(skipped).isEqualTo(hashed).hasSize(20_000);
    // Group 0 holds 0, 20000, 40000, 60000, 80000.
    assertThat(skipped).contains("[0,5,200000,2000.000000,31622.776601683792]");
  }
}

package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.Row;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ORDER BY over several times more rows than a task's memory spills sorted runs and merges them. */
class SortSpillTest {

  private SpillTestSession spill;

  @BeforeEach
  void start() {
    spill = new SpillTestSession(8L << 20);
  }

  @AfterEach
  void stop() {
    spill.close();
  }

  @Test
  void globalSortSpillsAndReturnsEveryRowInOrder() {
    spill.resetMetrics();
    // 7919 is prime to 100000, so k runs over a permutation of 0..99999.
    List<Row> rows = spill.session.sql("SELECT id, (id * 7919) % 100000 AS k, concat('row-', id) AS s "
        + "FROM gen ORDER BY k DESC").collectAsList();
    spill.awaitListeners();
    assertThat(rows).hasSize(SpillTestSession.ROWS);
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      int id = row.getInt(0);
      assertThat(row.getInt(1)).isEqualTo(SpillTestSession.ROWS - 1 - i);
      assertThat(id * 7919L % SpillTestSession.ROWS).isEqualTo(row.getInt(1));
      assertThat(row.getString(2)).isEqualTo("row-" + id);
    }
    assertThat(spill.diskBytesSpilled.get()).isPositive();
    assertThat(spill.memoryBytesSpilled.get()).isGreaterThan(spill.diskBytesSpilled.get());
    assertThat(SpillTestSession.spillFilesLeft()).isZero();
  }

  @Test
  void sortWithNullsAndTiesMatchesTheSortWithoutMemoryPressure() {
    String query = "SELECT CASE WHEN id % 7 = 0 THEN NULL ELSE id % 1000 END AS k, id, id % 3 = 0 AS b, "
        + "CAST(id AS DOUBLE) / 8 AS d, CAST(id AS DECIMAL(12, 2)) / 100 AS m FROM gen ORDER BY k NULLS LAST, id DESC";
    spill.resetMetrics();
    List<Row> spilled = spill.session.sql(query).collectAsList();
    spill.awaitListeners();
    assertThat(spill.diskBytesSpilled.get()).isPositive();
    spill.close();
    spill = new SpillTestSession(1L << 30);
    spill.resetMetrics();
    List<Row> inMemory = spill.session.sql(query).collectAsList();
    spill.awaitListeners();
    assertThat(spill.diskBytesSpilled.get()).isZero();
    assertThat(spilled).hasSize(SpillTestSession.ROWS).isEqualTo(inMemory);
    assertThat(spilled.get(0)).hasToString("[0,99000,true,12375.0,990.000000]");
    assertThat(spilled.get(SpillTestSession.ROWS - 1)).hasToString("[null,0,true,0.0,0.000000]");
  }

  @Test
  void spillFilesAreRemovedWhenTheTaskFails() {
    spill.close();
    spill = new SpillTestSession(8L << 20, "spark.sql.ansi.enabled", "true");
    spill.resetMetrics();
    // The division runs above the sort, so it fails while the sorted runs are being merged.
    assertThatThrownBy(() -> spill.session.sql("SELECT 1 % (k - 50000) FROM (SELECT (id * 7919) % 100000 AS k "
        + "FROM gen ORDER BY k) t").collectAsList()).hasMessageContaining("DIVIDE_BY_ZERO");
    spill.awaitListeners();
    assertThat(spill.diskBytesSpilled.get()).isPositive();
    assertThat(SpillTestSession.spillFilesLeft()).isZero();
  }
}

package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Row;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A window partition several times larger than a task's memory spills its rows' input values and reads them
 * back for the output, with every frame computed right.
 */
class WindowSpillTest {

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
  void oneHugePartitionSpillsAndEveryFrameIsRight() {
    spill.resetMetrics();
    // Two window partitions (id % 2) of 50,000 rows each, with a wide string column carried through.
    List<Row> rows = spill.session.sql("SELECT id, concat('a-rather-long-padding-string-', id) AS s, "
        + "row_number() OVER (PARTITION BY id % 2 ORDER BY id) AS rn, "
        + "sum(id) OVER (PARTITION BY id % 2 ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS pair, "
        + "lag(id, 1) OVER (PARTITION BY id % 2 ORDER BY id) AS prev FROM gen").collectAsList();
    spill.awaitListeners();
    assertThat(spill.diskBytesSpilled.get()).isPositive();
    assertThat(rows).hasSize(SpillTestSession.ROWS);
    boolean[] seen = new boolean[SpillTestSession.ROWS];
    for (Row row : rows) {
      int id = row.getInt(0);
      seen[id] = true;
      assertThat(row.getString(1)).isEqualTo("a-rather-long-padding-string-" + id);
      // In partition id % 2 the ids are id % 2, id % 2 + 2, ...: id is number id / 2 + 1.
      assertThat(row.getInt(2)).isEqualTo(id / 2 + 1);
      long expectedPair = id < 2 ? id : 2L * id - 2;
      assertThat(((Number) row.get(3)).longValue()).isEqualTo(expectedPair);
      if (id < 2) {
        assertThat(row.isNullAt(4)).isTrue();
      } else {
        assertThat(row.getInt(4)).isEqualTo(id - 2);
      }
    }
    for (boolean s : seen) {
      assertThat(s).isTrue();
    }
    assertThat(SpillTestSession.spillFilesLeft()).isZero();
  }

  @Test
  void manySmallPartitionsMatchTheRunWithoutMemoryPressure() {
    String query = "SELECT id, rank() OVER (PARTITION BY id % 1000 ORDER BY id DESC) AS r, "
        + "avg(id) OVER (PARTITION BY id % 1000) AS a FROM gen WHERE id < 20000 ORDER BY id";
    List<Row> small = spill.session.sql(query).collectAsList();
    assertThat(small).hasSize(20_000);
    // id 0 is the last of 0, 1000, ..., 19000 (rank 20); their average is 9500.
    assertThat(small.get(0)).hasToString("[0,20,9500.0]");
    assertThat(small.get(19_999)).hasToString("[19999,1,10499.0]");
  }
}

package dev.ember.sql.execution.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rows split over several partitions by a hash exchange arrive whole, with NULLs, decimals and UTF-8 strings. */
class HashExchangeSlicesTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("HashExchangeSlicesTest")
        .config("spark.sql.shuffle.partitions", "3").config("spark.sql.adaptive.enabled", "false").getOrCreate();
    // 60 rows: k = i % 4 (NULL when i % 9 == 0), d = i / 100 (NULL when i % 10 == 0), s = 'ü' + i.
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      values.append(i == 0 ? "" : ", ").append('(').append(i % 9 == 0 ? "NULL" : String.valueOf(i % 4))
          .append(", ").append(i % 10 == 0 ? "NULL" : "CAST(" + i + " AS DECIMAL(10,2)) / 100")
          .append(", 'ü").append(i).append("')");
    }
    session.sql("CREATE OR REPLACE TEMP VIEW t AS SELECT * FROM VALUES " + values + " AS t(k, d, s)");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void groupsSplitRowsByKeyWithNullsDecimalsAndStrings() {
    Map<Integer, long[]> expected = new HashMap<>();
    Map<Integer, String> maxima = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      Integer k = i % 9 == 0 ? null : i % 4;
      long[] acc = expected.computeIfAbsent(k == null ? -1 : k, x -> new long[2]);
      acc[0]++;
      acc[1] += i % 10 == 0 ? 0 : i;
      maxima.merge(k == null ? -1 : k, "ü" + i, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    List<Row> rows = session.sql("SELECT k, count(*), sum(d), count(s), max(s) FROM t GROUP BY k").collectAsList();
    assertThat(rows).hasSize(5);
    for (Row row : rows) {
      int key = row.isNullAt(0) ? -1 : row.getInt(0);
      long[] acc = expected.get(key);
      assertThat(row.getLong(1)).isEqualTo(acc[0]);
      assertThat(((BigDecimal) row.get(2)).movePointRight(2).longValueExact()).isEqualTo(acc[1]);
      assertThat(row.getLong(3)).isEqualTo(acc[0]);
      assertThat(row.getString(4)).isEqualTo(maxima.get(key));
    }
  }

  @Test
  void putsEveryKeyInExactlyOnePartition() {
    Dataset<Row> all = session.sql("SELECT * FROM t");
    Dataset<Row> repartitioned = all.repartition(4, all.col("k"));
    List<List<Row>> parts = repartitioned.rdd().glom().collect();
    assertThat(parts).hasSize(4);
    Map<Object, Integer> partitionOfKey = new HashMap<>();
    List<String> strings = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      for (Row row : parts.get(p)) {
        Object key = row.isNullAt(0) ? "null" : row.getInt(0);
        assertThat(partitionOfKey.putIfAbsent(key, p)).as("partition of %s", key).isIn(null, p);
        strings.add(row.getString(2));
      }
    }
    assertThat(strings).hasSize(60).doesNotHaveDuplicates().allMatch(s -> s.startsWith("ü"));
  }
}

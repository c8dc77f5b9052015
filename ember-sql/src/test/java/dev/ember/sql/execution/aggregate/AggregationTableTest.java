package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Group ids, columnar keys and columnar output of one aggregation table. */
class AggregationTableTest {

  private static final DecimalType PRICE = new DecimalType(15, 2);
  private static final DecimalType SUM = new DecimalType(25, 2);
  private static final List<AggregateEvaluator> EVALUATORS = List.of(
      new AggregateEvaluator.Simple(List.of(DataTypes.LongType), CountState::new),
      new AggregateEvaluator.Simple(List.of(SUM), () -> new DecimalSumState(SUM)));
  private static final List<DataType> PARTIAL_TYPES = List.of(DataTypes.IntegerType, DataTypes.LongType, SUM);

  /** Rows (key, price) with int keys; a null key is NULL. */
  private static ColumnarBatch batch(Integer[] keys, String[] prices) {
    ColumnVector keyColumn = ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(keys));
    ColumnVector priceColumn = ColumnVectors.of(PRICE, Arrays.stream(prices)
        .map(p -> p == null ? null : new BigDecimal(p)).toList());
    return new ColumnarBatch(new ColumnVector[] {keyColumn, priceColumn}, keys.length);
  }

  private static void update(AggregationTable table, ColumnarBatch batch) {
    List<Expression> keys = List.of(new BoundReference(0, DataTypes.IntegerType, true));
    List<Expression> inputs = List.of(new BoundReference(1, PRICE, true), new BoundReference(1, PRICE, true));
    table.update(batch, keys, inputs);
  }

  private static List<Object[]> rows(Iterator<ColumnarBatch> batches) {
    List<Object[]> rows = new ArrayList<>();
    while (batches.hasNext()) {
      ColumnarBatch b = batches.next();
      for (int r = 0; r < b.numRows(); r++) {
        Object[] row = new Object[b.numCols()];
        for (int c = 0; c < row.length; c++) {
          row[c] = b.column(c).getBoxed(r);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void clusteredKeysNullsAndRepeatsGetOneGroupEach() {
    AggregationTable table = new AggregationTable(EVALUATORS);
    update(table, batch(new Integer[] {5, 5, null, 5, 7, 7, null, 5},
        new String[] {"1.00", "2.00", "4.00", null, "8.00", "16.00", "32.00", "64.00"}));
    List<Object[]> rows = rows(table.partialOutput(PARTIAL_TYPES));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)).containsExactly(5, 3L, new BigDecimal("67.00"));
    assertThat(rows.get(1)).containsExactly(null, 2L, new BigDecimal("36.00"));
    assertThat(rows.get(2)).containsExactly(7, 2L, new BigDecimal("24.00"));
    assertThat(table.partialRow(1)).containsExactly(null, 2L, new BigDecimal("36.00"));
  }

  @Test
  void manyGroupsComeOutInBatchesWithTheirKeysAndSums() {
    AggregationTable table = new AggregationTable(EVALUATORS);
    int groups = 10_000;
    for (int round = 0; round < 2; round++) {
      for (int from = 0; from < groups; from += ColumnarBatch.MAX_ROWS) {
        int n = Math.min(ColumnarBatch.MAX_ROWS, groups - from);
        Integer[] keys = new Integer[n];
        String[] prices = new String[n];
        for (int i = 0; i < n; i++) {
          keys[i] = (from + i) * 7919 % groups;
          // Group 3's values are all NULL: count 0, sum NULL.
          prices[i] = keys[i] == 3 ? null : keys[i] + ".25";
        }
        update(table, batch(keys, prices));
      }
    }
    assertThat(table.numGroups()).isEqualTo(groups);
    Map<Object, Object[]> byKey = new HashMap<>();
    for (Object[] row : rows(table.partialOutput(PARTIAL_TYPES))) {
      byKey.put(row[0], row);
    }
    assertThat(byKey).hasSize(groups);
    assertThat(byKey.get(9_999)).containsExactly(9_999, 2L, new BigDecimal("19998.50"));
    assertThat(byKey.get(3)).containsExactly(3, 0L, null);
    assertThat(byKey.get(0)).containsExactly(0, 2L, new BigDecimal("0.50"));
  }

  @Test
  void tablesPastTheCachesLookUpBatchesAheadWithRepeatsNewKeysAndNullsInOneBatch() {
    AggregationTable table = new AggregationTable(EVALUATORS);
    int groups = 50_000;
    int rows = 2 * groups;
    Map<Integer, Long> expected = new HashMap<>();
    for (int round = 0; round < 2; round++) {
      for (int from = 0; from < rows; from += ColumnarBatch.MAX_ROWS) {
        int n = Math.min(ColumnarBatch.MAX_ROWS, rows - from);
        Integer[] keys = new Integer[n];
        String[] prices = new String[n];
        for (int i = 0; i < n; i++) {
          int r = from + i;
          // Each key twice in a row (a repeat of a key new to this batch), and a NULL key now and then.
          keys[i] = r % 1000 == 999 ? null : (r / 2) * 7919 % groups;
          prices[i] = "1.00";
          expected.merge(keys[i] == null ? -1 : keys[i], 1L, Long::sum);
        }
        update(table, batch(keys, prices));
      }
    }
    assertThat(table.numGroups()).isEqualTo(expected.size());
    Map<Integer, Long> counts = new HashMap<>();
    for (Object[] row : rows(table.partialOutput(PARTIAL_TYPES))) {
      assertThat(counts.put(row[0] == null ? -1 : (Integer) row[0], (Long) row[1])).isNull();
      assertThat(row[2]).isEqualTo(new BigDecimal((Long) row[1] + ".00"));
    }
    assertThat(counts).isEqualTo(expected);
    assertThat(counts.get(-1)).isEqualTo(200L);
  }

  @Test
  void finalOutputMergesPartialRowsAndOverflowingSumsStayExact() {
    AggregationTable table = new AggregationTable(EVALUATORS);
    IntColumnVector keys = (IntColumnVector) ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(1, 2, 1, null));
    ColumnVector counts = ColumnVectors.of(DataTypes.LongType, Arrays.asList(2L, 1L, 3L, 4L));
    BigDecimal big = new BigDecimal("90000000000000000.00");
    ColumnVector sums = ColumnVectors.of(SUM, Arrays.asList(big, null, big, new BigDecimal("-1.50")));
    table.merge(new ColumnarBatch(new ColumnVector[] {keys, counts, sums}, 4), 1);
    List<Expression> results = List.of(new BoundReference(0, DataTypes.IntegerType, true),
        new BoundReference(1, DataTypes.LongType, false), new BoundReference(2, SUM, true));
    List<Object[]> rows = rows(table.finalOutput(1, PARTIAL_TYPES, results));
    assertThat(rows).hasSize(3);
    // 2 * 9e16 has 18 integer digits, more than a long's unscaled value at scale 2 holds: it goes wide.
    assertThat(rows.get(0)).containsExactly(1, 5L, new BigDecimal("180000000000000000.00"));
    assertThat(rows.get(1)).containsExactly(2, 1L, null);
    assertThat(rows.get(2)).containsExactly(null, 4L, new BigDecimal("-1.50"));
  }

  @Test
  void withoutGroupingThereIsOneGroupEvenForNoInput() {
    AggregationTable table = new AggregationTable(EVALUATORS);
    List<Expression> results = List.of(new BoundReference(0, DataTypes.LongType, false),
        new BoundReference(1, SUM, true));
    List<Object[]> rows = rows(table.finalOutput(0, List.of(DataTypes.LongType, SUM), results));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsExactly(0L, null);
  }
}

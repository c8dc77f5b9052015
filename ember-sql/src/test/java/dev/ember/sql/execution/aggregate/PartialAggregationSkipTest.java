package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberConf;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision to stop hashing a partial aggregation, both ways, and the partial rows written one per run of
 * equal keys: NULL keys and values, runs crossing batches, string and multi-column keys.
 */
class PartialAggregationSkipTest {

  @Test
  void skipsWhenGroupsPerRowExceedTheRatioOrTheInputIsClustered() {
    PartialAggregationSkip skip = PartialAggregationSkip.defaults();
    // Still sampling: never before minNumRows rows.
    assertThat(skip.sampling(99_999)).isTrue();
    assertThat(skip.skip(99_999, 99_999, 99_999)).isFalse();
    // 90% of rows are new groups: hashing does not reduce.
    assertThat(skip.skip(100_000, 90_000, 100_000)).isTrue();
    // 25% groups, unclustered (every row its own run): hashing reduces four times, keep it.
    assertThat(skip.skip(100_000, 25_000, 100_000)).isFalse();
    // 25% groups, each one run (clustered input): runs give the same reduction without a hash table.
    assertThat(skip.skip(100_000, 25_000, 25_030)).isTrue();
    // Clustered but few groups: the table is small and reduces across batches, keep it.
    assertThat(skip.skip(100_000, 4, 30)).isFalse();
    assertThat(new PartialAggregationSkip(false, 0.8, 100_000).skip(100_000, 100_000, 100_000)).isFalse();
    assertThat(new PartialAggregationSkip(false, 0.8, 100_000).sampling(0)).isFalse();
  }

  @Test
  void settingsAreReadFromSparkOrEmberKeys() {
    EmberConf conf = new EmberConf(false);
    conf.set("spark.sql.aggregate.skipPartialAggregation", "false");
    conf.set("spark.sql.aggregate.skipPartialAggregation.ratio", "0.5");
    conf.set("ember.sql.aggregate.skipPartialAggregation.minNumRows", "1000");
    assertThat(PartialAggregationSkip.fromConf(conf)).isEqualTo(new PartialAggregationSkip(false, 0.5, 1000));
    assertThat(PartialAggregationSkip.fromConf(new EmberConf(false))).isEqualTo(PartialAggregationSkip.defaults());
  }

  @Test
  void runIdsTreatNullAsEqualToNullAndSplitOnAnyColumn() {
    ColumnVector a = ColumnVectors.of(DataTypes.LongType, Arrays.asList(1L, 1L, null, null, 2L, 2L, 2L));
    ColumnVector b = ColumnVectors.of(DataTypes.StringType, Arrays.asList("x", "x", "x", "x", "x", "y", null));
    int[] ids = new int[7];
    assertThat(KeyRuns.runIds(new ColumnVector[] {a}, 7, 10, ids)).isEqualTo(3);
    assertThat(ids).containsExactly(10, 10, 11, 11, 12, 12, 12);
    assertThat(KeyRuns.runIds(new ColumnVector[] {a, b}, 7, 0, ids)).isEqualTo(5);
    assertThat(ids).containsExactly(0, 0, 1, 1, 2, 3, 4);
    assertThat(KeyRuns.count(new ColumnVector[] {a, b}, 7)).isEqualTo(5);
    assertThat(KeyRuns.count(new ColumnVector[] {a}, 0)).isZero();
  }

  @Test
  void updateRunsWritesOnePartialRowPerRunAcrossBatchesWithNullKeysAndValues() {
    DecimalType type = new DecimalType(15, 2);
    AggregateEvaluator sum = new AggregateEvaluator.Simple(List.of(type), () -> new DecimalSumState(type));
    AggregationTable table = new AggregationTable(List.of(sum));
    List<Expression> keys = List.of(new BoundReference(0, DataTypes.LongType, true));
    List<Expression> inputs = List.of(new BoundReference(1, type, true));
    // Key 7 spans both batches: two partial rows, which the final phase merges.
    table.updateRuns(batch(Arrays.asList(5L, 5L, null, 7L), decimals(type, "1.50", "2.25", "3.00", null)),
        keys, inputs);
    table.updateRuns(batch(Arrays.asList(7L, 7L, 5L), decimals(type, "4.00", null, "0.01")), keys, inputs);
    List<String> rows = new ArrayList<>();
    Iterator<ColumnarBatch> out = table.partialOutput(List.of(DataTypes.LongType, type));
    while (out.hasNext()) {
      ColumnarBatch b = out.next();
      for (int r = 0; r < b.numRows(); r++) {
        rows.add(b.column(0).getBoxed(r) + "=" + b.column(1).getBoxed(r));
      }
    }
    // Group 7's first run has only a NULL value: its partial sum is NULL.
    assertThat(rows).containsExactly("5=3.75", "null=3.00", "7=null", "7=4.00", "5=0.01");
  }

  @Test
  void keysAddedInBulkMatchKeysAddedRowByRowAcrossChunks() {
    DecimalType type = new DecimalType(15, 2);
    int n = 5000;
    List<Long> longs = new ArrayList<>();
    List<Object> ints = new ArrayList<>();
    List<Object> decimals = new ArrayList<>();
    List<Object> strings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      longs.add(i % 11 == 0 ? null : (long) i * 3);
      ints.add(i % 13 == 0 ? null : i);
      decimals.add(i % 17 == 0 ? null : BigDecimal.valueOf(i, 2));
      strings.add(i % 19 == 0 ? null : "s" + i);
    }
    ColumnVector[] columns = {ColumnVectors.of(DataTypes.LongType, longs),
        ColumnVectors.of(DataTypes.IntegerType, ints), ColumnVectors.of(type, decimals),
        ColumnVectors.of(DataTypes.StringType, strings)};
    // Every other row, so a bulk copy crosses the chunk boundary at 4096 keys: 3000 keys, then 1000 more.
    int[] rows = new int[n / 2 + 1000];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (2 * i) % n;
    }
    GroupKeyColumns bulk = new GroupKeyColumns(4);
    bulk.addRows(columns, Arrays.copyOf(rows, 3000), 3000);
    bulk.addRows(columns, Arrays.copyOfRange(rows, 3000, rows.length), rows.length - 3000);
    GroupKeyColumns single = new GroupKeyColumns(4);
    for (int row : rows) {
      single.add(columns, row);
    }
    assertThat(bulk.size()).isEqualTo(single.size()).isEqualTo(rows.length);
    assertThat(bulk.estimatedSize()).isEqualTo(single.estimatedSize());
    for (int g = 0; g < rows.length; g++) {
      for (int k = 0; k < 4; k++) {
        assertThat(bulk.get(g, k)).isEqualTo(single.get(g, k)).isEqualTo(columns[k].getBoxed(rows[g]));
      }
    }
  }

  private static ColumnarBatch batch(List<Long> keys, ColumnVector values) {
    return new ColumnarBatch(new ColumnVector[] {ColumnVectors.of(DataTypes.LongType, keys), values}, keys.size());
  }

  private static ColumnVector decimals(DataType type, String... values) {
    List<Object> boxed = new ArrayList<>();
    for (String v : values) {
      boxed.add(v == null ? null : new BigDecimal(v));
    }
    return ColumnVectors.of(type, boxed);
  }
}

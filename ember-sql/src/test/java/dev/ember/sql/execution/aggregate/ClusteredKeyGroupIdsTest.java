package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Group ids of input clustered by its key: a row repeating the previous row's key takes its id without a
 * probe, in the small and the look-ahead paths of every table, across batches, NULL runs and growth.
 */
class ClusteredKeyGroupIdsTest {

  private static final List<AggregateEvaluator> COUNT = List.of(
      new AggregateEvaluator.Simple(List.of(DataTypes.LongType), CountState::new));
  private static final List<DataType> PARTIAL_TYPES = List.of(DataTypes.LongType, DataTypes.LongType);

  @Test
  void batchedLookupsOfRunsGiveEachRowItsKeysIdAndSkipMarkedRows() {
    LongGroupIds ids = new LongGroupIds();
    int count = 40_000;
    for (int i = 0; i < count; i++) {
      ids.put(i * 65_536L, i);
    }
    assertThat(ids.large()).isTrue();
    long k3 = 3 * 65_536L;
    long k9 = 9 * 65_536L;
    long absent = 7L;
    // Runs of 3, 9 and an absent key; a skipped row inside a run of 3 breaks it without lending its id.
    long[] keys = {k3, k3, k3, k3, k3, k9, k9, absent, absent, k3};
    boolean[] skip = {false, false, true, false, false, false, false, false, false, false};
    int[] out = new int[keys.length];
    ids.getAll(keys, skip, keys.length, out);
    assertThat(out).containsExactly(3, 3, -1, 3, 3, 9, 9, -1, -1, 3);
  }

  @Test
  void alternatingKeysAreLookedUpRowByRow() {
    LongGroupIds ids = new LongGroupIds();
    for (int i = 0; i < 40_000; i++) {
      ids.put(i, i);
    }
    long[] keys = {1, 2, 1, 2, 1, 2, 5, 5};
    int[] out = new int[keys.length];
    ids.getAll(keys, new boolean[keys.length], keys.length, out);
    assertThat(out).containsExactly(1, 2, 1, 2, 1, 2, 5, 5);
  }

  @Test
  void aSizeHintMakesRoomForTheKeysWithoutGrowing() {
    LongGroupIds ids = new LongGroupIds(100_000);
    int capacity = ids.capacity();
    assertThat(capacity).isGreaterThanOrEqualTo(200_000);
    for (int i = 0; i < 100_000; i++) {
      ids.put(i * 31L, i);
    }
    assertThat(ids.capacity()).isEqualTo(capacity);
    assertThat(ids.get(99_999 * 31L)).isEqualTo(99_999);
    assertThat(ids.get(1L)).isEqualTo(-1);
    assertThat(new LongGroupIds(0).capacity()).isEqualTo(1024);
  }

  @Test
  void getOrPutFindsPresentKeysAndRecordsNewOnesThroughGrowth() {
    LongGroupIds ids = new LongGroupIds();
    for (int i = 0; i < 5_000; i++) {
      // Keys sharing low bits, so probes run past collisions; every key asked twice in a row.
      assertThat(ids.getOrPut(i * 65_536L, i)).isEqualTo(i);
      assertThat(ids.getOrPut(i * 65_536L, 99_999)).isEqualTo(i);
    }
    assertThat(ids.size()).isEqualTo(5_000);
    assertThat(ids.capacity()).isGreaterThanOrEqualTo(10_000);
    assertThat(ids.get(4_999 * 65_536L)).isEqualTo(4_999);
    assertThat(ids.get(1L)).isEqualTo(-1);
  }

  /** Counts rows per key through an aggregation table, batch by batch, in the order groups were made. */
  private static Map<Long, Long> countByTable(List<Long> keys, int batchRows) {
    AggregationTable table = new AggregationTable(COUNT);
    List<Expression> keyExpressions = List.of(new BoundReference(0, DataTypes.LongType, true));
    List<Expression> inputs = List.of(new BoundReference(0, DataTypes.LongType, true));
    for (int from = 0; from < keys.size(); from += batchRows) {
      List<Long> slice = keys.subList(from, Math.min(keys.size(), from + batchRows));
      ColumnVector column = ColumnVectors.of(DataTypes.LongType, slice);
      table.update(new ColumnarBatch(new ColumnVector[] {column}, slice.size()), keyExpressions, inputs);
    }
    Map<Long, Long> out = new LinkedHashMap<>();
    Iterator<ColumnarBatch> batches = table.partialOutput(PARTIAL_TYPES);
    while (batches.hasNext()) {
      ColumnarBatch b = batches.next();
      for (int r = 0; r < b.numRows(); r++) {
        out.put((Long) b.column(0).getBoxed(r), (Long) b.column(1).getBoxed(r));
      }
    }
    return out;
  }

  /** The expected counts: count(k) counts non-NULL values, so the NULL group counts 0. */
  private static Map<Long, Long> expected(List<Long> keys) {
    Map<Long, Long> out = new LinkedHashMap<>();
    for (Long key : keys) {
      out.merge(key, key == null ? 0L : 1L, Long::sum);
    }
    return out;
  }

  /**
   * Keys 0, 1, 2, ... each repeated 1 to 5 times (runs cross the batch boundaries, 4096 rows not being a
   * multiple of the run lengths), with a run of NULLs every 1000 keys, spread so that home slots collide.
   */
  private static List<Long> clustered(int distinct) {
    List<Long> keys = new ArrayList<>();
    for (int k = 0; k < distinct; k++) {
      for (int r = 0; r <= k % 5; r++) {
        keys.add(k * 65_536L);
      }
      if (k % 1000 == 999) {
        keys.addAll(Arrays.asList(null, null, null));
      }
    }
    return keys;
  }

  @Test
  void clusteredRunsInTheLookAheadPathCountEveryRowOnceInFirstSeenOrder() {
    // 60,000 groups: the table grows past 64K slots while runs are being read, so later batches take the
    // batched lookup, and one run straddles each growth.
    List<Long> keys = clustered(60_000);
    Map<Long, Long> counts = countByTable(keys, ColumnarBatch.MAX_ROWS);
    assertThat(counts).containsExactlyEntriesOf(expected(keys));
    assertThat(counts.get(0L)).isEqualTo(1L);
    assertThat(counts.get(4 * 65_536L)).isEqualTo(5L);
    assertThat(counts.get(null)).isEqualTo(0L);
  }

  @Test
  void clusteredRunsInTheSmallPathAndAlternatingKeysCountEveryRowOnce() {
    List<Long> keys = clustered(500);
    assertThat(countByTable(keys, 7)).containsExactlyEntriesOf(expected(keys));
    List<Long> alternating = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      alternating.add(i % 2 == 0 ? Long.valueOf(1L) : i % 3 == 0 ? null : Long.valueOf(2L));
    }
    Map<Long, Long> counts = countByTable(alternating, 100);
    assertThat(counts).containsExactlyEntriesOf(expected(alternating));
    assertThat(counts.get(1L)).isEqualTo(500L);
  }

  @Test
  void aRunOfNewKeysInALargeTableMakesOneGroup() {
    // After 40,000 keys, batches made only of new keys in runs of 4: every run's first row makes the group,
    // the rest of the run takes it.
    List<Long> keys = new ArrayList<>();
    for (int k = 0; k < 40_000; k++) {
      keys.add((long) k);
    }
    for (int k = 0; k < 10_000; k++) {
      for (int r = 0; r < 4; r++) {
        keys.add(-1L - k);
      }
    }
    Map<Long, Long> counts = countByTable(keys, ColumnarBatch.MAX_ROWS);
    assertThat(counts).hasSize(50_000);
    assertThat(counts.get(-1L)).isEqualTo(4L);
    assertThat(counts.get(-10_000L)).isEqualTo(4L);
    assertThat(counts).containsExactlyEntriesOf(expected(keys));
  }

  private static int[] multiKeyIds(MultiKeyGroupIds table, List<DataType> types, List<?>... columns) {
    ColumnVector[] vectors = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      vectors[c] = ColumnVectors.of(types.get(c), columns[c]);
    }
    int n = columns[0].size();
    int[] out = new int[n];
    int[] next = {table.size()};
    table.groupIds(vectors, n, out, row -> next[0]++);
    return out;
  }

  @Test
  void multiKeyRunsWhereOnlyOneColumnChangesSplitAtTheChange() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    List<DataType> types = List.of(DataTypes.StringType, DataTypes.IntegerType);
    int[] ids = multiKeyIds(table, types, Arrays.asList("a", "a", "a", "a", null, null, "b", "b"),
        Arrays.asList(1, 1, 2, 2, 2, 2, null, null));
    assertThat(ids).containsExactly(0, 0, 1, 1, 2, 2, 3, 3);
    // The next batch continues the last run and returns to earlier groups.
    assertThat(multiKeyIds(table, types, Arrays.asList("b", "a", "a", null), Arrays.asList(null, 2, 1, 2)))
        .containsExactly(3, 1, 0, 2);
    assertThat(table.size()).isEqualTo(4);
  }

  @Test
  void multiKeyRunsOfNegativeZeroAndZeroOrNansShareTheirGroup() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(1);
    List<DataType> types = List.of(DataTypes.DoubleType);
    int[] ids = multiKeyIds(table, types, Arrays.asList(-0.0, 0.0, 0.0, Double.NaN, Double.NaN, 1.0, null));
    assertThat(ids).containsExactly(0, 0, 0, 1, 1, 2, 3);
  }

  @Test
  void packedRunsWhereOnlyOneColumnChangesSplitAtTheChangeInBothPaths() {
    PackedKeyGroupIds packed = new PackedKeyGroupIds(2);
    GroupKeyColumns keys = new GroupKeyColumns(2);
    // 50,000 groups (a, b) = (g / 10, g % 10), each in a run of 3 rows, so only b changes within most
    // neighbouring runs; the table passes 64K slots on the way.
    int groups = 50_000;
    List<Integer> a = new ArrayList<>();
    List<Long> b = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      for (int r = 0; r < 3; r++) {
        a.add(g / 10);
        b.add(g % 10 == 9 ? null : (long) (g % 10));
      }
    }
    for (int from = 0; from < a.size(); from += ColumnarBatch.MAX_ROWS) {
      int to = Math.min(a.size(), from + ColumnarBatch.MAX_ROWS);
      ColumnVector[] columns = {ColumnVectors.of(DataTypes.IntegerType, a.subList(from, to)),
          ColumnVectors.of(DataTypes.LongType, b.subList(from, to))};
      int[] out = new int[to - from];
      assertThat(packed.groupIds(columns, to - from, out, row -> keys.add(columns, row), keys, keys.size()))
          .isTrue();
      for (int i = 0; i < out.length; i++) {
        assertThat(out[i]).isEqualTo((from + i) / 3);
      }
    }
    assertThat(keys.size()).isEqualTo(groups);
  }
}

package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several integral keys packed into one long: layouts, widening, NULLs, and refusal past 64 bits. */
class PackedKeyGroupIdsTest {

  /** A packed table with the key store and dense ids of an aggregation table. */
  private static final class Harness {
    final PackedKeyGroupIds ids = new PackedKeyGroupIds(2);
    final GroupKeyColumns keys = new GroupKeyColumns(2);

    /** The ids of rows (a, b), or null when the table refuses the batch. */
    int[] lookUp(DataType typeA, List<?> a, DataType typeB, List<?> b) {
      ColumnVector[] columns = {ColumnVectors.of(typeA, a), ColumnVectors.of(typeB, b)};
      int[] out = new int[a.size()];
      boolean ok = ids.groupIds(columns, a.size(), out, row -> keys.add(columns, row), keys, keys.size());
      return ok ? out : null;
    }
  }

  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType LONG = DataTypes.LongType;

  @Test
  void nullsInEitherColumnAreTheirOwnKeysAndDifferFromZero() {
    Harness h = new Harness();
    int[] ids = h.lookUp(INT, Arrays.asList(0, null, 0, null, 0, 1, null),
        LONG, Arrays.asList(5L, 5L, null, null, 5L, 5L, null));
    assertThat(ids).containsExactly(0, 1, 2, 3, 0, 4, 3);
    assertThat(h.keys.get(1, 0)).isNull();
    assertThat(h.keys.get(2, 1)).isNull();
  }

  @Test
  void widerValuesRepackTheGroupsHeldAndKeepTheirIds() {
    Harness h = new Harness();
    assertThat(h.lookUp(INT, List.of(1, 2, 1), LONG, List.of(10L, 10L, 11L))).containsExactly(0, 1, 2);
    // Far below and above the first layout in both columns: the layout widens, old keys keep their ids.
    int[] ids = h.lookUp(INT, List.of(-1_000_000, 2, 1, Integer.MAX_VALUE, 1),
        LONG, List.of(10L, 10L, 11L, 1L << 30, -(1L << 30)));
    assertThat(ids).containsExactly(3, 1, 2, 4, 5);
    assertThat(h.lookUp(INT, List.of(1, -1_000_000), LONG, List.of(10L, 10L))).containsExactly(0, 3);
  }

  @Test
  void keysNeedingMoreThan64BitsAreRefusedBeforeAnyGroupIsMade() {
    Harness h = new Harness();
    assertThat(h.lookUp(LONG, List.of(1L), LONG, List.of(2L))).containsExactly(0);
    assertThat(h.lookUp(LONG, List.of(Long.MIN_VALUE, 7L), LONG, List.of(Long.MAX_VALUE, 7L))).isNull();
    assertThat(h.keys.size()).isEqualTo(1);
    DecimalType wide = new DecimalType(38, 0);
    Harness d = new Harness();
    assertThat(d.lookUp(wide, List.of(new BigDecimal("123456789012345678901234567890")), INT, List.of(1)))
        .isNull();
    assertThat(d.lookUp(wide, List.of(new BigDecimal("-5"), new BigDecimal("-5")), INT, List.of(1, 1)))
        .containsExactly(0, 0);
  }

  @Test
  void manyGroupsGoThroughTheLookAheadPath() {
    Harness h = new Harness();
    int groups = 60_000;
    for (int round = 0; round < 2; round++) {
      for (int from = 0; from < groups; from += ColumnarBatch.MAX_ROWS) {
        int n = Math.min(ColumnarBatch.MAX_ROWS, groups - from);
        List<Integer> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int g = (from + i) * 7919 % groups;
          a.add(g / 100);
          b.add((long) (g % 100) * 1_000_003L);
        }
        int[] ids = h.lookUp(INT, a, LONG, b);
        for (int i = 0; i < n; i++) {
          assertThat(h.keys.get(ids[i], 0)).isEqualTo(a.get(i));
          assertThat(h.keys.get(ids[i], 1)).isEqualTo(b.get(i));
        }
      }
      assertThat(h.keys.size()).isEqualTo(groups);
    }
  }

  @Test
  void anAggregationMovesItsGroupsToTheGeneralTableWhenKeysOutgrow64Bits() {
    List<AggregateEvaluator> count = List.of(new AggregateEvaluator.Simple(List.of(LONG), CountState::new));
    AggregationTable table = new AggregationTable(count);
    List<Expression> keys = List.of(new BoundReference(0, LONG, true), new BoundReference(1, LONG, true));
    List<Expression> inputs = List.of(new BoundReference(0, LONG, true));
    table.update(batch(Arrays.asList(1L, 2L, 1L, null), Arrays.asList(3L, 3L, 3L, 3L)), keys, inputs);
    table.update(batch(Arrays.asList(Long.MIN_VALUE, 1L, null, 2L), Arrays.asList(Long.MAX_VALUE, 3L, 3L, 4L)),
        keys, inputs);
    table.update(batch(Arrays.asList(2L, 1L), Arrays.asList(3L, 3L)), keys, inputs);
    Map<List<Object>, Object> counts = new HashMap<>();
    Iterator<ColumnarBatch> out = table.partialOutput(List.of(LONG, LONG, LONG));
    while (out.hasNext()) {
      ColumnarBatch b = out.next();
      for (int r = 0; r < b.numRows(); r++) {
        counts.put(Arrays.asList(b.column(0).getBoxed(r), b.column(1).getBoxed(r)), b.column(2).getBoxed(r));
      }
    }
    assertThat(counts).hasSize(5)
        .containsEntry(List.of(1L, 3L), 4L)
        .containsEntry(List.of(2L, 3L), 2L)
        .containsEntry(Arrays.asList(null, 3L), 0L)
        .containsEntry(List.of(Long.MIN_VALUE, Long.MAX_VALUE), 1L)
        .containsEntry(List.of(2L, 4L), 1L);
  }

  private static ColumnarBatch batch(List<Long> a, List<Long> b) {
    return new ColumnarBatch(new ColumnVector[] {ColumnVectors.of(LONG, a), ColumnVectors.of(LONG, b)}, a.size());
  }
}

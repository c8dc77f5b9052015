package dev.ember.sql.execution.join;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open-addressing index of a single integral join key: key beside first row, duplicates linked. */
class LongKeyIndexTest {

  private static List<String> probe(LongKeyIndex index, long[] keys, boolean[] skip) {
    IntList s = new IntList();
    IntList b = new IntList();
    index.probe(keys, skip, keys.length, s, b);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i) + "-" + b.get(i));
    }
    return out;
  }

  @Test
  void duplicateKeysMatchInBuildOrderAndSkippedRowsMatchNothing() {
    long[] build = {7, 3, 7, 0, 7, 3};
    boolean[] nulls = {false, false, false, true, false, false};
    LongKeyIndex index = new LongKeyIndex(build, nulls, build.length);
    // Build row 3 is NULL (its slot value 0 is meaningless), so stream key 0 matches nothing.
    assertThat(probe(index, new long[] {7, 0, 3, 5, 7}, new boolean[] {false, false, false, false, true}))
        .containsExactly("0-0", "0-2", "0-4", "2-1", "2-5");
  }

  @Test
  void manyKeysSharingLowBitsKeepTheirRowsThroughLinearProbing() {
    int n = 50_000;
    long[] build = new long[n];
    for (int i = 0; i < n; i++) {
      build[i] = (long) i << 32;
    }
    LongKeyIndex index = new LongKeyIndex(build, new boolean[n], n);
    long[] stream = {0L, 49_999L << 32, 12_345L << 32, 1L, -(1L << 32), Long.MIN_VALUE};
    assertThat(probe(index, stream, new boolean[stream.length])).containsExactly("0-0", "1-49999", "2-12345");
  }

  private static ColumnarBatch column(DataType type, Object... values) {
    ColumnVector[] columns = {ColumnVectors.of(type, Arrays.asList(values))};
    return new ColumnarBatch(columns, values.length);
  }

  private static List<String> join(ColumnarBatch build, DataType buildType, ColumnarBatch stream,
      DataType streamType) {
    HashedRelation relation = HashedRelation.build(build, List.of(new BoundReference(0, buildType, true)),
        new boolean[] {false});
    assertThat(relation.hasLongKeyIndex()).isTrue();
    List<Expression> streamKey = List.of(new BoundReference(0, streamType, true));
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(stream, streamKey, s, b);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i) + "-" + b.get(i));
    }
    return out;
  }

  @Test
  void intBuildKeysCompareByValueWithBigintStreamKeys() {
    ColumnarBatch build = column(DataTypes.IntegerType, 1, null, -5, 1);
    ColumnarBatch stream = column(DataTypes.LongType, 1L, 1L << 32 | 1, -5L, null);
    // 2^32 + 1 wraps to 1 as an int, but compared as a long it equals no int key.
    assertThat(join(build, DataTypes.IntegerType, stream, DataTypes.LongType))
        .containsExactly("0-0", "0-3", "2-2");
  }

  @Test
  void decimalStreamValuesTooWideForALongMatchNoCompactBuildKey() {
    DecimalType type = new DecimalType(38, 0);
    ColumnarBatch build = column(type, BigDecimal.ONE, BigDecimal.TEN);
    BigDecimal huge = new BigDecimal("123456789012345678901234567890");
    ColumnarBatch stream = column(type, huge, BigDecimal.TEN, null, BigDecimal.ONE);
    assertThat(join(build, type, stream, type)).containsExactly("1-1", "3-0");
  }

  private static ColumnarBatch pairs(DataType type, List<?> first, List<?> second) {
    ColumnVector[] columns = {ColumnVectors.of(type, first), ColumnVectors.of(type, second)};
    return new ColumnarBatch(columns, first.size());
  }

  private static List<String> joinPairs(ColumnarBatch build, ColumnarBatch stream, DataType type,
      boolean packed) {
    List<Expression> keys = List.of(new BoundReference(0, type, true), new BoundReference(1, type, true));
    HashedRelation relation = HashedRelation.build(build, keys, new boolean[] {false, false});
    assertThat(relation.hasLongKeyIndex()).isEqualTo(packed);
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(stream, keys, s, b);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i) + "-" + b.get(i));
    }
    return out;
  }

  @Test
  void twoIntegralKeysPackIntoOneLongAndMatchOnlyWhenBothAreEqual() {
    ColumnarBatch build = pairs(DataTypes.LongType, Arrays.asList(1L, 1L, 2L, null, -1L, 1L),
        Arrays.asList(2L, 3L, 1L, 2L, -1L, 2L));
    ColumnarBatch stream = pairs(DataTypes.LongType, Arrays.asList(1L, 2L, 1L, null, -1L, 1L << 32 | 1, 3L),
        Arrays.asList(2L, 1L, null, 2L, -1L, 2L, 3L));
    // (2^32 + 1, 2) would pack like (1, 2) if its high bits were dropped; it must match nothing.
    assertThat(joinPairs(build, stream, DataTypes.LongType, true))
        .containsExactly("0-0", "0-5", "1-2", "4-4");
  }

  @Test
  void buildValuesOutsideTheIntRangeKeepTheChainedTable() {
    ColumnarBatch build = pairs(DataTypes.LongType, List.of(1L, 1L << 40), List.of(2L, 2L));
    ColumnarBatch stream = pairs(DataTypes.LongType, List.of(1L << 40, 1L, 0L), List.of(2L, 2L, 2L));
    assertThat(joinPairs(build, stream, DataTypes.LongType, false)).containsExactly("0-1", "1-0");
    ColumnarBatch ints = pairs(DataTypes.IntegerType, List.of(Integer.MIN_VALUE, -1),
        List.of(-1, Integer.MAX_VALUE));
    assertThat(joinPairs(ints, ints, DataTypes.IntegerType, true)).containsExactly("0-0", "1-1");
  }
}

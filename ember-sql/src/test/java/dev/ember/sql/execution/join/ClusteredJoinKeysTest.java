package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hash joins on keys clustered on both sides: consecutive equal build keys are linked without probing, and
 * consecutive equal stream keys reuse the previous row's matches, in the integral index and the chains.
 */
class ClusteredJoinKeysTest {

  private static List<String> pairs(IntList s, IntList b) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i) + "-" + b.get(i));
    }
    return out;
  }

  private static List<String> probe(LongKeyIndex index, long[] keys, boolean[] skip, boolean firstOnly) {
    IntList s = new IntList();
    IntList b = new IntList();
    index.probe(keys, skip, keys.length, s, b, firstOnly);
    return pairs(s, b);
  }

  @Test
  void runsOfEqualKeysOnBothSidesMatchEveryPairInBuildOrder() {
    long[] build = {5, 5, 5, 8, 8, 0, 0, 9, 5};
    boolean[] nulls = {false, false, false, false, false, true, true, false, false};
    LongKeyIndex index = new LongKeyIndex(build, nulls, build.length);
    // Stream: a run of 5s, a run of 8s, a NULL run (skipped) of key 0, a run of an absent key, 5 again.
    long[] stream = {5, 5, 8, 8, 0, 0, 7, 7, 5};
    boolean[] skip = {false, false, false, false, true, true, false, false, false};
    assertThat(probe(index, stream, skip, false)).containsExactly(
        "0-0", "0-1", "0-2", "0-8", "1-0", "1-1", "1-2", "1-8", "2-3", "2-4", "3-3", "3-4",
        "8-0", "8-1", "8-2", "8-8");
    assertThat(probe(index, stream, skip, true)).containsExactly("0-0", "1-0", "2-3", "3-3", "8-0");
    // A skipped row inside a run matches nothing, and the run goes on after it.
    assertThat(probe(index, new long[] {8, 8, 8}, new boolean[] {false, true, false}, true))
        .containsExactly("0-3", "2-3");
  }

  @Test
  void aDistinctIndexOverRunsKeepsTheFirstRowOfEachKey() {
    long[] build = {4, 4, 4, 6, 6, 4};
    LongKeyIndex index = new LongKeyIndex(build, new boolean[build.length], build.length, true);
    assertThat(probe(index, new long[] {4, 4, 6, 6, 1}, new boolean[5], false))
        .containsExactly("0-0", "1-0", "2-3", "3-3");
  }

  @Test
  void largeClusteredSidesWithCollidingHomeSlotsMatchExactly() {
    // 20,000 keys spaced so they share low bits, each on three consecutive build rows: a hashed index.
    int keys = 20_000;
    long[] build = new long[3 * keys];
    for (int i = 0; i < build.length; i++) {
      build[i] = (long) (i / 3) << 32;
    }
    LongKeyIndex index = new LongKeyIndex(build, new boolean[build.length], build.length);
    assertThat(index.isDense()).isFalse();
    long[] stream = new long[4096];
    for (int i = 0; i < stream.length; i++) {
      // Runs of two rows per key; every fourth run's key is absent.
      int key = i / 2;
      stream[i] = key % 4 == 3 ? ((long) key << 32) + 1 : (long) key << 32;
    }
    IntList s = new IntList();
    IntList b = new IntList();
    index.probe(stream, new boolean[stream.length], stream.length, s, b);
    // 2,048 runs of two stream rows, three in four of them matching three build rows each.
    assertThat(s.size()).isEqualTo(2048 / 4 * 3 * 2 * 3);
    for (int m = 0; m < s.size(); m++) {
      int row = s.get(m);
      int buildRow = b.get(m);
      assertThat(buildRow / 3).isEqualTo(row / 2);
      if (m % 3 > 0) {
        assertThat(buildRow).isEqualTo(b.get(m - 1) + 1);
      }
    }
  }

  private static final List<DataType> INT_STRING = List.of(DataTypes.IntegerType, DataTypes.StringType);
  private static final List<DataType> STRING_STRING = List.of(DataTypes.StringType, DataTypes.StringType);

  private static ColumnarBatch batch(List<DataType> types, Object[]... rows) {
    ColumnVector[] columns = new ColumnVector[types.size()];
    for (int c = 0; c < columns.length; c++) {
      List<Object> values = new ArrayList<>();
      for (Object[] row : rows) {
        Object v = row[c];
        values.add(c == 0 && v != null && types.get(0) == DataTypes.StringType ? "k" + v : v);
      }
      columns[c] = ColumnVectors.of(types.get(c), values);
    }
    return new ColumnarBatch(columns, rows.length);
  }

  private static ColumnarBatch build(List<DataType> types) {
    return batch(types, new Object[] {1, "x"}, new Object[] {2, "y1"}, new Object[] {2, "y2"},
        new Object[] {2, "y3"}, new Object[] {null, "n1"}, new Object[] {null, "n2"}, new Object[] {4, "w"});
  }

  private static ColumnarBatch stream(List<DataType> types) {
    return batch(types, new Object[] {2, "a"}, new Object[] {2, "b"}, new Object[] {null, "c"},
        new Object[] {null, "d"}, new Object[] {3, "e"}, new Object[] {3, "f"}, new Object[] {2, "g"},
        new Object[] {1, "h"}, new Object[] {1, "i"});
  }

  private static List<String> join(List<DataType> types, JoinType type, Expression condition,
      boolean existenceOnly) {
    List<Expression> key = List.of(new BoundReference(0, types.get(0), true));
    ColumnarBatch build = build(types);
    HashedRelation relation = HashedRelation.build(build, key, new boolean[] {false}, existenceOnly);
    assertThat(relation.hasLongKeyIndex()).isEqualTo(types == INT_STRING);
    JoinProcessor processor = new JoinProcessor(type, false, condition, types, types);
    List<String> out = new ArrayList<>();
    Iterator<ColumnarBatch> joined = processor.join(List.of(stream(types)).iterator(), relation.rows(),
        relation.candidates(key));
    joined.forEachRemaining(b -> b.rows().forEach(r -> out.add(Arrays.toString(r).replace("k", ""))));
    return out.stream().sorted().toList();
  }

  @Test
  void everyJoinTypeOverClusteredDuplicatesOnBothSides() {
    for (List<DataType> types : List.of(INT_STRING, STRING_STRING)) {
      assertThat(join(types, JoinType.INNER, null, false)).containsExactly("[1, h, 1, x]", "[1, i, 1, x]",
          "[2, a, 2, y1]", "[2, a, 2, y2]", "[2, a, 2, y3]", "[2, b, 2, y1]", "[2, b, 2, y2]", "[2, b, 2, y3]",
          "[2, g, 2, y1]", "[2, g, 2, y2]", "[2, g, 2, y3]");
      assertThat(join(types, JoinType.LEFT_SEMI, null, true))
          .containsExactly("[1, h]", "[1, i]", "[2, a]", "[2, b]", "[2, g]");
      assertThat(join(types, JoinType.LEFT_ANTI, null, true))
          .containsExactly("[3, e]", "[3, f]", "[null, c]", "[null, d]");
      assertThat(join(types, JoinType.FULL_OUTER, null, false)).hasSize(11 + 4 + 3)
          .contains("[null, c, null, null]", "[3, f, null, null]", "[null, null, null, n2]",
              "[null, null, 4, w]");
    }
  }

  @Test
  void residualConditionsOverClusteredDuplicatesDecideEachPair() {
    // The build row's value (input ordinal 3) must be 'y3': the last of its run.
    for (List<DataType> types : List.of(INT_STRING, STRING_STRING)) {
      Expression isY3 = new BinaryComparison(ComparisonOperator.EQUAL,
          new BoundReference(3, DataTypes.StringType, true), Literal.of("y3"));
      assertThat(join(types, JoinType.INNER, isY3, false))
          .containsExactly("[2, a, 2, y3]", "[2, b, 2, y3]", "[2, g, 2, y3]");
      assertThat(join(types, JoinType.LEFT_SEMI, isY3, false)).containsExactly("[2, a]", "[2, b]", "[2, g]");
      assertThat(join(types, JoinType.LEFT_ANTI, isY3, false)).containsExactly("[1, h]", "[1, i]", "[3, e]",
          "[3, f]", "[null, c]", "[null, d]");
      assertThat(join(types, JoinType.LEFT_OUTER, isY3, false)).containsExactly("[1, h, null, null]",
          "[1, i, null, null]", "[2, a, 2, y3]", "[2, b, 2, y3]", "[2, g, 2, y3]", "[3, e, null, null]",
          "[3, f, null, null]", "[null, c, null, null]", "[null, d, null, null]");
      assertThat(join(types, JoinType.FULL_OUTER, isY3, false)).hasSize(3 + 6 + 6)
          .contains("[null, null, 1, x]", "[null, null, 2, y1]", "[null, null, 2, y2]", "[null, null, 4, w]");
    }
  }

  @Test
  void nullSafeKeysOverARunOfNullsMatchTheNullBuildRows() {
    List<Expression> key = List.of(new BoundReference(0, DataTypes.StringType, true));
    HashedRelation relation = HashedRelation.build(build(STRING_STRING), key, new boolean[] {true});
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(stream(STRING_STRING), key, s, b);
    List<String> all = pairs(s, b);
    assertThat(all).containsExactly("0-1", "0-2", "0-3", "1-1", "1-2", "1-3", "2-4", "2-5", "3-4", "3-5",
        "6-1", "6-2", "6-3", "7-0", "8-0");
    s.clear();
    b.clear();
    boolean[] rowSkip = {false, true, false, false, false, false, false, false, false};
    relation.probe(stream(STRING_STRING), key, rowSkip, true, s, b);
    assertThat(pairs(s, b)).containsExactly("0-1", "2-4", "3-4", "6-1", "7-0", "8-0");
  }
}

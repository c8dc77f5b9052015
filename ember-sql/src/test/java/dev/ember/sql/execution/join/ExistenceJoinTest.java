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
 * Semi and anti joins without a residual condition only ask whether a stream row has a match: their build
 * side keeps one row per key and no columns beyond the keys, and a probe stops at a row's first match.
 */
class ExistenceJoinTest {

  private static List<String> pairs(IntList s, IntList b) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i) + "-" + b.get(i));
    }
    return out;
  }

  @Test
  void aDistinctIndexKeepsEachKeysFirstRowAndSkipsNulls() {
    long[] build = {7, 3, 7, 0, 7, 3};
    boolean[] nulls = {false, false, false, true, false, false};
    LongKeyIndex index = new LongKeyIndex(build, nulls, build.length, true);
    IntList s = new IntList();
    IntList b = new IntList();
    index.probe(new long[] {7, 0, 3, 5, 7, 3}, new boolean[] {false, false, false, false, true, false}, 6, s, b);
    // Stream row 4 is skipped, key 0 is only on a NULL build row, key 5 on none.
    assertThat(pairs(s, b)).containsExactly("0-0", "2-1", "5-1");
  }

  @Test
  void aFirstOnlyProbeOfAFullIndexReportsOneMatchPerRow() {
    long[] build = {7, 3, 7, 7, 3};
    LongKeyIndex index = new LongKeyIndex(build, new boolean[build.length], build.length);
    IntList s = new IntList();
    IntList b = new IntList();
    index.probe(new long[] {3, 7, 1}, new boolean[3], 3, s, b, true);
    assertThat(pairs(s, b)).containsExactly("0-1", "1-0");
    IntList all = new IntList();
    IntList allBuild = new IntList();
    index.probe(new long[] {3, 7, 1}, new boolean[3], 3, all, allBuild, false);
    assertThat(pairs(all, allBuild)).containsExactly("0-1", "0-4", "1-0", "1-2", "1-3");
  }

  @Test
  void aDistinctIndexGrowsPastCollisionsWithManyDuplicates() {
    int n = 40_000;
    long[] build = new long[n];
    for (int i = 0; i < n; i++) {
      // 10000 keys sharing low bits, four rows each.
      build[i] = (long) (i % 10_000) << 32;
    }
    LongKeyIndex index = new LongKeyIndex(build, new boolean[n], n, true);
    IntList s = new IntList();
    IntList b = new IntList();
    index.probe(new long[] {0L, 9_999L << 32, 1L, 10_000L << 32}, new boolean[4], 4, s, b);
    assertThat(pairs(s, b)).containsExactly("0-0", "1-9999");
  }

  private static ColumnarBatch batch(List<DataType> types, Object[]... rows) {
    ColumnVector[] columns = new ColumnVector[types.size()];
    for (int c = 0; c < columns.length; c++) {
      List<Object> values = new ArrayList<>();
      for (Object[] row : rows) {
        values.add(row[c]);
      }
      columns[c] = ColumnVectors.of(types.get(c), values);
    }
    return new ColumnarBatch(columns, rows.length);
  }

  private static List<String> rows(Iterator<ColumnarBatch> batches) {
    List<String> out = new ArrayList<>();
    batches.forEachRemaining(b -> b.rows().forEach(r -> out.add(Arrays.toString(r))));
    return out.stream().sorted().toList();
  }

  private static final List<DataType> INT_STRING = List.of(DataTypes.IntegerType, DataTypes.StringType);
  private static final List<DataType> STRING_STRING = List.of(DataTypes.StringType, DataTypes.StringType);

  private static Object key(List<DataType> types, Integer value) {
    return value == null || types.get(0) == DataTypes.IntegerType ? value : String.valueOf(value);
  }

  /** Build rows with duplicate keys and a NULL key; stream rows matching, not matching and NULL. */
  private static List<String> join(List<DataType> types, JoinType type, Expression condition,
      boolean emptyBuild, boolean emptyStream) {
    ColumnarBatch build = batch(types, new Object[] {key(types, 2), "y"}, new Object[] {key(types, 2), "z"},
        new Object[] {key(types, 1), "x"}, new Object[] {null, "n"}, new Object[] {key(types, 2), "w"});
    ColumnarBatch stream = batch(types, new Object[] {key(types, 2), "b"}, new Object[] {key(types, 3), "c"},
        new Object[] {null, "d"}, new Object[] {key(types, 1), "a"});
    if (emptyBuild) {
      build = batch(types);
    }
    if (emptyStream) {
      stream = batch(types);
    }
    List<Expression> key = List.of(new BoundReference(0, types.get(0), true));
    JoinProcessor processor = new JoinProcessor(type, false, condition, types, types);
    HashedRelation relation = HashedRelation.build(build, key, new boolean[] {false}, processor.existenceOnly());
    if (processor.existenceOnly()) {
      assertThat(relation.rows().numCols()).isZero();
    }
    List<String> viaPlainProbe = rows(processor.join(List.of(stream).iterator(), relation.rows(),
        (batch, s, b) -> relation.probe(batch, key, s, b)));
    List<String> viaFirstMatches = rows(processor.join(List.of(stream).iterator(), relation.rows(),
        relation.candidates(key)));
    assertThat(viaFirstMatches).isEqualTo(viaPlainProbe);
    return viaFirstMatches;
  }

  @Test
  void semiAndAntiJoinsOnIntegralKeysWithDuplicatesAndNulls() {
    assertThat(join(INT_STRING, JoinType.LEFT_SEMI, null, false, false)).containsExactly("[1, a]", "[2, b]");
    assertThat(join(INT_STRING, JoinType.LEFT_ANTI, null, false, false)).containsExactly("[3, c]",
        "[null, d]");
  }

  @Test
  void semiAndAntiJoinsOnStringKeysUseTheChainsAndStopAtTheFirstMatch() {
    assertThat(join(STRING_STRING, JoinType.LEFT_SEMI, null, false, false)).containsExactly("[1, a]",
        "[2, b]");
    assertThat(join(STRING_STRING, JoinType.LEFT_ANTI, null, false, false)).containsExactly("[3, c]",
        "[null, d]");
    List<Expression> key = List.of(new BoundReference(0, DataTypes.StringType, true));
    ColumnarBatch build = batch(List.of(DataTypes.StringType), new Object[] {"k"}, new Object[] {"k"},
        new Object[] {"j"});
    HashedRelation relation = HashedRelation.build(build, key, new boolean[] {false}, true);
    assertThat(relation.hasLongKeyIndex()).isFalse();
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(batch(List.of(DataTypes.StringType), new Object[] {"k"}, new Object[] {"j"}), key, s, b);
    assertThat(pairs(s, b)).containsExactly("0-0", "1-2");
  }

  @Test
  void aResidualConditionStillSeesEveryDuplicate() {
    // Build column 1 (input ordinal 3) must be 'w', the last of key 2's three rows.
    Expression isW = new BinaryComparison(ComparisonOperator.EQUAL, new BoundReference(3, DataTypes.StringType,
        true), Literal.of("w"));
    assertThat(join(INT_STRING, JoinType.LEFT_SEMI, isW, false, false)).containsExactly("[2, b]");
    assertThat(join(INT_STRING, JoinType.LEFT_ANTI, isW, false, false)).containsExactly("[1, a]", "[3, c]",
        "[null, d]");
  }

  @Test
  void aResidualConditionOnStringKeysSettlesRowsOnTheirFirstPassingMatch() {
    // Build column 1 (input ordinal 3) must differ from 'y', the first of key 2's rows: key 2 needs a second look.
    Expression notY = new BinaryComparison(ComparisonOperator.NOT_EQUAL, new BoundReference(3,
        DataTypes.StringType, true), Literal.of("y"));
    assertThat(join(STRING_STRING, JoinType.LEFT_SEMI, notY, false, false)).containsExactly("[1, a]", "[2, b]");
    assertThat(join(STRING_STRING, JoinType.LEFT_ANTI, notY, false, false)).containsExactly("[3, c]",
        "[null, d]");
    Expression isY = new BinaryComparison(ComparisonOperator.EQUAL, new BoundReference(3, DataTypes.StringType,
        true), Literal.of("y"));
    assertThat(join(INT_STRING, JoinType.LEFT_SEMI, isY, false, false)).containsExactly("[2, b]");
    assertThat(join(INT_STRING, JoinType.LEFT_ANTI, isY, true, false)).hasSize(4);
  }

  @Test
  void aProbeLeavesOutSkippedRowsAndListsOnlyFirstMatchesWhenAsked() {
    List<Expression> key = List.of(new BoundReference(0, DataTypes.IntegerType, true));
    ColumnarBatch build = batch(INT_STRING, new Object[] {2, "y"}, new Object[] {2, "z"}, new Object[] {1, "x"});
    ColumnarBatch stream = batch(INT_STRING, new Object[] {2, "b"}, new Object[] {1, "a"}, new Object[] {2, "c"});
    HashedRelation relation = HashedRelation.build(build, key, new boolean[] {false});
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(stream, key, new boolean[] {false, true, false}, false, s, b);
    assertThat(pairs(s, b)).containsExactly("0-0", "0-1", "2-0", "2-1");
    s.clear();
    b.clear();
    relation.probe(stream, key, new boolean[] {true, false, false}, true, s, b);
    assertThat(pairs(s, b)).containsExactly("1-2", "2-0");
  }

  @Test
  void emptySidesOfSemiAndAntiJoins() {
    assertThat(join(INT_STRING, JoinType.LEFT_SEMI, null, true, false)).isEmpty();
    assertThat(join(INT_STRING, JoinType.LEFT_ANTI, null, true, false)).containsExactly("[1, a]", "[2, b]",
        "[3, c]", "[null, d]");
    assertThat(join(INT_STRING, JoinType.LEFT_SEMI, null, false, true)).isEmpty();
    assertThat(join(INT_STRING, JoinType.LEFT_ANTI, null, false, true)).isEmpty();
    assertThat(join(STRING_STRING, JoinType.LEFT_ANTI, null, true, false)).hasSize(4);
  }
}

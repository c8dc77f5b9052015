package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.ColumnVector;
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

/** The hash table and the join-type logic on hand-built batches, without a session. */
class HashedRelationTest {

  private static final List<Expression> KEY = List.of(new BoundReference(0, DataTypes.IntegerType, true));

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

  private static final List<DataType> INT_STRING = List.of(DataTypes.IntegerType, DataTypes.StringType);

  private static List<String> rows(Iterator<ColumnarBatch> batches) {
    List<String> out = new ArrayList<>();
    batches.forEachRemaining(b -> b.rows().forEach(r -> out.add(Arrays.toString(r))));
    return out.stream().sorted().toList();
  }

  private static ColumnarBatch build() {
    return batch(INT_STRING, new Object[] {1, "x"}, new Object[] {2, "y"}, new Object[] {2, "z"},
        new Object[] {null, "n"});
  }

  private static ColumnarBatch stream() {
    return batch(INT_STRING, new Object[] {2, "b"}, new Object[] {3, "c"}, new Object[] {null, "d"});
  }

  @Test
  void probeFindsEveryBuildRowWithAnEqualKeyAndNeverNullKeys() {
    HashedRelation relation = HashedRelation.build(build(), KEY, new boolean[] {false});
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(stream(), KEY, s, b);
    assertThat(s.size()).isEqualTo(2);
    assertThat(new int[] {s.get(0), b.get(0), s.get(1), b.get(1)}).containsExactly(0, 1, 0, 2);
  }

  @Test
  void nullSafeKeysMatchNulls() {
    HashedRelation relation = HashedRelation.build(build(), KEY, new boolean[] {true});
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(stream(), KEY, s, b);
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.get(2)).isEqualTo(2);
    assertThat(b.get(2)).isEqualTo(3);
  }

  @Test
  void largeBuildSidesWithCollidingBucketsStillMatchExactly() {
    Object[][] rows = new Object[10_000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {i * 1024, "v" + i};
    }
    HashedRelation relation = HashedRelation.build(batch(INT_STRING, rows), KEY, new boolean[] {false});
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(batch(INT_STRING, new Object[] {5 * 1024, "p"}, new Object[] {5, "q"}), KEY, s, b);
    assertThat(s.size()).isEqualTo(1);
    assertThat(b.get(0)).isEqualTo(5);
  }

  private static List<String> join(JoinType type, boolean buildLeft, Expression condition) {
    ColumnarBatch build = build();
    HashedRelation relation = HashedRelation.build(build, KEY, new boolean[] {false});
    JoinProcessor processor = new JoinProcessor(type, buildLeft, condition, INT_STRING, INT_STRING);
    return rows(processor.join(List.of(stream()).iterator(), build,
        (batch, s, b) -> relation.probe(batch, KEY, s, b)));
  }

  @Test
  void everyJoinTypeOfTheStreamAgainstTheBuildSide() {
    assertThat(join(JoinType.INNER, false, null)).containsExactly("[2, b, 2, y]", "[2, b, 2, z]");
    assertThat(join(JoinType.LEFT_OUTER, false, null)).containsExactly("[2, b, 2, y]", "[2, b, 2, z]",
        "[3, c, null, null]", "[null, d, null, null]");
    assertThat(join(JoinType.FULL_OUTER, false, null)).containsExactly("[2, b, 2, y]", "[2, b, 2, z]",
        "[3, c, null, null]", "[null, d, null, null]", "[null, null, 1, x]", "[null, null, null, n]");
    assertThat(join(JoinType.LEFT_SEMI, false, null)).containsExactly("[2, b]");
    assertThat(join(JoinType.LEFT_ANTI, false, null)).containsExactly("[3, c]", "[null, d]");
    // Built on the left, the stream is the right side: a right outer join keeps every stream row.
    assertThat(join(JoinType.RIGHT_OUTER, true, null)).containsExactly("[2, y, 2, b]", "[2, z, 2, b]",
        "[null, null, 3, c]", "[null, null, null, d]");
  }

  @Test
  void theResidualConditionDecidesMatchesOfOuterAndAntiJoins() {
    // Right column 1 (input ordinal 3) must be 'z'.
    Expression isZ = new BinaryComparison(ComparisonOperator.EQUAL, new BoundReference(3, DataTypes.StringType,
        true), Literal.of("z"));
    assertThat(join(JoinType.INNER, false, isZ)).containsExactly("[2, b, 2, z]");
    assertThat(join(JoinType.LEFT_ANTI, false, isZ)).containsExactly("[3, c]", "[null, d]");
    assertThat(join(JoinType.FULL_OUTER, false, isZ)).containsExactly("[2, b, 2, z]", "[3, c, null, null]",
        "[null, d, null, null]", "[null, null, 1, x]", "[null, null, 2, y]", "[null, null, null, n]");
  }
}

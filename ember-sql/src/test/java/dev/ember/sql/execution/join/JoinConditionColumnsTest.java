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
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A join's remaining condition checked on only the columns it reads, the rest of each row gathered for passing
 * pairs, and a stream batch matched one to one in order passed on without a gather.
 */
class JoinConditionColumnsTest {

  /** Left and right: (key int, supplier int, name string). */
  private static final List<DataType> TYPES = List.of(DataTypes.IntegerType, DataTypes.IntegerType,
      DataTypes.StringType);
  private static final List<Expression> KEY = List.of(new BoundReference(0, DataTypes.IntegerType, true));
  /** left.supplier <> right.supplier, as in "another supplier of the same order". */
  private static final Expression OTHER_SUPPLIER = new BinaryComparison(ComparisonOperator.NOT_EQUAL,
      new BoundReference(1, DataTypes.IntegerType, true), new BoundReference(4, DataTypes.IntegerType, true));

  private static ColumnarBatch batch(Object[]... rows) {
    ColumnVector[] columns = new ColumnVector[TYPES.size()];
    for (int c = 0; c < columns.length; c++) {
      List<Object> values = new ArrayList<>();
      for (Object[] row : rows) {
        values.add(row[c]);
      }
      columns[c] = ColumnVectors.of(TYPES.get(c), values);
    }
    return new ColumnarBatch(columns, rows.length);
  }

  private static ColumnarBatch build() {
    return batch(new Object[] {1, 10, "a"}, new Object[] {1, 11, "b"}, new Object[] {2, 20, "c"},
        new Object[] {3, null, "d"}, new Object[] {4, 40, "e"});
  }

  private static ColumnarBatch stream() {
    return batch(new Object[] {1, 10, "p"}, new Object[] {2, 20, "q"}, new Object[] {3, 30, "r"},
        new Object[] {5, 50, "s"}, new Object[] {4, null, "t"});
  }

  private static List<String> join(JoinType type, boolean buildLeft, Expression condition) {
    ColumnarBatch build = build();
    HashedRelation relation = HashedRelation.build(build, KEY, new boolean[] {false});
    JoinProcessor processor = new JoinProcessor(type, buildLeft, condition, TYPES, TYPES);
    List<String> out = new ArrayList<>();
    processor.join(List.of(stream()).iterator(), build, (batch, s, b) -> relation.probe(batch, KEY, s, b))
        .forEachRemaining(b -> b.rows().forEach(r -> out.add(Arrays.toString(r))));
    return out.stream().sorted().toList();
  }

  @Test
  void semiAndAntiJoinsWithAConditionOnOneColumnOfEachSide() {
    // Order 1 has another supplier (11); order 2 only its own; 3's other supplier is NULL (not true); 4's
    // stream supplier is NULL; 5 has no build rows.
    assertThat(join(JoinType.LEFT_SEMI, false, OTHER_SUPPLIER)).containsExactly("[1, 10, p]");
    assertThat(join(JoinType.LEFT_ANTI, false, OTHER_SUPPLIER)).containsExactly("[2, 20, q]", "[3, 30, r]",
        "[4, null, t]", "[5, 50, s]");
  }

  @Test
  void innerAndOuterJoinsGatherWholeRowsOnlyForPassingPairs() {
    assertThat(join(JoinType.INNER, false, OTHER_SUPPLIER)).containsExactly("[1, 10, p, 1, 11, b]");
    assertThat(join(JoinType.LEFT_OUTER, false, OTHER_SUPPLIER)).containsExactly("[1, 10, p, 1, 11, b]",
        "[2, 20, q, null, null, null]", "[3, 30, r, null, null, null]", "[4, null, t, null, null, null]",
        "[5, 50, s, null, null, null]");
    // Built on the left, the condition's left column comes from the build rows.
    assertThat(join(JoinType.RIGHT_OUTER, true, OTHER_SUPPLIER)).containsExactly("[1, 11, b, 1, 10, p]",
        "[null, null, null, 2, 20, q]", "[null, null, null, 3, 30, r]", "[null, null, null, 4, null, t]",
        "[null, null, null, 5, 50, s]");
  }

  @Test
  void theConditionIsReboundToTheColumnsItReads() {
    ConditionColumns columns = new ConditionColumns(OTHER_SUPPLIER, 3);
    assertThat(columns.width()).isEqualTo(2);
    assertThat(columns.condition()).isEqualTo(new BinaryComparison(ComparisonOperator.NOT_EQUAL,
        new BoundReference(0, DataTypes.IntegerType, true), new BoundReference(1, DataTypes.IntegerType, true)));
    ColumnarBatch pairs = columns.gather(stream(), new int[] {4, 0}, build(), new int[] {1, 3}, 2);
    assertThat(pairs.numCols()).isEqualTo(2);
    assertThat(pairs.rows().stream().map(Arrays::toString).toList()).containsExactly("[null, 11]", "[10, null]");
  }

  @Test
  void aStreamBatchMatchedOneToOneInOrderIsPassedOnWhole() {
    ColumnarBatch build = batch(new Object[] {2, 0, "x"}, new Object[] {1, 0, "y"});
    ColumnarBatch stream = batch(new Object[] {1, 5, "p"}, new Object[] {2, 6, "q"});
    HashedRelation relation = HashedRelation.build(build, KEY, new boolean[] {false});
    JoinProcessor processor = new JoinProcessor(JoinType.INNER, false, null, TYPES, TYPES);
    ColumnarBatch out = processor.join(List.of(stream).iterator(), build,
        (batch, s, b) -> relation.probe(batch, KEY, s, b)).next();
    assertThat(out.column(0)).isSameAs(stream.column(0));
    assertThat(out.rows().stream().map(Arrays::toString).toList()).containsExactly("[1, 5, p, 1, 0, y]",
        "[2, 6, q, 2, 0, x]");
  }
}

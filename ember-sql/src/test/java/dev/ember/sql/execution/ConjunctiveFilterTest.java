package dev.ember.sql.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConjunctiveFilterTest {

  private final ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {
      ColumnVectors.of(DataTypes.LongType, Arrays.asList(1L, 2L, 3L, 4L, 5L, null, 7L, 8L)),
      ColumnVectors.of(DataTypes.StringType, Arrays.asList("a", "b", "c", "d", "e", "f", "g", "h")),
      ColumnVectors.of(DataTypes.LongType, Arrays.asList(10L, null, 30L, 40L, 50L, 60L, 70L, 80L))}, 8);

  private static Expression compare(int ordinal, ComparisonOperator op, long k) {
    return new BinaryComparison(op, new BoundReference(ordinal, DataTypes.LongType, true), Literal.of(k));
  }

  private static List<Object> names(ColumnarBatch out) {
    return out.rows().stream().map(row -> row[1]).toList();
  }

  @Test
  void laterConjunctsSeeOnlyTheRowsEarlierOnesKept() {
    Expression condition = new And(new And(compare(0, ComparisonOperator.GREATER_THAN, 2),
        compare(2, ComparisonOperator.LESS_THAN, 75)), compare(0, ComparisonOperator.NOT_EQUAL, 4));
    ColumnarBatch out = new ConjunctiveFilter(condition, 3).apply(batch);
    assertThat(out.numRows()).isEqualTo(3);
    assertThat(names(out)).containsExactly("c", "e", "g");
    assertThat(out.rows().get(2)).containsExactly(7L, "g", 70L);
  }

  @Test
  void nullConjunctsDropTheRowAndOrStaysOneConjunct() {
    Expression condition = new And(new Or(compare(0, ComparisonOperator.LESS_THAN, 3),
        compare(2, ComparisonOperator.GREATER_THAN, 55)), compare(2, ComparisonOperator.GREATER_THAN, 0));
    ColumnarBatch out = new ConjunctiveFilter(condition, 3).apply(batch);
    assertThat(names(out)).containsExactly("a", "f", "g", "h");
  }

  @Test
  void keepingEveryRowReturnsTheBatchAndKeepingNoneAnEmptyOne() {
    ConjunctiveFilter all = new ConjunctiveFilter(compare(0, ComparisonOperator.GREATER_THAN, 0), 3);
    ColumnarBatch noNulls = new ColumnarBatch(new ColumnVector[] {batch.column(2), batch.column(1),
        batch.column(2)}, 1);
    assertThat(all.apply(noNulls)).isSameAs(noNulls);
    Expression none = new And(compare(0, ComparisonOperator.GREATER_THAN, 100),
        compare(2, ComparisonOperator.GREATER_THAN, 0));
    assertThat(new ConjunctiveFilter(none, 3).apply(batch).numRows()).isZero();
  }
}

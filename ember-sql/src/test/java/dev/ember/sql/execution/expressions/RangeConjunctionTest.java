package dev.ember.sql.execution.expressions;

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
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both bounds of a range on one column, tested in one pass, answer as the AND of the two comparisons. */
class RangeConjunctionTest {

  private static final DecimalType MONEY = new DecimalType(7, 2);
  private final ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {
      ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(1, 3, null, 5, 7, Integer.MIN_VALUE, Integer.MAX_VALUE)),
      ColumnVectors.of(DataTypes.LongType, Arrays.asList(10L, null, 30L, 40L, 50L, Long.MIN_VALUE, Long.MAX_VALUE)),
      ColumnVectors.of(MONEY, Arrays.asList(new BigDecimal("0.05"), new BigDecimal("0.06"), null,
          new BigDecimal("0.07"), new BigDecimal("0.08"), new BigDecimal("-1.00"), new BigDecimal("0.10")))}, 7);

  private static Expression cmp(ComparisonOperator op, Expression left, Expression right) {
    return new BinaryComparison(op, left, right);
  }

  private static BoundReference column(int ordinal, DataType type) {
    return new BoundReference(ordinal, type, true);
  }

  private List<Object> eval(Expression e) {
    ColumnVector v = VectorizedEvaluator.evaluate(e, batch);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < batch.numRows(); i++) {
      values.add(v.getBoxed(i));
    }
    return values;
  }

  /** The AND of the two comparisons evaluated apart, as a reference. */
  private List<Object> reference(Expression a, Expression b) {
    List<Object> left = eval(a);
    List<Object> right = eval(b);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      Object x = left.get(i);
      Object y = right.get(i);
      out.add(Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y) ? Boolean.FALSE
          : x == null || y == null ? null : Boolean.TRUE);
    }
    return out;
  }

  private void check(Expression a, Expression b, Object... expected) {
    And and = new And(a, b);
    assertThat(RangeConjunction.evaluate(and, batch, batch.numRows())).isNotNull();
    assertThat(eval(and)).containsExactly(expected).isEqualTo(reference(a, b));
  }

  @Test
  void intBoundsWithALiteralOnEitherSide() {
    BoundReference d = column(0, DataTypes.IntegerType);
    check(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, d, Literal.of(3)), cmp(ComparisonOperator.LESS_THAN, d,
        Literal.of(7)), false, true, null, true, false, false, false);
    // 6 > d AND 1 < d: 1 < d < 6.
    check(cmp(ComparisonOperator.GREATER_THAN, Literal.of(6), d), cmp(ComparisonOperator.LESS_THAN, Literal.of(1), d),
        false, true, null, true, false, false, false);
    check(cmp(ComparisonOperator.GREATER_THAN, d, Literal.of(Integer.MAX_VALUE - 1)),
        cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, d, Literal.of(Integer.MAX_VALUE)),
        false, false, null, false, false, false, true);
  }

  @Test
  void disjointBoundsKeepNothingAndEqualityIsARange() {
    BoundReference d = column(0, DataTypes.IntegerType);
    check(cmp(ComparisonOperator.GREATER_THAN, d, Literal.of(5)), cmp(ComparisonOperator.LESS_THAN, d,
        Literal.of(5)), false, false, null, false, false, false, false);
    check(cmp(ComparisonOperator.EQUAL, d, Literal.of(5)), cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, d,
        Literal.of(5)), false, false, null, true, false, false, false);
  }

  @Test
  void longAndDecimalBounds() {
    BoundReference x = column(1, DataTypes.LongType);
    check(cmp(ComparisonOperator.GREATER_THAN, x, Literal.of(10L)), cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, x,
        Literal.of(50L)), false, null, true, true, true, false, false);
    BoundReference m = column(2, MONEY);
    Literal low = new Literal(new BigDecimal("0.05"), MONEY);
    Literal high = new Literal(new BigDecimal("0.07"), MONEY);
    check(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, m, low), cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, m, high),
        true, true, null, true, false, false, false);
  }

  @Test
  void otherShapesAreLeftToTheGeneralAnd() {
    BoundReference d = column(0, DataTypes.IntegerType);
    BoundReference x = column(1, DataTypes.LongType);
    Expression notEqual = cmp(ComparisonOperator.NOT_EQUAL, d, Literal.of(3));
    Expression below = cmp(ComparisonOperator.LESS_THAN, d, Literal.of(6));
    assertThat(RangeConjunction.evaluate(new And(notEqual, below), batch, 7)).isNull();
    assertThat(eval(new And(notEqual, below))).isEqualTo(reference(notEqual, below));
    Expression other = cmp(ComparisonOperator.GREATER_THAN, x, Literal.of(0L));
    assertThat(RangeConjunction.evaluate(new And(below, other), batch, 7)).isNull();
    Expression nullBound = cmp(ComparisonOperator.LESS_THAN, d, new Literal(null, DataTypes.IntegerType));
    assertThat(RangeConjunction.evaluate(new And(below, nullBound), batch, 7)).isNull();
    assertThat(eval(new And(below, nullBound))).isEqualTo(reference(below, nullBound));
  }
}

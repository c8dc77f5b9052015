package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CASE with literal branches and arithmetic with a literal operand, through {@link VectorizedEvaluator}. */
class CaseWhenLiteralBranchesTest {

  private static List<Object> evaluate(Expression e, ColumnVector... columns) {
    int n = columns[0].capacity();
    ColumnVector out = VectorizedEvaluator.evaluate(e, new ColumnarBatch(columns, n));
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(out.getBoxed(i));
    }
    return rows;
  }

  @Test
  void literalThenAndElseFillEveryRowIncludingNullConditions() {
    ColumnVector x = ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(1, 5, null, 9));
    Expression big = new BinaryComparison(ComparisonOperator.GREATER_THAN, new BoundReference(0,
        DataTypes.IntegerType, true), Literal.of(4));
    Expression small = new BinaryComparison(ComparisonOperator.LESS_THAN, new BoundReference(0,
        DataTypes.IntegerType, true), Literal.of(2));
    CaseWhen e = new CaseWhen(List.of(big, small), List.of(Literal.of(1), Literal.of(-1)), Literal.of(0));
    // A NULL condition is not true: the row takes ELSE.
    assertThat(evaluate(e, x)).containsExactly(-1, 1, 0, 1);
    CaseWhen nullElse = new CaseWhen(List.of(big), List.of(Literal.of(1)), new Literal(null, DataTypes.IntegerType));
    assertThat(evaluate(nullElse, x)).containsExactly(null, 1, null, 1);
  }

  @Test
  void aColumnBranchBesideALiteralElse() {
    DecimalType money = new DecimalType(12, 2);
    ColumnVector flag = ColumnVectors.of(DataTypes.BooleanType, Arrays.asList(true, false, null));
    ColumnVector price = ColumnVectors.of(money, Arrays.asList(new BigDecimal("2.50"), new BigDecimal("3.00"),
        new BigDecimal("4.00")));
    CaseWhen e = new CaseWhen(List.of(new BoundReference(0, DataTypes.BooleanType, true)),
        List.of(new BoundReference(1, money, false)), new Literal(new BigDecimal("0.00"), money));
    assertThat(evaluate(e, flag, price)).containsExactly(new BigDecimal("2.50"), new BigDecimal("0.00"),
        new BigDecimal("0.00"));
  }

  @Test
  void arithmeticWithALiteralOnEitherSide() {
    DecimalType money = new DecimalType(12, 2);
    ColumnVector price = ColumnVectors.of(money, Arrays.asList(new BigDecimal("0.04"), null));
    Literal one = new Literal(BigDecimal.ONE, new DecimalType(1, 0));
    Expression column = new BoundReference(0, money, true);
    assertThat(evaluate(new BinaryArithmetic(ArithmeticOperator.SUBTRACT, one, column), price))
        .containsExactly(new BigDecimal("0.96"), null);
    assertThat(evaluate(new BinaryArithmetic(ArithmeticOperator.ADD, column, one), price))
        .containsExactly(new BigDecimal("1.04"), null);
    // Division has no scalar kernel: the constant vector path still answers.
    ColumnVector ints = ColumnVectors.of(DataTypes.LongType, Arrays.asList(7L, null));
    assertThat(evaluate(new BinaryArithmetic(ArithmeticOperator.REMAINDER, new BoundReference(0,
        DataTypes.LongType, true), Literal.of(4L)), ints)).containsExactly(3L, null);
  }
}

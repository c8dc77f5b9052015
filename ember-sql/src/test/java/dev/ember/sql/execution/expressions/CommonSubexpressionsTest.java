package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonSubexpressionsTest {

  private static final BoundReference PRICE = new BoundReference(0, DataTypes.LongType, true);
  private static final BoundReference DISCOUNT = new BoundReference(1, DataTypes.LongType, true);
  private static final BoundReference TAX = new BoundReference(2, DataTypes.LongType, true);

  private final ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {
      ColumnVectors.of(DataTypes.LongType, Arrays.asList(100L, 200L, null, 400L)),
      ColumnVectors.of(DataTypes.LongType, Arrays.asList(1L, 2L, 3L, null)),
      ColumnVectors.of(DataTypes.LongType, Arrays.asList(5L, 6L, 7L, 8L))}, 4);

  private static Expression op(ArithmeticOperator op, Expression left, Expression right) {
    return new BinaryArithmetic(op, left, right);
  }

  private static List<List<Object>> values(List<Expression> expressions, ColumnarBatch batch) {
    List<List<Object>> out = new ArrayList<>();
    for (Expression e : expressions) {
      ColumnVector v = VectorizedEvaluator.evaluate(e, batch);
      List<Object> column = new ArrayList<>();
      for (int i = 0; i < batch.numRows(); i++) {
        column.add(v.getBoxed(i));
      }
      out.add(column);
    }
    return out;
  }

  @Test
  void sharedProductIsComputedOnceAndResultsAreUnchanged() {
    Expression net = op(ArithmeticOperator.MULTIPLY, PRICE, op(ArithmeticOperator.SUBTRACT, Literal.of(1L),
        DISCOUNT));
    List<Expression> expressions = List.of(PRICE, net, op(ArithmeticOperator.MULTIPLY, net,
        op(ArithmeticOperator.ADD, Literal.of(1L), TAX)));
    CommonSubexpressions shared = CommonSubexpressions.of(expressions, 3);
    assertThat(shared.sharedCount()).isEqualTo(1);
    assertThat(shared.expressions().get(1)).isEqualTo(new BoundReference(3, DataTypes.LongType, true));
    assertThat(shared.expressions().get(0)).isEqualTo(PRICE);
    assertThat(values(shared.expressions(), shared.extend(batch))).isEqualTo(values(expressions, batch));
  }

  @Test
  void laterSharedSubexpressionsMayReadEarlierOnes() {
    Expression a = op(ArithmeticOperator.ADD, PRICE, DISCOUNT);
    Expression b = op(ArithmeticOperator.MULTIPLY, a, TAX);
    // (a * tax) + 1 twice, and a * tax once more: a * tax is shared after (a * tax) + 1 is.
    Expression c = op(ArithmeticOperator.ADD, b, Literal.of(1L));
    List<Expression> expressions = List.of(c, c, b, op(ArithmeticOperator.SUBTRACT, b, a));
    CommonSubexpressions shared = CommonSubexpressions.of(expressions, 3);
    assertThat(shared.sharedCount()).isGreaterThan(1);
    assertThat(values(shared.expressions(), shared.extend(batch))).isEqualTo(values(expressions, batch));
  }

  @Test
  void nothingSharedLeavesTheBatchAndFunctionCallsAlone() {
    Expression random = new ScalarFunction("rand", List.of(), DataTypes.DoubleType);
    List<Expression> expressions = List.of(random, random, op(ArithmeticOperator.ADD, PRICE, TAX));
    CommonSubexpressions shared = CommonSubexpressions.of(expressions, 3);
    assertThat(shared.sharedCount()).isZero();
    assertThat(shared.expressions()).isEqualTo(expressions);
    assertThat(shared.extend(batch)).isSameAs(batch);
  }
}

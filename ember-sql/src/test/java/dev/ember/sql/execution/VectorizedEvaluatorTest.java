package dev.ember.sql.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.types.DataTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorizedEvaluatorTest {

  private final ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {
      ColumnVectors.of(DataTypes.BooleanType, Arrays.asList(true, true, true, false, false, false, null, null, null)),
      ColumnVectors.of(DataTypes.BooleanType, Arrays.asList(true, false, null, true, false, null, true, false, null)),
      ColumnVectors.of(DataTypes.LongType, Arrays.asList(1L, 2L, null, 4L, 5L, 6L, 7L, 8L, Long.MAX_VALUE)),
      ColumnVectors.of(DataTypes.LongType, Arrays.asList(1L, 0L, 3L, null, 2L, 6L, 7L, 8L, 1L))}, 9);

  private static BoundReference column(int ordinal) {
    return new BoundReference(ordinal, ordinal < 2 ? DataTypes.BooleanType : DataTypes.LongType, true);
  }

  private List<Object> eval(Expression e) {
    ColumnVector v = VectorizedEvaluator.evaluate(e, batch);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < batch.numRows(); i++) {
      values.add(v.getBoxed(i));
    }
    return values;
  }

  @Test
  void andOrFollowThreeValuedLogic() {
    assertThat(eval(new And(column(0), column(1))))
        .containsExactly(true, false, null, false, false, false, null, false, null);
    assertThat(eval(new Or(column(0), column(1))))
        .containsExactly(true, true, true, true, false, null, true, null, null);
  }

  @Test
  void arithmeticPropagatesNullsWrapsAndDividesByZeroToNull() {
    assertThat(eval(new BinaryArithmetic(ArithmeticOperator.ADD, column(2), column(3))))
        .containsExactly(2L, 2L, null, null, 7L, 12L, 14L, 16L, Long.MIN_VALUE);
    assertThat(eval(new BinaryArithmetic(ArithmeticOperator.REMAINDER, column(2), column(3))))
        .containsExactly(0L, null, null, null, 1L, 0L, 0L, 0L, 0L);
  }

  @Test
  void comparisonsAndCasts() {
    assertThat(eval(new BinaryComparison(ComparisonOperator.LESS_THAN, column(2), column(3))))
        .containsExactly(false, false, null, null, false, false, false, false, false);
    assertThat(eval(new BinaryComparison(ComparisonOperator.NULL_SAFE_EQUAL, column(2), column(3))))
        .containsExactly(true, false, false, false, false, true, true, true, false);
    assertThat(eval(new Cast(column(3), DataTypes.StringType)))
        .containsExactly("1", "0", "3", null, "2", "6", "7", "8", "1");
  }

  @Test
  void batchesSurviveJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(batch);
    }
    ColumnarBatch copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ColumnarBatch) in.readObject();
    }
    assertThat(copy.rows()).usingRecursiveFieldByFieldElementComparator().isEqualTo(batch.rows());
    assertThat(copy.column(2).isNull(2)).isTrue();
  }
}

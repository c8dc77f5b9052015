package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.SqlExecutionException;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScalarArithmeticKernelsTest {

  private static final List<ArithmeticOperator> OPERATORS = List.of(ArithmeticOperator.ADD,
      ArithmeticOperator.SUBTRACT, ArithmeticOperator.MULTIPLY);

  private static List<Object> rows(ColumnVector v, int n) {
    List<Object> out = new ArrayList<>();
    IntStream.range(0, n).forEach(i -> out.add(v.getBoxed(i)));
    return out;
  }

  private static List<Object> decimals(String... values) {
    return Arrays.stream(values).map(v -> v == null ? null : (Object) new BigDecimal(v)).toList();
  }

  private static BinaryArithmetic expression(ArithmeticOperator op, DataType columnType, Literal k,
      boolean constantOnLeft, boolean ansi) {
    Expression column = new BoundReference(0, columnType, true);
    return constantOnLeft ? new BinaryArithmetic(op, k, column, ansi) : new BinaryArithmetic(op, column, k, ansi);
  }

  /** The scalar kernel's answer for {@code column op k} (or {@code k op column}), which must apply. */
  private static List<Object> scalar(BinaryArithmetic a, ColumnVector column, Literal k, boolean left, int n) {
    ColumnVector out = ScalarArithmeticKernels.apply(a, column, k.dataType(), k.value(), left, n);
    assertThat(out).as(a.sql()).isNotNull();
    assertThat(out.dataType()).isEqualTo(a.dataType());
    return rows(out, n);
  }

  /** The vector kernels' answer over a constant vector as wide as the batch. */
  private static List<Object> general(BinaryArithmetic a, ColumnVector column, Literal k, boolean left, int n) {
    ColumnVector constant = ColumnVectors.constant(k.dataType(), k.value(), n);
    ColumnVector out = left ? TypedArithmetic.apply(a, constant, column, n)
        : TypedArithmetic.apply(a, column, constant, n);
    return rows(out, n);
  }

  private static void agrees(DataType type, List<Object> values, Literal k) {
    ColumnVector column = ColumnVectors.of(type, values);
    int n = values.size();
    for (ArithmeticOperator op : OPERATORS) {
      for (boolean left : new boolean[] {false, true}) {
        BinaryArithmetic a = expression(op, type, k, left, false);
        assertThat(scalar(a, column, k, left, n)).as(a.sql()).isEqualTo(general(a, column, k, left, n));
      }
    }
  }

  @Test
  void oneMinusDiscountIsComputedOnLongs() {
    DecimalType discount = new DecimalType(12, 2);
    Literal one = new Literal(BigDecimal.ONE, new DecimalType(1, 0));
    BinaryArithmetic a = expression(ArithmeticOperator.SUBTRACT, discount, one, true, false);
    ColumnVector column = ColumnVectors.of(discount, decimals("0.04", null, "0.10", "-1.50"));
    DecimalColumnVector out = (DecimalColumnVector) ScalarArithmeticKernels.apply(a, column, one.dataType(),
        one.value(), true, 4);
    assertThat(out.dataType()).isEqualTo(new DecimalType(13, 2));
    assertThat(out.hasWideValues()).isFalse();
    assertThat(rows(out, 4)).containsExactly(new BigDecimal("0.96"), null, new BigDecimal("0.90"),
        new BigDecimal("2.50"));
  }

  @Test
  void decimalsAgreeWithTheVectorKernelsForEveryOperatorSideAndScale() {
    DecimalType price = new DecimalType(15, 2);
    List<Object> values = decimals("21168.23", null, "-0.01", "0", "9999999999999.99");
    agrees(price, values, new Literal(BigDecimal.ONE, new DecimalType(1, 0)));
    agrees(price, values, new Literal(new BigDecimal("0.05"), new DecimalType(3, 2)));
    // The constant's scale exceeds the column's: the column is scaled up per row.
    agrees(price, values, new Literal(new BigDecimal("1.2345"), new DecimalType(6, 4)));
    agrees(new DecimalType(10, 0), decimals("7", "-3", null), new Literal(new BigDecimal("-2.5"),
        new DecimalType(2, 1)));
  }

  @Test
  void decimalRowsThatOverflowALongAreRedoneExactly() {
    DecimalType big = new DecimalType(38, 0);
    String near = String.valueOf(Long.MAX_VALUE - 1);
    List<Object> values = decimals(near, "-" + near, "5", null);
    agrees(big, values, new Literal(new BigDecimal("9"), new DecimalType(1, 0)));
    ColumnVector column = ColumnVectors.of(big, values);
    Literal nine = new Literal(new BigDecimal("9"), new DecimalType(1, 0));
    BinaryArithmetic product = expression(ArithmeticOperator.MULTIPLY, big, nine, false, false);
    assertThat(scalar(product, column, nine, false, 4).get(0))
        .isEqualTo(new BigDecimal(near).multiply(BigDecimal.valueOf(9)));
  }

  @Test
  void casesOutsideTheKernelAreLeftToTheVectorKernels() {
    DecimalType price = new DecimalType(15, 2);
    ColumnVector column = ColumnVectors.of(price, decimals("1.00"));
    Literal nullConstant = new Literal(null, new DecimalType(1, 0));
    BinaryArithmetic withNull = expression(ArithmeticOperator.ADD, price, nullConstant, false, false);
    assertThat(ScalarArithmeticKernels.apply(withNull, column, nullConstant.dataType(), null, false, 1)).isNull();
    Literal two = new Literal(new BigDecimal("2"), new DecimalType(1, 0));
    BinaryArithmetic divide = expression(ArithmeticOperator.DIVIDE, price, two, false, false);
    assertThat(ScalarArithmeticKernels.apply(divide, column, two.dataType(), two.value(), false, 1)).isNull();
    // A constant whose unscaled value needs more than 62 bits.
    Literal huge = new Literal(new BigDecimal("12345678901234567890"), new DecimalType(20, 0));
    BinaryArithmetic sum = expression(ArithmeticOperator.ADD, price, huge, false, false);
    assertThat(ScalarArithmeticKernels.apply(sum, column, huge.dataType(), huge.value(), false, 1)).isNull();
    Literal shortOne = new Literal((short) 1, DataTypes.ShortType);
    BinaryArithmetic shorts = expression(ArithmeticOperator.ADD, DataTypes.ShortType, shortOne, false, false);
    assertThat(ScalarArithmeticKernels.apply(shorts, ColumnVectors.of(DataTypes.ShortType, List.of(1)),
        DataTypes.ShortType, (short) 1, false, 1)).isNull();
  }

  @Test
  void integralAndDoubleColumnsAgreeWithTheVectorKernels() {
    agrees(DataTypes.LongType, Arrays.asList(1L, null, -7L, Long.MAX_VALUE, Long.MIN_VALUE), Literal.of(3L));
    agrees(DataTypes.IntegerType, Arrays.asList(1, null, -7, Integer.MAX_VALUE, Integer.MIN_VALUE),
        Literal.of(5));
    agrees(DataTypes.DoubleType, Arrays.asList(1.5, null, -0.0, Double.NaN, 1e300), Literal.of(2.25));
    ColumnVector ints = ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(1, null, 10));
    Literal five = Literal.of(5);
    BinaryArithmetic fiveMinus = expression(ArithmeticOperator.SUBTRACT, DataTypes.IntegerType, five, true, true);
    assertThat(scalar(fiveMinus, ints, five, true, 3)).containsExactly(4, null, -5);
  }

  @Test
  void ansiOverflowRaisesTheSameErrorsAndNullRowsDoNot() {
    Literal one = Literal.of(1L);
    BinaryArithmetic plus = expression(ArithmeticOperator.ADD, DataTypes.LongType, one, false, true);
    ColumnVector max = ColumnVectors.of(DataTypes.LongType, Arrays.asList(1L, Long.MAX_VALUE));
    assertThatThrownBy(() -> ScalarArithmeticKernels.apply(plus, max, DataTypes.LongType, 1L, false, 2))
        .isInstanceOfSatisfying(SqlExecutionException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("ARITHMETIC_OVERFLOW");
          assertThat(e.getMessage()).contains("long overflow").contains("try_add");
        });
    // 1 - Long.MIN_VALUE overflows (-1 - Long.MIN_VALUE is Long.MAX_VALUE and does not).
    BinaryArithmetic oneMinus = expression(ArithmeticOperator.SUBTRACT, DataTypes.LongType, one, true, true);
    ColumnVector min = ColumnVectors.of(DataTypes.LongType, Arrays.asList(Long.MIN_VALUE));
    assertThat(scalar(expression(ArithmeticOperator.SUBTRACT, DataTypes.LongType, Literal.of(-1L), true, true),
        min, Literal.of(-1L), true, 1)).containsExactly(Long.MAX_VALUE);
    assertThatThrownBy(() -> ScalarArithmeticKernels.apply(oneMinus, min, DataTypes.LongType, 1L, true, 1))
        .isInstanceOf(SqlExecutionException.class).hasMessageContaining("long overflow");
    Literal two = Literal.of(2);
    BinaryArithmetic times = expression(ArithmeticOperator.MULTIPLY, DataTypes.IntegerType, two, false, true);
    ColumnVector big = ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(Integer.MAX_VALUE));
    assertThatThrownBy(() -> ScalarArithmeticKernels.apply(times, big, DataTypes.IntegerType, 2, false, 1))
        .isInstanceOf(SqlExecutionException.class).hasMessageContaining("integer overflow");
    // A NULL row's slot may hold anything; it must not raise.
    ColumnVector withNull = ColumnVectors.of(DataTypes.LongType, Arrays.asList(5L, null));
    withNull.nulls[1] = true;
    ((LongColumnVector) withNull).values[1] = Long.MAX_VALUE;
    assertThat(scalar(plus, withNull, one, false, 2)).containsExactly(6L, null);
  }
}

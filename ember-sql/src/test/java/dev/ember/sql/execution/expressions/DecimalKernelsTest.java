package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.SqlExecutionException;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecimalKernelsTest {

  private static final DecimalType PRICE = new DecimalType(12, 2);
  private static final DecimalType DISCOUNT = new DecimalType(13, 2);

  private static DecimalColumnVector vector(DecimalType type, String... values) {
    return (DecimalColumnVector) ColumnVectors.of(type, Arrays.stream(values)
        .map(v -> v == null ? null : new BigDecimal(v)).toList());
  }

  private static List<Object> apply(ArithmeticOperator op, DecimalColumnVector l, DecimalColumnVector r,
      boolean ansi) {
    DecimalType type = BinaryArithmetic.decimalResultType(op, (DecimalType) l.dataType(),
        (DecimalType) r.dataType());
    DecimalColumnVector out = DecimalKernels.apply(op, l, r, type, ansi, l.capacity());
    return java.util.stream.IntStream.range(0, out.capacity()).mapToObj(out::getBoxed).toList();
  }

  @Test
  void resultTypesFollowSpark() {
    assertThat(BinaryArithmetic.decimalResultType(ArithmeticOperator.MULTIPLY, PRICE, DISCOUNT))
        .isEqualTo(new DecimalType(26, 4));
    assertThat(BinaryArithmetic.decimalResultType(ArithmeticOperator.ADD, PRICE, DISCOUNT))
        .isEqualTo(new DecimalType(14, 2));
    assertThat(BinaryArithmetic.decimalResultType(ArithmeticOperator.DIVIDE, new DecimalType(2, 1),
        new DecimalType(1, 0))).isEqualTo(new DecimalType(7, 6));
    // 38 digits are exceeded: integral digits are kept and the scale shrinks, but not below 6.
    assertThat(BinaryArithmetic.decimalResultType(ArithmeticOperator.MULTIPLY, new DecimalType(38, 10),
        new DecimalType(38, 10))).isEqualTo(new DecimalType(38, 6));
  }

  @Test
  void productsOfSmallValuesStayUnscaledLongs() {
    DecimalColumnVector price = vector(PRICE, "21168.23", "45983.16", null);
    DecimalColumnVector discount = vector(DISCOUNT, "0.96", "0.91", "0.50");
    DecimalType type = new DecimalType(26, 4);
    DecimalColumnVector out = DecimalKernels.apply(ArithmeticOperator.MULTIPLY, price, discount, type, false, 3);
    assertThat(out.hasWideValues()).isFalse();
    assertThat(out.unscaled[0]).isEqualTo(203215008L);
    assertThat(out.getDecimal(1)).isEqualTo(new BigDecimal("41844.6756"));
    assertThat(out.isNull(2)).isTrue();
  }

  @Test
  void longOverflowFallsBackToBigDecimal() {
    DecimalType wide = new DecimalType(38, 0);
    DecimalColumnVector big = vector(wide, "9000000000000000000", "12345678901234567890123");
    assertThat(big.hasWideValues()).isTrue();
    assertThat(apply(ArithmeticOperator.ADD, big, big, false)).containsExactly(
        new BigDecimal("18000000000000000000"), new BigDecimal("24691357802469135780246"));
  }

  @Test
  void divisionRoundsHalfUpAndZeroDivisorIsNullOrAnError() {
    DecimalColumnVector a = vector(new DecimalType(2, 1), "1.0", "2.0", "1.0");
    DecimalColumnVector b = vector(new DecimalType(1, 0), "3", "3", "0");
    assertThat(apply(ArithmeticOperator.DIVIDE, a, b, false)).containsExactly(
        new BigDecimal("0.333333"), new BigDecimal("0.666667"), null);
    assertThatThrownBy(() -> apply(ArithmeticOperator.DIVIDE, a, b, true))
        .isInstanceOf(SqlExecutionException.class).hasMessageContaining("DIVIDE_BY_ZERO");
  }

  @Test
  void overflowOfThePrecisionIsNullOrAnError() {
    DecimalType two = new DecimalType(2, 0);
    DecimalColumnVector a = vector(two, "99", "10");
    DecimalColumnVector b = vector(two, "99", "10");
    // decimal(2,0) * decimal(2,0) is decimal(5,0): 9801 fits; sums of decimal(2,0) are decimal(3,0).
    assertThat(apply(ArithmeticOperator.MULTIPLY, a, b, false)).containsExactly(new BigDecimal("9801"),
        new BigDecimal("100"));
    DecimalColumnVector max = vector(new DecimalType(38, 0), "99999999999999999999999999999999999999");
    assertThat(apply(ArithmeticOperator.ADD, max, max, false)).containsExactly((Object) null);
    assertThatThrownBy(() -> apply(ArithmeticOperator.ADD, max, max, true))
        .isInstanceOf(SqlExecutionException.class).hasMessageContaining("NUMERIC_VALUE_OUT_OF_RANGE");
  }

  @Test
  void rescaleRoundsHalfUpAwayFromZero() {
    assertThat(DecimalKernels.rescale(12345, 3, 2)).isEqualTo(1235);
    assertThat(DecimalKernels.rescale(-12345, 3, 2)).isEqualTo(-1235);
    assertThat(DecimalKernels.rescale(12344, 3, 2)).isEqualTo(1234);
    assertThat(DecimalKernels.rescale(12, 0, 2)).isEqualTo(1200);
  }
}

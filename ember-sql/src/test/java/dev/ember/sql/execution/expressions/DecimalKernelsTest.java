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

  @Test
  void sumsDifferencesAndProductsAtLongEdgesAgreeWithBigDecimal() {
    DecimalType wide = new DecimalType(20, 2);
    DecimalColumnVector a = vector(wide, "92233720368547758.07", "-92233720368547758.08", "1.50", null, "0.01",
        "-30000000000.00", "99999999.99");
    DecimalColumnVector b = vector(wide, "0.01", "-0.01", "-2.25", "1.00", null, "30000000000.00", "1.00");
    for (ArithmeticOperator op : List.of(ArithmeticOperator.ADD, ArithmeticOperator.SUBTRACT,
        ArithmeticOperator.MULTIPLY)) {
      List<Object> got = apply(op, a, b, false);
      for (int i = 0; i < got.size(); i++) {
        BigDecimal x = a.isNull(i) ? null : a.getDecimal(i);
        BigDecimal y = b.isNull(i) ? null : b.getDecimal(i);
        BigDecimal expected = x == null || y == null ? null : switch (op) {
          case ADD -> x.add(y);
          case SUBTRACT -> x.subtract(y);
          default -> x.multiply(y);
        };
        assertThat(got.get(i)).as("%s %s %s", x, op, y).isEqualTo(expected);
      }
    }
  }

  @Test
  void exactLongResultsBeyondTheSmallPrecisionAreNull() {
    DecimalType four = new DecimalType(4, 2);
    DecimalColumnVector a = vector(four, "99.99", "10.00", "-99.99");
    DecimalColumnVector b = vector(four, "0.01", "10.00", "-0.01");
    // decimal(4,2) + decimal(4,2) is decimal(5,2): 100.00 fits, and so does -100.00.
    assertThat(apply(ArithmeticOperator.ADD, a, b, false)).containsExactly(new BigDecimal("100.00"),
        new BigDecimal("20.00"), new BigDecimal("-100.00"));
    DecimalType result = new DecimalType(3, 2);
    DecimalColumnVector out = DecimalKernels.apply(ArithmeticOperator.ADD, a, b, result, false, 3);
    assertThat(out.isNull(0)).isTrue();
    assertThat(out.isNull(1)).isTrue();
    assertThat(out.isNull(2)).isTrue();
    assertThatThrownBy(() -> DecimalKernels.apply(ArithmeticOperator.SUBTRACT, a, b, result, true, 3))
        .isInstanceOf(SqlExecutionException.class).hasMessageContaining("NUMERIC_VALUE_OUT_OF_RANGE");
  }

  @Test
  void sumsOfDifferentScalesBringTheSmallerScaleUp() {
    DecimalColumnVector one = vector(new DecimalType(1, 0), "1", "1", "9", null);
    DecimalColumnVector discount = vector(PRICE, "0.04", "-0.10", "9999999999.99", "0.5");
    assertThat(apply(ArithmeticOperator.SUBTRACT, one, discount, false)).containsExactly(
        new BigDecimal("0.96"), new BigDecimal("1.10"), new BigDecimal("-9999999990.99"), null);
    assertThat(apply(ArithmeticOperator.ADD, discount, one, false)).containsExactly(
        new BigDecimal("1.04"), new BigDecimal("0.90"), new BigDecimal("10000000008.99"), null);
    DecimalColumnVector huge = vector(new DecimalType(18, 0), "999999999999999999", "-999999999999999999");
    DecimalColumnVector tiny = vector(new DecimalType(18, 17), "0.00000000000000001", "0.5");
    // decimal(18,0) + decimal(18,17) is decimal(36,17): the upscaled integer part overflows a long.
    assertThat(apply(ArithmeticOperator.ADD, huge, tiny, false)).containsExactly(
        new BigDecimal("999999999999999999.00000000000000001"),
        new BigDecimal("-999999999999999998.50000000000000000"));
  }
}

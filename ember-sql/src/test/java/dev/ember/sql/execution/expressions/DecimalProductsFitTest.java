package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.SqlExecutionException;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The decimal product loop without a test per row, taken when the batch's magnitudes bound every product
 * below the result's precision, and the checked loop otherwise (NULLs, overflow, ANSI errors unchanged).
 */
class DecimalProductsFitTest {

  private static DecimalColumnVector vector(DecimalType type, String... values) {
    return (DecimalColumnVector) ColumnVectors.of(type, Arrays.stream(values)
        .map(v -> v == null ? null : new BigDecimal(v)).toList());
  }

  private static List<Object> multiply(DecimalColumnVector l, DecimalColumnVector r, DecimalType type,
      boolean ansi) {
    DecimalColumnVector out = DecimalKernels.apply(ArithmeticOperator.MULTIPLY, l, r, type, ansi, l.capacity());
    return IntStream.range(0, out.capacity()).mapToObj(out::getBoxed).toList();
  }

  @Test
  void magnitudeBitsBoundEveryValueIncludingNegatives() {
    assertThat(DecimalKernels.magnitudeBits(new long[] {0, 0}, 2)).isEqualTo(0);
    assertThat(DecimalKernels.magnitudeBits(new long[] {-1, 1}, 2)).isEqualTo(1);
    assertThat(DecimalKernels.magnitudeBits(new long[] {-8, 3}, 2)).isEqualTo(3);
    assertThat(DecimalKernels.magnitudeBits(new long[] {8, 0}, 2)).isEqualTo(4);
    assertThat(DecimalKernels.magnitudeBits(new long[] {Long.MIN_VALUE}, 1)).isEqualTo(63);
    assertThat(DecimalKernels.productsFit(new long[] {1L << 29}, new long[] {1L << 30}, 1, Long.MAX_VALUE))
        .isTrue();
    assertThat(DecimalKernels.productsFit(new long[] {1L << 31}, new long[] {1L << 31}, 1, Long.MAX_VALUE))
        .isFalse();
    assertThat(DecimalKernels.productsFit(new long[] {99}, new long[] {99}, 1, 10_000)).isFalse();
  }

  @Test
  void smallProductsWithNullsAreExactAndNullRowsStayNull() {
    DecimalType type = new DecimalType(28, 4);
    List<Object> got = multiply(vector(new DecimalType(15, 2), "21168.23", null, "-3.50", "0.00"),
        vector(new DecimalType(13, 2), "0.96", "1.00", "2.00", null), type, true);
    assertThat(got).containsExactly(new BigDecimal("20321.5008"), null, new BigDecimal("-7.0000"), null);
  }

  @Test
  void largeProductsTakeTheCheckedLoopWithNullOrAnsiErrorOnOverflow() {
    DecimalType narrow = new DecimalType(5, 2);
    DecimalColumnVector l = vector(new DecimalType(3, 1), "99.9", "1.0");
    DecimalColumnVector r = vector(new DecimalType(3, 1), "99.9", "2.0");
    assertThat(multiply(l, r, narrow, false)).containsExactly(null, new BigDecimal("2.00"));
    assertThatThrownBy(() -> multiply(l, r, narrow, true)).isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("NUMERIC_VALUE_OUT_OF_RANGE");
    // Products beyond a long are redone exactly with BigDecimal.
    DecimalType wide = new DecimalType(38, 0);
    assertThat(multiply(vector(new DecimalType(18, 0), "999999999999999999"),
        vector(new DecimalType(18, 0), "999999999999999999"), wide, true))
        .containsExactly(new BigDecimal("999999999999999998000000000000000001"));
  }
}

package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnComparisonKernelsTest {

  private static final List<ComparisonOperator> ORDERING = Arrays.stream(ComparisonOperator.values())
      .filter(op -> op != ComparisonOperator.NULL_SAFE_EQUAL).toList();

  /** The answer computed row by row from boxed values: NULL when either side is. */
  private static List<Boolean> expected(ComparisonOperator op, List<?> left, List<?> right) {
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      Object a = left.get(i);
      Object b = right.get(i);
      out.add(a == null || b == null ? null : op.test(ValueOrdering.compare(a, b)));
    }
    return out;
  }

  private static List<Boolean> rows(BooleanColumnVector v, int n) {
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(v.nulls[i] ? null : v.values[i]);
    }
    return out;
  }

  private static void check(DataType type, List<?> left, List<?> right) {
    ColumnVector l = ColumnVectors.of(type, left);
    ColumnVector r = ColumnVectors.of(type, right);
    int n = left.size();
    for (ComparisonOperator op : ORDERING) {
      BooleanColumnVector direct = ColumnComparisonKernels.compare(op, l, r, n);
      assertThat(direct).as("%s", op).isNotNull();
      assertThat(rows(direct, n)).as("%s %s", type.simpleString(), op).isEqualTo(expected(op, left, right));
      assertThat(rows(ComparisonKernels.compare(op, l, r, n), n)).isEqualTo(expected(op, left, right));
    }
  }

  @Test
  void intsAndDatesCompareRowByRowWithNullsOnEitherSide() {
    check(DataTypes.IntegerType, Arrays.asList(1, 5, null, 7, Integer.MIN_VALUE, 3),
        Arrays.asList(2, 5, 4, null, Integer.MAX_VALUE, 1));
    check(DataTypes.DateType, Arrays.asList(9000, 9001, 9002), Arrays.asList(9001, 9001, 9001));
  }

  @Test
  void longsAndCompactDecimalsOfOneScale() {
    check(DataTypes.LongType, Arrays.asList(1L, Long.MAX_VALUE, null, -4L), Arrays.asList(Long.MIN_VALUE,
        Long.MAX_VALUE, 0L, -3L));
    DecimalType money = new DecimalType(12, 2);
    check(money, Arrays.asList(new BigDecimal("1.00"), null, new BigDecimal("-2.50")),
        Arrays.asList(new BigDecimal("0.99"), new BigDecimal("1.00"), new BigDecimal("-2.50")));
  }

  @Test
  void otherTypesAndNullSafeEqualityAreLeftToTheGeneralKernel() {
    ColumnVector d = ColumnVectors.of(DataTypes.DoubleType, List.of(1.0));
    assertThat(ColumnComparisonKernels.compare(ComparisonOperator.EQUAL, d, d, 1)).isNull();
    ColumnVector i = ColumnVectors.of(DataTypes.IntegerType, List.of(1));
    assertThat(ColumnComparisonKernels.compare(ComparisonOperator.NULL_SAFE_EQUAL, i, i, 1)).isNull();
    ColumnVector twoPlaces = ColumnVectors.of(new DecimalType(12, 2), List.of(new BigDecimal("1.00")));
    ColumnVector threePlaces = ColumnVectors.of(new DecimalType(12, 3), List.of(new BigDecimal("1.000")));
    assertThat(ColumnComparisonKernels.compare(ComparisonOperator.EQUAL, twoPlaces, threePlaces, 1)).isNull();
  }
}

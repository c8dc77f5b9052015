package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScalarComparisonKernelsTest {

  private static final List<ComparisonOperator> ORDERING = Arrays.stream(ComparisonOperator.values())
      .filter(op -> op != ComparisonOperator.NULL_SAFE_EQUAL).toList();

  private static List<Object> rows(ColumnVector v, int n) {
    List<Object> out = new ArrayList<>();
    IntStream.range(0, n).forEach(i -> out.add(v.getBoxed(i)));
    return out;
  }

  /** Every operator, constant on either side, agrees with the general kernel over a full constant vector. */
  private static void agreesWithGeneralKernel(DataType type, List<Object> values, Object constant) {
    int n = values.size();
    ColumnVector column = ColumnVectors.of(type, values);
    ColumnVector one = ColumnVectors.constant(type, constant, 1);
    ColumnVector wide = ColumnVectors.constant(type, constant, n);
    for (ComparisonOperator op : ORDERING) {
      BooleanColumnVector right = ScalarComparisonKernels.compare(op, column, one, false, n);
      BooleanColumnVector left = ScalarComparisonKernels.compare(op, column, one, true, n);
      assertThat(right).as("%s %s", op, constant).isNotNull();
      assertThat(rows(right, n)).as("x %s %s", op, constant)
          .isEqualTo(rows(ComparisonKernels.compare(op, column, wide, n), n));
      assertThat(rows(left, n)).as("%s %s x", constant, op)
          .isEqualTo(rows(ComparisonKernels.compare(op, wide, column, n), n));
    }
  }

  @Test
  void intsAndDatesMatchTheGeneralKernel() {
    List<Object> values = Arrays.asList(Integer.MIN_VALUE, -5, 0, 7, 8, 9, null, Integer.MAX_VALUE);
    for (int k : new int[] {8, Integer.MIN_VALUE, Integer.MAX_VALUE, 0}) {
      agreesWithGeneralKernel(DataTypes.IntegerType, values, k);
    }
  }

  @Test
  void longsAtTheEdgesMatchTheGeneralKernel() {
    List<Object> values = Arrays.asList(Long.MIN_VALUE, -1L, 0L, 3L, null, Long.MAX_VALUE);
    for (long k : new long[] {3L, Long.MIN_VALUE, Long.MAX_VALUE}) {
      agreesWithGeneralKernel(DataTypes.LongType, values, k);
    }
  }

  @Test
  void compactDecimalsMatchTheGeneralKernel() {
    DecimalType type = new DecimalType(12, 2);
    List<Object> values = Arrays.asList(new BigDecimal("0.05"), new BigDecimal("0.06"), null,
        new BigDecimal("0.07"), new BigDecimal("-10.00"));
    agreesWithGeneralKernel(type, values, new BigDecimal("0.06"));
  }

  @Test
  void stringsMatchTheGeneralKernel() {
    List<Object> values = Arrays.asList("MAIL", "AIR", null, "SHIP", "", "MAILS");
    agreesWithGeneralKernel(DataTypes.StringType, values, "MAIL");
  }

  @Test
  void leavesNullConstantsAndNullSafeEqualityToTheGeneralKernel() {
    ColumnVector column = ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(1, 2));
    assertThat(ScalarComparisonKernels.compare(ComparisonOperator.EQUAL, column,
        ColumnVectors.constant(DataTypes.IntegerType, null, 1), false, 2)).isNull();
    assertThat(ScalarComparisonKernels.compare(ComparisonOperator.NULL_SAFE_EQUAL, column,
        ColumnVectors.constant(DataTypes.IntegerType, 1, 1), false, 2)).isNull();
  }

  @Test
  void stringInMatchesAnyCandidateAndKeepsNulls() {
    ColumnVector column = ColumnVectors.of(DataTypes.StringType, Arrays.asList("MAIL", "SHIP", "AIR", null,
        new String("MAIL".toCharArray()), "", "Aa", "BB"));
    // "Aa" and "BB" share a hash: equal hashes still compare the text.
    BooleanColumnVector out = ScalarComparisonKernels.in((dev.ember.sql.execution.vector.StringColumnVector)
        column, new String[] {"MAIL", "SHIP", "BB"}, 8);
    assertThat(rows(out, 8)).containsExactly(true, true, false, null, true, false, false, true);
  }

  /** {@code x IN (candidates)} row by row, as SQL answers it for non-null candidates: NULL for a NULL x. */
  private static List<Object> inByHand(List<?> values, long... candidates) {
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      out.add(v == null ? null : Arrays.stream(candidates).anyMatch(c -> c == ((Number) v).longValue()));
    }
    return out;
  }

  @Test
  void integralInListsTestEachValueAgainstABitmapOfTheCandidates() {
    List<Object> ints = Arrays.asList(Integer.MIN_VALUE, -3, 3, 14, null, 49, 50, 63, 64, 65, Integer.MAX_VALUE);
    long[] intCandidates = {49, 14, 23, 45, 19, 3, 36, 9, 64, 14};
    ColumnVector intColumn = ColumnVectors.of(DataTypes.IntegerType, ints);
    assertThat(rows(ScalarComparisonKernels.in(intColumn, intCandidates, ints.size()), ints.size()))
        .isEqualTo(inByHand(ints, intCandidates))
        .containsExactly(false, false, true, true, null, true, false, false, true, false, false);

    List<Object> longs = Arrays.asList(Long.MIN_VALUE, -1L, 0L, null, 1000L, Long.MAX_VALUE, 129L, -130L);
    long[] longCandidates = {Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MAX_VALUE - 200};
    ColumnVector longColumn = ColumnVectors.of(DataTypes.LongType, longs);
    assertThat(rows(ScalarComparisonKernels.in(longColumn, longCandidates, longs.size()), longs.size()))
        .isEqualTo(inByHand(longs, longCandidates))
        .containsExactly(false, false, false, null, false, true, false, false);
    long[] nearZero = {-130, 0, 129};
    assertThat(rows(ScalarComparisonKernels.in(longColumn, nearZero, longs.size()), longs.size()))
        .containsExactly(false, false, true, null, false, false, true, true);
  }

  @Test
  void integralInListsSpreadTooWideOrOverOtherKindsAreLeftToTheGeneralPath() {
    ColumnVector longs = ColumnVectors.of(DataTypes.LongType, Arrays.asList(1L, 2L));
    assertThat(ScalarComparisonKernels.in(longs, new long[] {0, ScalarComparisonKernels.MAX_IN_SPAN}, 2)).isNull();
    assertThat(ScalarComparisonKernels.in(longs, new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2)).isNull();
    assertThat(ScalarComparisonKernels.in(longs, new long[] {}, 2)).isNull();
    ColumnVector strings = ColumnVectors.of(DataTypes.StringType, Arrays.asList("1", "2"));
    assertThat(ScalarComparisonKernels.in(strings, new long[] {1}, 2)).isNull();
  }

  @Test
  void prefixesInCandidatesMatchSubstringThenIn() {
    List<Object> values = Arrays.asList("13-555", "1", null, "31", "2x", "", "\uD83D\uDE00ab", "130");
    String[] candidates = {"13", "31", "1", "", "\uD83D\uDE00"};
    int n = values.size();
    for (int k : new int[] {1, 2, 3, 10}) {
      StringColumnVector column = (StringColumnVector) ColumnVectors.of(DataTypes.StringType, values);
      List<Object> expected = new ArrayList<>();
      for (Object v : values) {
        expected.add(v == null ? null
            : Arrays.asList(candidates).contains(StringFunctionKernels.substring((String) v, 1, k)));
      }
      assertThat(rows(ScalarComparisonKernels.prefixIn(column, k, candidates, n), n)).as("k=%d", k)
          .isEqualTo(expected);
    }
  }
}

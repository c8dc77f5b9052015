package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.joinfilter.KeyFilter;
import dev.ember.sql.execution.joinfilter.KeyFilters;
import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conjuncts a late row filter tests as selection loops: ranges and runtime join filters on one column. */
class VectorSelectionTest {

  private static final DecimalType PRICE = DataTypes.createDecimalType(15, 2);
  private static final BoundReference I = new BoundReference(0, DataTypes.IntegerType, true);
  private static final BoundReference L = new BoundReference(0, DataTypes.LongType, true);
  private static final BoundReference D = new BoundReference(0, DataTypes.DateType, true);
  private static final BoundReference P = new BoundReference(0, PRICE, true);

  private static Expression cmp(ComparisonOperator op, Expression left, Expression right) {
    return new BinaryComparison(op, left, right);
  }

  /** Ints 0..9 with row 3 NULL. */
  private static IntColumnVector ints() {
    IntColumnVector v = new IntColumnVector(DataTypes.IntegerType, 10);
    for (int i = 0; i < 10; i++) {
      v.values[i] = i;
    }
    v.nulls[3] = true;
    return v;
  }

  private static int[] dense(VectorSelection s, ColumnVector v, int n) {
    int[] rows = new int[n];
    int kept = s.select(v, rows, n, true);
    return kept < 0 ? null : Arrays.copyOf(rows, kept);
  }

  private static int[] sparse(VectorSelection s, ColumnVector v, int... rows) {
    int[] copy = rows.clone();
    int kept = s.select(v, copy, copy.length, false);
    return Arrays.copyOf(copy, kept);
  }

  @Test
  void anIntRangeKeepsTheRowsInsideItAndNeverANull() {
    VectorSelection s = VectorSelection.of(new And(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, I, Literal.of(2)),
        cmp(ComparisonOperator.LESS_THAN, I, Literal.of(6))));
    assertThat(dense(s, ints(), 10)).containsExactly(2, 4, 5);
    assertThat(sparse(s, ints(), 1, 3, 5, 9)).containsExactly(5);
    // Nothing kept, everything kept.
    assertThat(dense(VectorSelection.of(cmp(ComparisonOperator.GREATER_THAN, I, Literal.of(100))), ints(), 10))
        .isEmpty();
    assertThat(dense(VectorSelection.of(cmp(ComparisonOperator.GREATER_THAN, I, Literal.of(-1))), ints(), 10))
        .containsExactly(0, 1, 2, 4, 5, 6, 7, 8, 9);
    assertThat(sparse(s, ints())).isEmpty();
  }

  @Test
  void aLiteralOnTheLeftFlipsTheOperatorAndEqualityIsAOnePointRange() {
    // 5 > i is i < 5.
    VectorSelection s = VectorSelection.of(cmp(ComparisonOperator.GREATER_THAN, Literal.of(5), I));
    assertThat(dense(s, ints(), 10)).containsExactly(0, 1, 2, 4);
    assertThat(dense(VectorSelection.of(cmp(ComparisonOperator.EQUAL, I, Literal.of(7))), ints(), 10))
        .containsExactly(7);
    assertThat(dense(VectorSelection.of(cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, Literal.of(8), I)), ints(), 10))
        .containsExactly(8, 9);
  }

  @Test
  void longBoundsAtTheEdgesOfTheLongsAreEmptyRatherThanWrapping() {
    LongColumnVector v = new LongColumnVector(DataTypes.LongType, 3);
    v.values[0] = Long.MIN_VALUE;
    v.values[1] = 0;
    v.values[2] = Long.MAX_VALUE;
    assertThat(dense(VectorSelection.of(cmp(ComparisonOperator.LESS_THAN, L, Literal.of(Long.MIN_VALUE))), v, 3))
        .isEmpty();
    assertThat(dense(VectorSelection.of(cmp(ComparisonOperator.GREATER_THAN, L, Literal.of(Long.MAX_VALUE))), v,
        3)).isEmpty();
    assertThat(dense(VectorSelection.of(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, L,
        Literal.of(Long.MIN_VALUE))), v, 3)).containsExactly(0, 1, 2);
    // An int column against a range beyond the ints keeps nothing, below them everything.
    VectorSelection beyond = new VectorSelection.Range(0, 1L << 40, Long.MAX_VALUE, -1);
    assertThat(dense(beyond, ints(), 10)).isEmpty();
    VectorSelection below = new VectorSelection.Range(0, Long.MIN_VALUE, 1L << 40, -1);
    assertThat(dense(below, ints(), 10)).hasSize(9);
  }

  @Test
  void datesCompareAsDaysAndDecimalsAsUnscaledLongs() {
    IntColumnVector days = ints();
    VectorSelection s = VectorSelection.of(new And(cmp(ComparisonOperator.GREATER_THAN, D,
        new Literal(4, DataTypes.DateType)), cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, D,
        new Literal(8, DataTypes.DateType))));
    assertThat(dense(s, days, 10)).containsExactly(5, 6, 7, 8);

    DecimalColumnVector prices = new DecimalColumnVector(PRICE, 4);
    prices.setUnscaled(0, 999);
    prices.setUnscaled(1, 1000);
    prices.setUnscaled(2, 2550);
    prices.nulls[3] = true;
    VectorSelection p = VectorSelection.of(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, P,
        new Literal(new BigDecimal("10.00"), PRICE)));
    assertThat(dense(p, prices, 4)).containsExactly(1, 2);
    assertThat(sparse(p, prices, 0, 2, 3)).containsExactly(2);
    // A vector holding a value too wide for a long is left to the expression.
    prices.setDecimal(0, new BigDecimal("123456789012345678901.00"));
    assertThat(dense(p, prices, 4)).isNull();
  }

  @Test
  void conjunctsWithoutALoopHereStayExpressions() {
    assertThat(VectorSelection.of(cmp(ComparisonOperator.NOT_EQUAL, I, Literal.of(1)))).isNull();
    assertThat(VectorSelection.of(cmp(ComparisonOperator.LESS_THAN, I, new BoundReference(1,
        DataTypes.IntegerType, true)))).isNull();
    assertThat(VectorSelection.of(cmp(ComparisonOperator.LESS_THAN, I, new Literal(null,
        DataTypes.IntegerType)))).isNull();
    assertThat(VectorSelection.of(cmp(ComparisonOperator.LESS_THAN, new BoundReference(0, DataTypes.StringType,
        true), Literal.of("b")))).isNull();
    assertThat(VectorSelection.of(cmp(ComparisonOperator.LESS_THAN, new BoundReference(0, DataTypes.DoubleType,
        true), Literal.of(1.5)))).isNull();
    assertThat(VectorSelection.of(new IsNotNull(I))).isNull();
    // Bounds of two columns.
    assertThat(VectorSelection.of(new And(cmp(ComparisonOperator.LESS_THAN, I, Literal.of(1)),
        cmp(ComparisonOperator.LESS_THAN, new BoundReference(1, DataTypes.IntegerType, true), Literal.of(1)))))
        .isNull();
  }

  @Test
  void aRuntimeFilterSelectsByItsKeysOnIntsLongsAndStrings() {
    KeyFilter bitmap = KeyFilters.build(new long[] {2, 5, 9}, 3, true);
    VectorSelection onInts = VectorSelection.of(new RuntimeFilterPredicate(I, bitmap, "k"));
    assertThat(dense(onInts, ints(), 10)).containsExactly(2, 5, 9);
    assertThat(sparse(onInts, ints(), 0, 5, 8, 9)).containsExactly(5, 9);

    KeyFilter sparseSet = KeyFilters.build(new long[] {-7, 1L << 40}, 2, true);
    LongColumnVector longs = new LongColumnVector(DataTypes.LongType, 4);
    longs.values[0] = -7;
    longs.values[1] = 1L << 40;
    longs.values[2] = 3;
    longs.values[3] = -7;
    longs.nulls[3] = true;
    assertThat(dense(VectorSelection.of(new RuntimeFilterPredicate(L, sparseSet, "k")), longs, 4))
        .containsExactly(0, 1);

    StringColumnVector names = new StringColumnVector(DataTypes.StringType, 3);
    names.values[0] = "ann";
    names.values[1] = "bob";
    names.nulls[2] = true;
    long[] hashes = {KeyFilters.hash(names, 1)};
    KeyFilter bloom = KeyFilters.build(hashes, 1, false);
    VectorSelection onStrings = VectorSelection.of(new RuntimeFilterPredicate(new BoundReference(0,
        DataTypes.StringType, true), bloom, "k"));
    assertThat(dense(onStrings, names, 3)).contains(1).doesNotContain(2);
  }

  @Test
  void severalSelectionsAndExpressionsOnOneScanKeepWhatEachRowByRowWould() {
    Random random = new Random(7);
    int n = 1000;
    IntColumnVector a = new IntColumnVector(DataTypes.IntegerType, n);
    LongColumnVector b = new LongColumnVector(DataTypes.LongType, n);
    long[] keys = new long[50];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = random.nextInt(400);
    }
    for (int i = 0; i < n; i++) {
      a.values[i] = random.nextInt(100);
      b.values[i] = random.nextInt(400);
      a.nulls[i] = random.nextInt(20) == 0;
      b.nulls[i] = random.nextInt(20) == 0;
    }
    KeyFilter filter = KeyFilters.build(keys, keys.length, true);
    BoundReference bRef = new BoundReference(1, DataTypes.LongType, true);
    BoundReference aRef = new BoundReference(0, DataTypes.IntegerType, true);
    // A range, a column comparison (an expression), the runtime filter: in every order.
    List<Expression> conjuncts = List.of(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, aRef, Literal.of(30)),
        cmp(ComparisonOperator.LESS_THAN, new BoundReference(0, DataTypes.LongType, true), bRef),
        new RuntimeFilterPredicate(bRef, filter, "k"));
    // The column comparison needs both sides long: compare a widened copy instead.
    LongColumnVector wide = new LongColumnVector(DataTypes.LongType, n);
    for (int i = 0; i < n; i++) {
      wide.values[i] = a.values[i];
      wide.nulls[i] = a.nulls[i];
    }
    List<Expression> bound = List.of(conjuncts.get(0), new BinaryComparison(ComparisonOperator.LESS_THAN,
        new BoundReference(2, DataTypes.LongType, true), bRef), conjuncts.get(2));
    ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {a, b, wide}, n);
    int[] expected = new int[n];
    int expectedCount = 0;
    for (int i = 0; i < n; i++) {
      boolean keep = !a.nulls[i] && !b.nulls[i] && a.values[i] >= 30 && a.values[i] < b.values[i]
          && filter.mightContain(b.values[i]);
      if (keep) {
        expected[expectedCount++] = i;
      }
    }
    assertThat(expectedCount).isBetween(1, n / 4);
    int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    for (int[] order : orders) {
      LateRowFilter late = new LateRowFilter(List.of(bound.get(order[0]), bound.get(order[1]),
          bound.get(order[2])), 3);
      int[] selected = new int[n];
      int count = late.select(batch, selected, new int[n]);
      assertThat(Arrays.copyOf(selected, count)).as("order %s", Arrays.toString(order))
          .containsExactly(Arrays.copyOf(expected, expectedCount));
    }
  }
}

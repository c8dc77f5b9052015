package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.joinfilter.KeyFilter;
import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import java.io.Serializable;

/**
 * A conjunct of a {@link LateRowFilter} on one column that refines a selection of rows in one loop over the
 * column's vector as decoded, with no per-row calls, no boolean result vector and no copy of the rows earlier
 * conjuncts kept: a runtime join filter on a column ({@link KeyFilter#select}), or a range of an integral, date
 * or decimal column given by comparisons with literals ({@code c > k}, {@code c = k}, the AND of two bounds). A
 * NULL value never passes, as the conjunct is then NULL or FALSE.
 */
abstract class VectorSelection implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int column;

  private VectorSelection(int column) {
    this.column = column;
  }

  /** The column (of the filter's batch) the conjunct reads. */
  final int column() {
    return column;
  }

  /**
   * Keeps the rows of {@code vector} that pass: of all rows {@code [0, count)} when {@code dense}, else of the
   * positions {@code rows[0, count)}; writes the survivors in order at the front of {@code rows} and returns
   * how many, or -1 (leaving {@code rows} as it was) when this vector's representation has no loop here, for
   * the caller to evaluate the conjunct as an expression.
   */
  abstract int select(ColumnVector vector, int[] rows, int count, boolean dense);

  /** {@code conjunct} (bound to the filter's batch) as a selection, or null when it has no such form. */
  static VectorSelection of(Expression conjunct) {
    if (conjunct instanceof RuntimeFilterPredicate runtimeFilter && runtimeFilter.child() instanceof BoundReference
        ref) {
      return new Keys(ref.ordinal(), runtimeFilter.filter());
    }
    return Range.of(conjunct);
  }

  /** A runtime join filter's test of one column. */
  private static final class Keys extends VectorSelection {

    private static final long serialVersionUID = 1L;
    private final KeyFilter filter;

    Keys(int column, KeyFilter filter) {
      super(column);
      this.filter = filter;
    }

    @Override
    int select(ColumnVector vector, int[] rows, int count, boolean dense) {
      return dense ? filter.selectAll(vector, count, rows) : filter.select(vector, rows, count);
    }
  }

  /** The closed range [{@code low}, {@code high}] of an int, long or compact decimal column (low > high: none). */
  static final class Range extends VectorSelection {

    private static final long serialVersionUID = 1L;
    private final long low;
    private final long high;
    /** For a decimal column, the scale of the bounds' unscaled values; -1 for integral columns. */
    private final int scale;

    Range(int column, long low, long high, int scale) {
      super(column);
      this.low = low;
      this.high = high;
      this.scale = scale;
    }

    /** {@code conjunct} as a range of one column, or null. */
    static Range of(Expression conjunct) {
      if (conjunct instanceof And and) {
        Range left = of(and.left());
        Range right = of(and.right());
        if (left == null || right == null || left.column() != right.column() || left.scale != right.scale) {
          return null;
        }
        return new Range(left.column(), Math.max(left.low, right.low), Math.min(left.high, right.high),
            left.scale);
      }
      if (!(conjunct instanceof BinaryComparison c)) {
        return null;
      }
      boolean literalRight = c.right() instanceof Literal;
      Expression subject = literalRight ? c.left() : c.right();
      Expression other = literalRight ? c.right() : c.left();
      if (!(subject instanceof BoundReference ref) || !(other instanceof Literal k) || k.value() == null
          || !ref.dataType().equals(k.dataType())) {
        return null;
      }
      ColumnVector constant = ColumnVectors.constant(k.dataType(), k.value(), 1);
      long value;
      int scale = -1;
      if (constant instanceof IntColumnVector ints) {
        value = ints.values[0];
      } else if (constant instanceof LongColumnVector longs) {
        value = longs.values[0];
      } else if (constant instanceof DecimalColumnVector decimals && decimals.isCompact(0)) {
        value = decimals.unscaled[0];
        scale = decimals.scale();
      } else {
        return null;
      }
      ComparisonOperator op = literalRight ? c.operator() : flip(c.operator());
      return switch (op) {
        case EQUAL -> new Range(ref.ordinal(), value, value, scale);
        case LESS_THAN -> value == Long.MIN_VALUE ? new Range(ref.ordinal(), 1, 0, scale)
            : new Range(ref.ordinal(), Long.MIN_VALUE, value - 1, scale);
        case LESS_THAN_OR_EQUAL -> new Range(ref.ordinal(), Long.MIN_VALUE, value, scale);
        case GREATER_THAN -> value == Long.MAX_VALUE ? new Range(ref.ordinal(), 1, 0, scale)
            : new Range(ref.ordinal(), value + 1, Long.MAX_VALUE, scale);
        case GREATER_THAN_OR_EQUAL -> new Range(ref.ordinal(), value, Long.MAX_VALUE, scale);
        default -> null;
      };
    }

    private static ComparisonOperator flip(ComparisonOperator op) {
      return switch (op) {
        case LESS_THAN -> ComparisonOperator.GREATER_THAN;
        case LESS_THAN_OR_EQUAL -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
        case GREATER_THAN -> ComparisonOperator.LESS_THAN;
        case GREATER_THAN_OR_EQUAL -> ComparisonOperator.LESS_THAN_OR_EQUAL;
        default -> op;
      };
    }

    long low() {
      return low;
    }

    long high() {
      return high;
    }

    @Override
    int select(ColumnVector vector, int[] rows, int count, boolean dense) {
      if (scale < 0 && vector instanceof LongColumnVector longs) {
        return dense ? denseLongs(longs.values, vector.nulls, rows, count)
            : sparseLongs(longs.values, vector.nulls, rows, count);
      }
      if (scale < 0 && vector instanceof IntColumnVector ints) {
        return dense ? denseInts(ints.values, vector.nulls, rows, count)
            : sparseInts(ints.values, vector.nulls, rows, count);
      }
      if (vector instanceof DecimalColumnVector decimals && !decimals.hasWideValues() && decimals.scale() == scale) {
        return dense ? denseLongs(decimals.unscaled, vector.nulls, rows, count)
            : sparseLongs(decimals.unscaled, vector.nulls, rows, count);
      }
      return -1;
    }

    private int denseLongs(long[] values, boolean[] nulls, int[] rows, int n) {
      long lo = low;
      long hi = high;
      int kept = 0;
      for (int i = 0; i < n; i++) {
        long v = values[i];
        rows[kept] = i;
        kept += v >= lo & v <= hi & !nulls[i] ? 1 : 0;
      }
      return kept;
    }

    private int sparseLongs(long[] values, boolean[] nulls, int[] rows, int count) {
      long lo = low;
      long hi = high;
      int kept = 0;
      for (int j = 0; j < count; j++) {
        int row = rows[j];
        long v = values[row];
        rows[kept] = row;
        kept += v >= lo & v <= hi & !nulls[row] ? 1 : 0;
      }
      return kept;
    }

    private int denseInts(int[] values, boolean[] nulls, int[] rows, int n) {
      // The range clamped to ints, so the loop compares ints; a range outside the ints keeps nothing.
      boolean empty = low > high || low > Integer.MAX_VALUE || high < Integer.MIN_VALUE;
      int lo = empty ? 1 : (int) Math.max(low, Integer.MIN_VALUE);
      int hi = empty ? 0 : (int) Math.min(high, Integer.MAX_VALUE);
      int kept = 0;
      for (int i = 0; i < n; i++) {
        int v = values[i];
        rows[kept] = i;
        kept += v >= lo & v <= hi & !nulls[i] ? 1 : 0;
      }
      return kept;
    }

    private int sparseInts(int[] values, boolean[] nulls, int[] rows, int count) {
      boolean empty = low > high || low > Integer.MAX_VALUE || high < Integer.MIN_VALUE;
      int lo = empty ? 1 : (int) Math.max(low, Integer.MIN_VALUE);
      int hi = empty ? 0 : (int) Math.min(high, Integer.MAX_VALUE);
      int kept = 0;
      for (int j = 0; j < count; j++) {
        int row = rows[j];
        int v = values[row];
        rows[kept] = row;
        kept += v >= lo & v <= hi & !nulls[row] ? 1 : 0;
      }
      return kept;
    }
  }
}

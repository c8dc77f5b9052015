package dev.ember.sql.execution.window;

import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Average;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.Max;
import dev.ember.sql.plan.expressions.Min;
import dev.ember.sql.plan.expressions.Sum;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.ArrayDeque;

/**
 * An aggregate over a sliding frame: rows enter at the frame's end and leave from its start, in row order.
 * count and integral sums subtract what leaves, double sums and averages keep two stacks; min and max keep
 * a monotonic queue of candidates. Every row enters and leaves once, so a partition costs linear time
 * whatever the frame.
 */
abstract class FrameAggregator {

  /** Empties the frame. */
  abstract void reset();

  /** Row {@code row} with input {@code value} enters the frame. */
  abstract void add(int row, Object value);

  /** Row {@code row} with input {@code value}, the oldest in the frame, leaves it. */
  abstract void remove(int row, Object value);

  /** The aggregate of the rows in the frame. */
  abstract Object result();

  /** A name for the aggregate kind of {@code function}, to carry to tasks. */
  static String kindOf(AggregateFunction function) {
    if (function instanceof Count) {
      return "count";
    }
    boolean sumOrAverage = function instanceof Sum || function instanceof Average;
    if (function.dataType() instanceof DecimalType decimal && sumOrAverage) {
      return (function instanceof Sum ? "sum_decimal:" : "avg_decimal:") + decimal.scale();
    }
    if (function instanceof Sum) {
      return function.dataType() == DataTypes.DoubleType ? "sum_double" : "sum_long";
    }
    if (function instanceof Average) {
      return "avg";
    }
    if (function instanceof Min) {
      return "min";
    }
    if (function instanceof Max) {
      return "max";
    }
    throw new IllegalStateException("no window evaluation for " + function.sql() + "; this is a bug");
  }

  /** A new aggregator of {@code kind}. */
  static FrameAggregator create(String kind) {
    if (kind.startsWith("sum_decimal:") || kind.startsWith("avg_decimal:")) {
      int scale = Integer.parseInt(kind.substring(kind.indexOf(':') + 1));
      return new DecimalSumAggregator(kind.startsWith("avg"), scale);
    }
    return switch (kind) {
      case "count" -> new CountAggregator();
      case "sum_long" -> new SumAggregator(false, false);
      case "sum_double" -> new SumAggregator(true, false);
      case "avg" -> new SumAggregator(true, true);
      case "min" -> new ExtremumAggregator(false);
      case "max" -> new ExtremumAggregator(true);
      default -> throw new IllegalStateException("unknown window aggregate " + kind);
    };
  }

  /** count(x): the non-NULL inputs in the frame. */
  private static final class CountAggregator extends FrameAggregator {
    private long count;

    @Override
    void reset() {
      count = 0;
    }

    @Override
    void add(int row, Object value) {
      count += value == null ? 0 : 1;
    }

    @Override
    void remove(int row, Object value) {
      count -= value == null ? 0 : 1;
    }

    @Override
    Object result() {
      return count;
    }
  }

  /**
   * sum(x) over bigint (wrapping, where subtracting what leaves is exact) or double, and avg(x) over double;
   * NULL without a non-NULL input. Doubles never subtract: that would leave rounding residue behind
   * ({@code 1e20 + 1 - 1e20} is 0). They use two stacks instead: values that entered since the last flip
   * with their running sum, and older values with suffix sums, so a frame's sum is a suffix sum plus the
   * running sum, each value added in O(1) amortized.
   */
  private static final class SumAggregator extends FrameAggregator {
    private final boolean fractional;
    private final boolean average;
    private long longSum;
    private long count;
    private double[] newer = new double[16];
    private int newerSize;
    private double newerSum;
    private double[] olderSuffixSums = new double[0];
    private int olderStart;

    SumAggregator(boolean fractional, boolean average) {
      this.fractional = fractional;
      this.average = average;
    }

    @Override
    void reset() {
      longSum = 0;
      count = 0;
      newerSize = 0;
      newerSum = 0;
      olderStart = olderSuffixSums.length;
    }

    @Override
    void add(int row, Object value) {
      if (value == null) {
        return;
      }
      count++;
      if (!fractional) {
        longSum += ((Number) value).longValue();
        return;
      }
      if (newerSize == newer.length) {
        newer = java.util.Arrays.copyOf(newer, newerSize * 2);
      }
      double v = ((Number) value).doubleValue();
      newer[newerSize++] = v;
      newerSum += v;
    }

    @Override
    void remove(int row, Object value) {
      if (value == null) {
        return;
      }
      count--;
      if (!fractional) {
        longSum -= ((Number) value).longValue();
        return;
      }
      if (olderStart == olderSuffixSums.length) {
        // Flip: the newer values become the older ones, summed from the newest back.
        olderSuffixSums = new double[newerSize];
        double suffix = 0;
        for (int i = newerSize - 1; i >= 0; i--) {
          suffix += newer[i];
          olderSuffixSums[i] = suffix;
        }
        olderStart = 0;
        newerSize = 0;
        newerSum = 0;
      }
      olderStart++;
    }

    @Override
    Object result() {
      if (count == 0) {
        return null;
      }
      if (!fractional) {
        return longSum;
      }
      double older = olderStart < olderSuffixSums.length ? olderSuffixSums[olderStart] : 0;
      double sum = older + newerSum;
      return average ? (Object) (sum / count) : (Object) sum;
    }
  }

  /** min(x) or max(x): a queue of rows whose values could still become the extreme, best first. */
  private static final class ExtremumAggregator extends FrameAggregator {
    private final boolean max;
    private final ArrayDeque<Object[]> candidates = new ArrayDeque<>();

    ExtremumAggregator(boolean max) {
      this.max = max;
    }

    @Override
    void reset() {
      candidates.clear();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    void add(int row, Object value) {
      if (value == null) {
        return;
      }
      // A newer value at least as good makes older ones useless: they leave the frame first.
      while (!candidates.isEmpty()) {
        int c = ((Comparable) candidates.peekLast()[1]).compareTo(value);
        if (max ? c <= 0 : c >= 0) {
          candidates.pollLast();
        } else {
          break;
        }
      }
      candidates.addLast(new Object[] {row, value});
    }

    @Override
    void remove(int row, Object value) {
      if (!candidates.isEmpty() && (Integer) candidates.peekFirst()[0] == row) {
        candidates.pollFirst();
      }
    }

    @Override
    Object result() {
      return candidates.isEmpty() ? null : candidates.peekFirst()[1];
    }
  }
}

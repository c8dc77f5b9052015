package dev.ember.sql.execution.window;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * sum(x) and avg(x) over a decimal column in a window frame. Decimal addition is exact, so a value leaving
 * the frame is simply subtracted; the result is rounded (half up, as Spark does) to the scale of the
 * function's result type: the input's scale for sum, four more digits for avg.
 */
final class DecimalSumAggregator extends FrameAggregator {

  private final boolean average;
  private final int resultScale;
  private BigDecimal sum = BigDecimal.ZERO;
  private long count;

  DecimalSumAggregator(boolean average, int resultScale) {
    this.average = average;
    this.resultScale = resultScale;
  }

  @Override
  void reset() {
    sum = BigDecimal.ZERO;
    count = 0;
  }

  @Override
  void add(int row, Object value) {
    if (value != null) {
      sum = sum.add((BigDecimal) value);
      count++;
    }
  }

  @Override
  void remove(int row, Object value) {
    if (value != null) {
      sum = sum.subtract((BigDecimal) value);
      count--;
    }
  }

  @Override
  Object result() {
    if (count == 0) {
      return null;
    }
    BigDecimal result = average ? sum.divide(BigDecimal.valueOf(count), resultScale, RoundingMode.HALF_UP) : sum;
    return result.setScale(resultScale, RoundingMode.HALF_UP);
  }
}

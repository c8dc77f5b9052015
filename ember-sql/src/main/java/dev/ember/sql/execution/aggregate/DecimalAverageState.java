package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * avg(x) over decimal(p,s): a decimal(p+10,s) sum and a bigint count per group, as Spark buffers it; the
 * result is the quotient at scale s+4 rounded HALF_UP, NULL for a group without values.
 */
final class DecimalAverageState implements GroupedState {

  private final DecimalSumState sums;
  private final DecimalType resultType;
  private final int sumScale;

  DecimalAverageState(DecimalType sumType, DecimalType resultType) {
    this.sums = new DecimalSumState(sumType);
    this.resultType = resultType;
    this.sumScale = sumType.scale();
  }

  @Override
  public void ensureCapacity(int groups) {
    sums.ensureCapacity(groups);
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    sums.update(groupIds, input, n);
  }

  @Override
  public void update(BatchGroups batch, ColumnVector input) {
    sums.update(batch, input);
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    sums.mergeSums(groupIds, partial, column, column + 1, n);
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = sums.result(group);
    row[offset + 1] = sums.count(group);
  }

  @Override
  public Object result(int group) {
    long count = sums.count(group);
    if (count == 0) {
      return null;
    }
    BigDecimal sum = (BigDecimal) sums.result(group);
    if (sum == null) {
      return null;
    }
    return sum.divide(BigDecimal.valueOf(count), resultType.scale(), RoundingMode.HALF_UP);
  }

  /** Writes the sums through the sum state's columnar path and copies the counts. */
  @Override
  public void writeBuffers(int from, int count, ColumnVector[] out, int offset, int width) {
    sums.writeResults(from, count, out[offset]);
    sums.writeCounts(from, count, ((LongColumnVector) out[offset + 1]).values);
  }

  /**
   * Divides in long arithmetic when a group's sum, raised to the result's scale, fits a long: the quotient
   * rounded half away from zero, as BigDecimal's HALF_UP; any other group takes {@link #result}.
   */
  @Override
  public void writeResults(int from, int count, ColumnVector out) {
    int raise = resultType.scale() - sumScale;
    if (!(out instanceof DecimalColumnVector d) || d.scale() != resultType.scale() || raise < 0 || raise > 18) {
      GroupedState.super.writeResults(from, count, out);
      return;
    }
    long factor = DecimalSumState.powerOfTen(raise);
    long bound = Long.MAX_VALUE / factor;
    for (int i = 0; i < count; i++) {
      int g = from + i;
      long sum = sums.hasLongSum(g) ? sums.longSum(g) : 0;
      if (!sums.hasLongSum(g) || sum >= bound || sum <= -bound) {
        d.setBoxed(i, result(g));
        continue;
      }
      long n = sums.count(g);
      long scaled = sum * factor;
      long quotient = scaled / n;
      long remainder = Math.abs(scaled % n);
      if (remainder >= n - remainder) {
        quotient += scaled < 0 ? -1 : 1;
      }
      d.setUnscaled(i, quotient);
    }
  }
}

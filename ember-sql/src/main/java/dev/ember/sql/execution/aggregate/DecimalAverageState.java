package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
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

  DecimalAverageState(DecimalType sumType, DecimalType resultType) {
    this.sums = new DecimalSumState(sumType);
    this.resultType = resultType;
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
}

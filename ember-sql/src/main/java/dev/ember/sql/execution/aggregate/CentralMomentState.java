package dev.ember.sql.execution.aggregate;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import java.util.Arrays;

/**
 * Variance and standard deviation: per group the count, mean and sum of squared deviations (Welford's
 * update per value, Chan's formula to merge partial buffers), as Spark's CentralMomentAgg keeps them.
 */
final class CentralMomentState implements GroupedState {

  private final boolean sample;
  private final boolean root;
  private double[] counts = new double[16];
  private double[] means = new double[16];
  private double[] m2 = new double[16];

  CentralMomentState(boolean sample, boolean root) {
    this.sample = sample;
    this.root = root;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (groups > counts.length) {
      int size = Math.max(groups, counts.length * 2);
      counts = Arrays.copyOf(counts, size);
      means = Arrays.copyOf(means, size);
      m2 = Arrays.copyOf(m2, size);
    }
  }

  @Override
  public void update(int[] groupIds, ColumnVector input, int n) {
    double[] values = ((DoubleColumnVector) input).values;
    for (int i = 0; i < n; i++) {
      if (input.nulls[i]) {
        continue;
      }
      int g = groupIds[i];
      double count = ++counts[g];
      double delta = values[i] - means[g];
      means[g] += delta / count;
      m2[g] += delta * (values[i] - means[g]);
    }
  }

  @Override
  public void merge(int[] groupIds, ColumnarBatch partial, int column, int n) {
    double[] n2 = ((DoubleColumnVector) partial.column(column)).values;
    double[] mean2 = ((DoubleColumnVector) partial.column(column + 1)).values;
    double[] deviations2 = ((DoubleColumnVector) partial.column(column + 2)).values;
    for (int i = 0; i < n; i++) {
      if (n2[i] == 0) {
        continue;
      }
      int g = groupIds[i];
      double n1 = counts[g];
      double total = n1 + n2[i];
      double delta = mean2[i] - means[g];
      means[g] += delta * n2[i] / total;
      m2[g] += deviations2[i] + delta * delta * n1 * n2[i] / total;
      counts[g] = total;
    }
  }

  @Override
  public void writeBuffer(int group, Object[] row, int offset) {
    row[offset] = counts[group];
    row[offset + 1] = means[group];
    row[offset + 2] = m2[group];
  }

  @Override
  public Object result(int group) {
    double n = counts[group];
    if (n == 0 || sample && n == 1) {
      return null;
    }
    double variance = m2[group] / (sample ? n - 1 : n);
    return root ? Math.sqrt(variance) : variance;
  }
}

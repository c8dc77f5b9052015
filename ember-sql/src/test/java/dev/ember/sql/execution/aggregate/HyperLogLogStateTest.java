package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class HyperLogLogStateTest {

  private static LongColumnVector longs(long from, int n) {
    LongColumnVector v = new LongColumnVector(DataTypes.LongType, n);
    for (int i = 0; i < n; i++) {
      v.values[i] = from + i;
    }
    return v;
  }

  @Test
  void smallInputsAreCountedExactlyByLinearCounting() {
    HyperLogLogState state = new HyperLogLogState(9);
    state.ensureCapacity(1);
    state.update(new int[10], longs(100, 10), 10);
    state.update(new int[10], longs(100, 10), 10);
    assertThat(state.result(0)).isEqualTo(10L);
  }

  @Test
  void largeInputsAreWithinThreeStandardDeviations() {
    HyperLogLogState state = new HyperLogLogState(9);
    state.ensureCapacity(1);
    for (int start = 0; start < 100_000; start += 4096) {
      int n = Math.min(4096, 100_000 - start);
      state.update(new int[n], longs(start, n), n);
    }
    long estimate = (Long) state.result(0);
    assertThat((double) Math.abs(estimate - 100_000)).isLessThan(100_000 * 0.05 * 3);
  }

  @Test
  void mergingPartialBuffersEqualsCountingEverythingInOnePlace() {
    int p = 9;
    HyperLogLogState left = new HyperLogLogState(p);
    HyperLogLogState right = new HyperLogLogState(p);
    HyperLogLogState all = new HyperLogLogState(p);
    for (HyperLogLogState s : new HyperLogLogState[] {left, right, all}) {
      s.ensureCapacity(1);
    }
    left.update(new int[1000], longs(0, 1000), 1000);
    right.update(new int[1000], longs(500, 1000), 1000);
    all.update(new int[1500], longs(0, 1500), 1500);
    int words = HyperLogLogState.wordCount(p);
    HyperLogLogState merged = new HyperLogLogState(p);
    merged.ensureCapacity(1);
    for (HyperLogLogState partial : new HyperLogLogState[] {left, right}) {
      Object[] row = new Object[words];
      partial.writeBuffer(0, row, 0);
      ColumnVector[] columns = new ColumnVector[words];
      for (int w = 0; w < words; w++) {
        LongColumnVector c = new LongColumnVector(DataTypes.LongType, 1);
        c.values[0] = (Long) row[w];
        columns[w] = c;
      }
      merged.merge(new int[1], new ColumnarBatch(columns, 1), 0, 1);
    }
    assertThat(merged.result(0)).isEqualTo(all.result(0));
  }
}

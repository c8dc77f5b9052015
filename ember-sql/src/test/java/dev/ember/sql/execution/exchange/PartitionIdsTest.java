package dev.ember.sql.execution.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionIdsTest {

  private static final long[] KEYS = {0, 1, -1, 7, -8, 42, Long.MIN_VALUE, Long.MAX_VALUE, 123_456_789_012L, -99};

  @Test
  void hashPartitionsAreTheNonNegativeRemainderOfTheRowHash() {
    for (int partitions : new int[] {1, 2, 3, 4, 7, 8, 200, 256}) {
      int[] expected = new int[KEYS.length];
      RowHashes.combine(expected, column(), KEYS.length);
      for (int i = 0; i < expected.length; i++) {
        expected[i] = Math.floorMod(expected[i], partitions);
      }
      int[] ids = PartitionIds.hash(List.of(new BoundReference(0, DataTypes.LongType, true)), partitions)
          .of(new ColumnarBatch(new ColumnVector[] {column()}, KEYS.length));
      assertArrayEquals(expected, ids, "partitions " + partitions);
    }
  }

  private static LongColumnVector column() {
    LongColumnVector column = new LongColumnVector(DataTypes.LongType, KEYS.length);
    System.arraycopy(KEYS, 0, column.values, 0, KEYS.length);
    return column;
  }
}

package dev.ember.sql.execution.joinfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys of a creation side as they arrive: NULLs left out, growing past its first array, in arrival order. */
class KeyBufferTest {

  @Test
  void integralKeysOfLongAndIntColumnsSkipNulls() {
    KeyBuffer buffer = new KeyBuffer(true);
    buffer.add(ColumnVectors.of(DataTypes.LongType, Arrays.asList(5L, null, -3L, null)), 4);
    buffer.add(ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(null, 7, 7)), 3);
    // Only the first rows named count.
    buffer.add(ColumnVectors.of(DataTypes.LongType, Arrays.asList(1L, 2L)), 1);
    assertThat(buffer.values()).containsExactly(5L, -3L, 7L, 7L, 1L);
    assertThat(buffer.size()).isEqualTo(5);
  }

  @Test
  void growsPastItsFirstArrayInOneBatchOrMany() {
    KeyBuffer buffer = new KeyBuffer(true);
    List<Object> big = new ArrayList<>();
    for (long i = 0; i < 3000; i++) {
      big.add(i % 10 == 0 ? null : i);
    }
    buffer.add(ColumnVectors.of(DataTypes.LongType, big), big.size());
    buffer.add(ColumnVectors.of(DataTypes.LongType, big), big.size());
    assertThat(buffer.size()).isEqualTo(2 * 2700);
    long[] values = buffer.values();
    assertThat(values[0]).isEqualTo(1L);
    assertThat(values[2699]).isEqualTo(2999L);
    assertThat(values[2700]).isEqualTo(1L);
  }

  @Test
  void otherTypesAreHashedAndEqualValuesHashAlike() {
    KeyBuffer buffer = new KeyBuffer(false);
    buffer.add(ColumnVectors.of(DataTypes.StringType, Arrays.asList("a", null, "b", "a")), 4);
    long[] values = buffer.values();
    assertThat(values).hasSize(3);
    assertThat(values[0]).isEqualTo(values[2]).isNotEqualTo(values[1]);
  }
}

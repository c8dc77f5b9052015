package dev.ember.sql.execution.joinfilter.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.joinfilter.KeyFilters;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build keys a dynamic filter is made of: NULLs left out, duplicates kept, growth, and the cap. */
class DynamicJoinFilterKeysTest {

  private static final AttributeReference KEY = AttributeReference.create("k", DataTypes.LongType, true);
  private static final Expression BOUND = BindReferences.bind(KEY, List.of(KEY));

  private static ColumnarBatch longs(int n, long offset, int nullEvery) {
    LongColumnVector column = new LongColumnVector(DataTypes.LongType, n);
    for (int i = 0; i < n; i++) {
      column.values[i] = offset + i;
      column.nulls[i] = nullEvery > 0 && i % nullEvery == 0;
    }
    return new ColumnarBatch(new ColumnVector[] {column}, n);
  }

  @Test
  void nullKeysAreLeftOutAndDuplicatesKept() {
    // Rows 0, 3 and 6 are NULL; 5 and 5 again from the second batch.
    long[] keys = DynamicJoinFilter.keys(BOUND, List.of(longs(8, 0, 3), longs(1, 5, 0), longs(0, 0, 0)), true);
    assertThat(keys).containsExactly(1, 2, 4, 5, 7, 5);
    assertThat(KeyFilters.build(keys, keys.length, true).keyCount()).isEqualTo(5);
  }

  @Test
  void keysGrowPastTheFirstBufferAndStopAtTheCap() {
    long[] keys = DynamicJoinFilter.keys(BOUND, List.of(longs(5000, 100, 0)), true);
    assertThat(keys).hasSize(5000);
    assertThat(keys[4999]).isEqualTo(5099);
    assertThat(DynamicJoinFilter.keys(BOUND, List.of(longs(DynamicJoinFilter.MAX_KEYS, 0, 0)), true))
        .hasSize(DynamicJoinFilter.MAX_KEYS);
    assertThat(DynamicJoinFilter.keys(BOUND, List.of(longs(DynamicJoinFilter.MAX_KEYS, 0, 0), longs(1, 0, 0)),
        true)).isNull();
  }

  @Test
  void stringKeysAreHashedAsTheProbeSideHashesThem() {
    AttributeReference name = AttributeReference.create("s", DataTypes.StringType, true);
    StringColumnVector column = new StringColumnVector(DataTypes.StringType, 3);
    column.values[0] = "a";
    column.nulls[1] = true;
    column.values[2] = "b";
    ColumnarBatch batch = new ColumnarBatch(new ColumnVector[] {column}, 3);
    long[] keys = DynamicJoinFilter.keys(BindReferences.bind(name, List.of(name)), List.of(batch), false);
    assertThat(keys).containsExactly(KeyFilters.hash(column, 0), KeyFilters.hash(column, 2));
  }
}

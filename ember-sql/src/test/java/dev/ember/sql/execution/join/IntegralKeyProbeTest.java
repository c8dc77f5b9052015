package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Probing a single bigint or int key, which walks chains comparing the key values alone. */
class IntegralKeyProbeTest {

  private static ColumnarBatch column(DataType type, Object... values) {
    ColumnVector[] columns = {ColumnVectors.of(type, Arrays.asList(values))};
    return new ColumnarBatch(columns, values.length);
  }

  private static List<String> pairs(DataType type, boolean nullSafe, ColumnarBatch build, ColumnarBatch stream) {
    List<Expression> key = List.of(new BoundReference(0, type, true));
    HashedRelation relation = HashedRelation.build(build, key, new boolean[] {nullSafe});
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(stream, key, s, b);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i) + "-" + b.get(i));
    }
    return out;
  }

  @Test
  void bigintKeysMatchEqualValuesInBuildOrderAndNeverNulls() {
    ColumnarBatch build = column(DataTypes.LongType, 5L, null, -7L, 5L, Long.MAX_VALUE, 0L);
    ColumnarBatch stream = column(DataTypes.LongType, null, 5L, 4L, Long.MAX_VALUE, -7L, 0L);
    // Stream row 1 (5) matches build rows 0 and 3; NULLs on either side match nothing.
    assertThat(pairs(DataTypes.LongType, false, build, stream))
        .containsExactly("1-0", "1-3", "3-4", "4-2", "5-5");
  }

  @Test
  void nullSafeBigintKeysStillMatchNullToNull() {
    ColumnarBatch build = column(DataTypes.LongType, 5L, null);
    ColumnarBatch stream = column(DataTypes.LongType, null, 5L);
    assertThat(pairs(DataTypes.LongType, true, build, stream)).containsExactly("0-1", "1-0");
  }

  @Test
  void intKeysOverManyCollidingRowsMatchExactly() {
    Object[] build = new Object[20_000];
    for (int i = 0; i < build.length; i++) {
      build[i] = i % 2 == 0 ? (Object) (i * 4096) : null;
    }
    ColumnarBatch stream = column(DataTypes.IntegerType, 0, 4096, 8192, 4096 * 19_998, 4096 * 19_999, null);
    // Only even build rows hold keys (i * 4096 at row i); 4096 and 4096 * 19,999 sit on NULL rows.
    assertThat(pairs(DataTypes.IntegerType, false, column(DataTypes.IntegerType, build), stream))
        .containsExactly("0-0", "2-2", "3-19998");
  }
}

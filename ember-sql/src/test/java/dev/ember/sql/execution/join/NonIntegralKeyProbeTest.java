package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Probing decimal, string and multi-column keys: equal values match, NULLs only under {@code <=>}. */
class NonIntegralKeyProbeTest {

  private static final DecimalType MONEY = new DecimalType(12, 2);
  private static final BigDecimal HUGE = new BigDecimal("123456789012345678901234567890");

  private static ColumnarBatch batch(List<DataType> types, List<?>... columns) {
    ColumnVector[] vectors = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      vectors[c] = ColumnVectors.of(types.get(c), columns[c]);
    }
    return new ColumnarBatch(vectors, columns[0].size());
  }

  private static List<String> pairs(List<DataType> types, boolean[] nullSafe, ColumnarBatch build,
      ColumnarBatch stream) {
    List<Expression> keys = new ArrayList<>();
    for (int k = 0; k < types.size(); k++) {
      keys.add(new BoundReference(k, types.get(k), true));
    }
    HashedRelation relation = HashedRelation.build(build, keys, nullSafe);
    IntList s = new IntList();
    IntList b = new IntList();
    relation.probe(stream, keys, s, b);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i) + "-" + b.get(i));
    }
    return out;
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void decimalKeysMatchByValueAndNeverNulls() {
    List<DataType> types = List.of(MONEY);
    ColumnarBatch build = batch(types, Arrays.asList(d("1.50"), null, d("-2.00"), d("1.50")));
    ColumnarBatch stream = batch(types, Arrays.asList(null, d("1.50"), d("1.51"), d("-2.00")));
    assertThat(pairs(types, new boolean[] {false}, build, stream)).containsExactly("1-0", "1-3", "3-2");
    assertThat(pairs(types, new boolean[] {true}, build, stream)).containsExactly("0-1", "1-0", "1-3", "3-2");
  }

  @Test
  void decimalKeysTooWideForALongStillMatch() {
    List<DataType> types = List.of(new DecimalType(38, 0));
    ColumnarBatch build = batch(types, List.of(HUGE, BigDecimal.ONE, HUGE));
    ColumnarBatch stream = batch(types, List.of(BigDecimal.ONE, HUGE, BigDecimal.TEN));
    assertThat(pairs(types, new boolean[] {false}, build, stream)).containsExactly("0-1", "1-0", "1-2");
  }

  @Test
  void multiColumnKeysMatchOnlyWhenEveryColumnIsEqual() {
    List<DataType> types = List.of(DataTypes.IntegerType, DataTypes.StringType, MONEY);
    ColumnarBatch build = batch(types, Arrays.asList(1, 1, 2, null), Arrays.asList("a", "b", "a", "a"),
        Arrays.asList(d("1.00"), d("1.00"), d("1.00"), d("1.00")));
    ColumnarBatch stream = batch(types, Arrays.asList(1, 2, 2, null, 1), Arrays.asList("b", "a", "a", "a", "a"),
        Arrays.asList(d("1.00"), d("1.00"), d("2.00"), d("1.00"), d("1.00")));
    assertThat(pairs(types, new boolean[] {false, false, false}, build, stream))
        .containsExactly("0-1", "1-2", "4-0");
    // With the first key null-safe, (NULL, a, 1.00) now matches build row 3.
    assertThat(pairs(types, new boolean[] {true, false, false}, build, stream))
        .containsExactly("0-1", "1-2", "3-3", "4-0");
  }

  @Test
  void stringKeysWithCollidingHashesCompareByContent() {
    List<DataType> types = List.of(DataTypes.StringType);
    ColumnarBatch build = batch(types, List.of("Aa", "BB", "Aa"));
    ColumnarBatch stream = batch(types, List.of("BB", "Aa", "C"));
    assertThat(pairs(types, new boolean[] {false}, build, stream)).containsExactly("0-1", "1-0", "1-2");
  }
}

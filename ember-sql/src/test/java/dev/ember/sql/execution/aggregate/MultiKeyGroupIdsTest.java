package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open-addressing group-id table for several, string, decimal and double grouping keys. */
class MultiKeyGroupIdsTest {

  private static final DecimalType MONEY = new DecimalType(12, 2);

  /** Looks up one batch of rows given column by column; a new group gets the next dense id. */
  private static int[] ids(MultiKeyGroupIds table, List<DataType> types, List<?>... columns) {
    ColumnVector[] vectors = new ColumnVector[columns.length];
    for (int c = 0; c < columns.length; c++) {
      vectors[c] = ColumnVectors.of(types.get(c), columns[c]);
    }
    int n = columns[0].size();
    int[] out = new int[n];
    int[] next = {table.size()};
    table.groupIds(vectors, n, out, row -> next[0]++);
    return out;
  }

  @Test
  void equalKeysShareAnIdAndDifferInAnyColumnSplits() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    List<DataType> types = List.of(DataTypes.IntegerType, DataTypes.StringType);
    int[] ids = ids(table, types, List.of(1, 1, 2, 1, 2), List.of("a", "b", "a", "a", "a"));
    assertThat(ids).containsExactly(0, 1, 2, 0, 2);
    // A second batch finds the groups of the first.
    assertThat(ids(table, types, List.of(2, 1, 3), List.of("a", "b", "a"))).containsExactly(2, 1, 3);
    assertThat(table.size()).isEqualTo(4);
  }

  @Test
  void equalStringsThatAreDifferentObjectsShareAGroup() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    List<DataType> types = List.of(DataTypes.StringType, DataTypes.StringType);
    // Each batch has its own String objects, as rows decoded from another row group's dictionary do.
    for (int batch = 0; batch < 3; batch++) {
      List<String> first = List.of(new String("R"), new String("A"), new String("R"));
      List<String> second = List.of(new String("F"), new String("F"), new String("O"));
      assertThat(ids(table, types, first, second)).containsExactly(0, 1, 2);
    }
    assertThat(ids(table, types, List.of("RR"), List.of("F"))).containsExactly(3);
    assertThat(table.size()).isEqualTo(4);
  }

  @Test
  void nullKeysFormTheirOwnGroupsPerColumn() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    List<DataType> types = List.of(DataTypes.LongType, DataTypes.StringType);
    List<Long> first = Arrays.asList(null, null, 0L, null, 0L);
    List<String> second = Arrays.asList(null, "x", null, null, "x");
    // (NULL,NULL) (NULL,x) (0,NULL) (NULL,NULL) (0,x): a NULL is not the value 0 and equals only NULL.
    assertThat(ids(table, types, first, second)).containsExactly(0, 1, 2, 0, 3);
  }

  @Test
  void decimalsGroupByValueIncludingValuesTooWideForALong() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    DecimalType wideType = new DecimalType(38, 0);
    BigDecimal huge = new BigDecimal("123456789012345678901234567890");
    List<DataType> types = List.of(MONEY, wideType);
    List<BigDecimal> money = List.of(new BigDecimal("1.50"), new BigDecimal("1.50"), new BigDecimal("2.00"),
        new BigDecimal("1.50"));
    List<BigDecimal> wide = List.of(huge, BigDecimal.ONE, huge, huge);
    assertThat(ids(table, types, money, wide)).containsExactly(0, 1, 2, 0);
    assertThat(ids(table, types, List.of(new BigDecimal("2.00")), List.of(huge))).containsExactly(2);
  }

  @Test
  void negativeZeroGroupsWithZeroAndNanWithNan() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    List<DataType> types = List.of(DataTypes.DoubleType, DataTypes.BooleanType);
    List<Double> doubles = List.of(0.0, -0.0, Double.NaN, Double.NaN, 0.0);
    List<Boolean> flags = List.of(true, true, false, false, false);
    assertThat(ids(table, types, doubles, flags)).containsExactly(0, 0, 1, 1, 2);
  }

  @Test
  void keysKeepTheirIdsThroughGrowthAndCollidingHashes() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    List<DataType> types = List.of(DataTypes.IntegerType, DataTypes.IntegerType);
    // "Aa" and "BB" have the same String hash; the int pairs cover 200,000 groups, far past 1,024 slots.
    List<Integer> a = new ArrayList<>();
    List<Integer> b = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      a.add(i % 1000);
      b.add(i / 1000);
    }
    int[] first = ids(table, types, a, b);
    for (int i = 0; i < first.length; i++) {
      assertThat(first[i]).isEqualTo(i);
    }
    assertThat(ids(table, types, List.of(999, 0, 5), List.of(199, 0, 7))).containsExactly(199_999, 0, 7005);
    MultiKeyGroupIds strings = new MultiKeyGroupIds(1);
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(ids(strings, List.of(DataTypes.StringType), List.of("Aa", "BB", "Aa", "BB"))).containsExactly(0, 1,
        0, 1);
  }

  @Test
  void mixedKeysWithNullsInEveryColumnKeepTheirIdsPastTheFourfoldGrowth() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(3);
    List<DataType> types = List.of(DataTypes.StringType, DataTypes.IntegerType, DataTypes.LongType);
    // 150,000 groups take the slots past 1 << 16, where the table grows four times over; every tenth row
    // has a NULL in one of the columns in turn, and the strings are new objects on every row.
    List<String> s = new ArrayList<>();
    List<Integer> i = new ArrayList<>();
    List<Long> l = new ArrayList<>();
    for (int g = 0; g < 150_000; g++) {
      s.add(g % 30 == 0 ? null : new String("brand " + g % 25));
      i.add(g % 30 == 10 ? null : g);
      l.add(g % 30 == 20 ? null : (long) g);
    }
    int[] first = ids(table, types, s, i, l);
    for (int g = 0; g < first.length; g++) {
      assertThat(first[g]).isEqualTo(g);
    }
    assertThat(ids(table, types, Arrays.asList(null, new String("brand 5"), "brand 6"),
        Arrays.asList(149_970, null, 149_981), Arrays.asList(149_970L, 149_980L, 149_981L)))
        .containsExactly(149_970, 149_980, 149_981);
    assertThat(ids(table, types, Arrays.asList((String) null), Arrays.asList((Integer) null),
        Arrays.asList((Long) null))).containsExactly(150_000);
    assertThat(table.size()).isEqualTo(150_001);
  }
}

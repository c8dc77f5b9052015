package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.joinfilter.KeyFilters;
import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joins an exact runtime filter already did are dropped: a semi join on the filtered key, and an inner join with a
 * side of unique keys alone. Where the filter is not exact or the keys repeat, the join stays.
 */
class RedundantJoinsTest {

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void createTables() {
    session = EmberSession.builder().master("local[2]").appName("RedundantJoinsTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.optimizer.runtime.bloomFilter.applicationSideScanSizeThreshold", "0")
        .getOrCreate();
    session.sql("CREATE TABLE fact (f_key BIGINT, f_name STRING, f_value INT) USING parquet");
    StringJoiner facts = new StringJoiner(", ");
    for (int i = 0; i < 1000; i++) {
      String key = i % 7 == 6 ? "NULL" : String.valueOf(i % 100);
      facts.add("(" + key + ", 'n" + (i % 100) + "', " + i + ")");
    }
    session.sql("INSERT INTO fact VALUES " + facts);
    session.sql("CREATE TABLE dim (d_key BIGINT, d_name STRING, d_category STRING) USING parquet");
    session.sql("INSERT INTO dim VALUES (3, 'n3', 'x'), (50, 'n50', 'x'), (97, 'n97', 'x'), (4, 'n4', 'y'), "
        + "(NULL, 'none', 'x'), (50, 'n50', 'z')");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** The count and the sum of f_value of the fact rows with a key in {@code keys}, each key once. */
  private static long[] matching(int... keys) {
    long[] result = new long[2];
    for (int i = 0; i < 1000; i++) {
      for (int key : keys) {
        if (i % 7 != 6 && i % 100 == key) {
          result[0]++;
          result[1] += i;
        }
      }
    }
    return result;
  }

  private static String explain(String sql) {
    return session.sql(sql).queryExecution().explainString("simple");
  }

  @Test
  void aSemiJoinOnAnExactlyFilteredKeyIsDropped() {
    String sql = "SELECT count(*), sum(f_value) FROM fact "
        + "WHERE f_key IN (SELECT d_key FROM dim WHERE d_category = 'x')";
    assertThat(explain(sql)).contains("runtime_filter(f_key#").contains("bitmap of 3 keys")
        .doesNotContain("LeftSemi");
    long[] expected = matching(3, 50, 97);
    assertThat(session.sql(sql).collectAsList()).containsExactly(RowFactory.create(expected[0], expected[1]));
  }

  @Test
  void anInnerJoinWithAUniqueKeySideIsDroppedAndItsKeyStillReadable() {
    String sql = "SELECT count(*), sum(f_value), sum(d_key) FROM fact JOIN "
        + "(SELECT d_key FROM dim WHERE d_category = 'x') ON f_key = d_key";
    assertThat(explain(sql)).contains("runtime_filter(f_key#").doesNotContain("HashJoin");
    long[] expected = matching(3, 50, 97);
    long keySum = 0;
    for (int i = 0; i < 1000; i++) {
      int key = i % 100;
      if (i % 7 != 6 && (key == 3 || key == 50 || key == 97)) {
        keySum += key;
      }
    }
    assertThat(session.sql(sql).collectAsList())
        .containsExactly(RowFactory.create(expected[0], expected[1], keySum));
  }

  @Test
  void anInnerJoinWhoseKeysRepeatKeepsTheJoin() {
    // Key 50 is in dim twice among categories x and z: each fact row with key 50 joins twice.
    String sql = "SELECT count(*), sum(f_value) FROM fact JOIN "
        + "(SELECT d_key FROM dim WHERE d_category IN ('x', 'z')) ON f_key = d_key";
    assertThat(explain(sql)).contains("runtime_filter(f_key#").contains("HashJoin");
    long[] once = matching(3, 50, 97);
    long[] fifty = matching(50);
    assertThat(session.sql(sql).collectAsList())
        .containsExactly(RowFactory.create(once[0] + fifty[0], once[1] + fifty[1]));
  }

  @Test
  void aFilterUnderAnOuterJoinsPaddedSideDoesNotStandForTheJoin() {
    AttributeReference a = AttributeReference.create("a", DataTypes.LongType, true);
    AttributeReference k = AttributeReference.create("k", DataTypes.LongType, true);
    AttributeReference c = AttributeReference.create("c", DataTypes.LongType, true);
    LogicalPlan keys = new LocalRelation(List.of(c), List.of(List.of(1L), List.of(2L)));
    RuntimeFilter filter = new RuntimeFilter(k, keys, c, 10);
    Map<RuntimeFilter, Expression> built = Map.of(filter,
        new RuntimeFilterPredicate(k, KeyFilters.build(new long[] {1, 2}, 2, true), "c", 0.2));
    LogicalPlan filtered = new Filter(filter, new LocalRelation(List.of(k), List.of(List.of(1L))));
    Expression onKey = new BinaryComparison(ComparisonOperator.EQUAL, k, c);
    CreationSides sides = new CreationSides(1000, 10L << 20);
    // Straight over the filtered scan, the semi join keeps every row it gets.
    assertThat(RedundantJoins.remove(new Join(filtered, keys, JoinType.LEFT_SEMI, onKey), built, sides))
        .isSameAs(filtered);
    // Under a left outer join's padded side, rows with a NULL k reach the semi join, which drops them.
    LogicalPlan outer = new Join(new LocalRelation(List.of(a), List.of(List.of(5L))), filtered,
        JoinType.LEFT_OUTER, new BinaryComparison(ComparisonOperator.EQUAL, a, k));
    Join semi = new Join(outer, keys, JoinType.LEFT_SEMI, onKey);
    assertThat(RedundantJoins.remove(semi, built, sides)).isEqualTo(semi);
  }

  @Test
  void aSideWithMoreColumnsThanTheKeyOrAnInexactFilterKeepsTheJoin() {
    String wider = "SELECT count(*), max(d_name) FROM fact JOIN "
        + "(SELECT d_key, d_name FROM dim WHERE d_category = 'x') ON f_key = d_key";
    assertThat(explain(wider)).contains("HashJoin");
    assertThat(session.sql(wider).collectAsList())
        .containsExactly(RowFactory.create(matching(3, 50, 97)[0], "n97"));
    // String keys are filtered by a Bloom filter, which may pass keys the other side lacks.
    String strings = "SELECT count(*) FROM fact WHERE f_name IN (SELECT d_name FROM dim WHERE d_category = 'x')";
    assertThat(explain(strings)).contains("runtime_filter(f_name#").contains("LeftSemi");
    long names = 0;
    for (int i = 0; i < 1000; i++) {
      int key = i % 100;
      names += key == 3 || key == 50 || key == 97 ? 1 : 0;
    }
    assertThat(session.sql(strings).collectAsList()).containsExactly(RowFactory.create(names));
  }
}

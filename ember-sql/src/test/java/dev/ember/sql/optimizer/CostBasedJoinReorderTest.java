package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cost-based join reordering over ANALYZEd persistent tables: the order chosen (the lowest join of the
 * optimized plan, and the order of the scans in EXPLAIN) and the answers, the same with CBO on and off.
 */
class CostBasedJoinReorderTest {

  @TempDir
  static Path warehouse;

  private static EmberSession session;

  @BeforeAll
  static void createTables() {
    session = EmberSession.builder().master("local[2]").appName("CostBasedJoinReorderTest")
        .config("spark.sql.warehouse.dir", warehouse.toString()).config("spark.sql.shuffle.partitions", "2")
        // ReorderJoin would join the filtered c and d1 first itself (it folds selective small relations): off,
        // the joins keep the FROM order without CBO, and the order CBO chooses shows against it.
        .config("ember.sql.optimizer.excludedRules", "ReorderJoin")
        .getOrCreate();
    // Chain a - b - c: a and b are big and join on a key of 20 values; c is small and filtered to one row.
    create("a", "ak INT, av INT", 200, i -> (i % 20) + ", " + i);
    create("b", "bk INT, bj INT", 200, i -> (i % 20) + ", " + i);
    create("c", "cj INT, cx INT", 10, i -> (i * 20) + ", " + i);
    // Star: fact f with dimensions d1 (40 keys, filtered to one) and d2 (10 keys).
    create("f", "fk1 INT, fk2 INT, fv INT", 400, i -> (i % 40) + ", " + (i % 10) + ", " + i);
    create("d1", "d1k INT, d1x INT", 40, i -> i + ", " + i);
    create("d2", "d2k INT, d2x INT", 10, i -> i + ", " + i);
    for (String table : List.of("a", "b", "c", "f", "d1", "d2")) {
      session.sql("ANALYZE TABLE " + table + " COMPUTE STATISTICS FOR ALL COLUMNS");
    }
  }

  private static void create(String name, String columns, int rows, IntFunction<String> row) {
    session.sql("CREATE TABLE " + name + " (" + columns + ") USING parquet");
    String values = IntStream.range(0, rows).mapToObj(i -> "(" + row.apply(i) + ")")
        .collect(Collectors.joining(", "));
    session.sql("INSERT INTO " + name + " VALUES " + values);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @AfterEach
  void resetSettings() {
    session.conf().unset("spark.sql.cbo.enabled");
    session.conf().unset("spark.sql.cbo.joinReorder.enabled");
    session.conf().unset("spark.sql.cbo.joinReorder.card.weight");
  }

  private static void cbo(boolean on) {
    session.conf().set("spark.sql.cbo.enabled", String.valueOf(on));
    session.conf().set("spark.sql.cbo.joinReorder.enabled", String.valueOf(on));
  }

  /** The first letters of the columns the lowest join reads from each side, e.g. [[a], [b]]. */
  private static List<TreeSet<String>> lowestJoin(String sql) {
    List<Join> joins = new ArrayList<>();
    LogicalPlan plan = session.sql(sql).queryExecution().optimizedPlan();
    plan.transformUp(node -> {
      if (node instanceof Join join) {
        joins.add(join);
      }
      return node;
    });
    Join lowest = joins.get(0);
    return List.of(tables(lowest.left()), tables(lowest.right()));
  }

  private static TreeSet<String> tables(LogicalPlan plan) {
    TreeSet<String> names = new TreeSet<>();
    for (AttributeReference a : plan.output()) {
      // ak -> a, fk1 -> f, d1x -> d1: the table is the name without its last letter and digits.
      names.add(a.name().replaceAll("[kvjx]\\d*$", ""));
    }
    return names;
  }

  private static String explain(String sql) {
    return session.sql("EXPLAIN " + sql).collectAsList().get(0).getString(0);
  }

  private static final String CHAIN = "SELECT count(*), sum(av) FROM a, b, c WHERE ak = bk AND bj = cj AND cx = 3";
  private static final String STAR = "SELECT count(*), sum(fv) FROM f, d2, d1 WHERE fk2 = d2k AND fk1 = d1k "
      + "AND d1x = 7";

  @Test
  void chainJoinsTheSelectiveEndFirst() {
    // Without CBO: FROM order, a with b first (200 * 200 / 20 = 2000 rows estimated in between).
    assertThat(lowestJoin(CHAIN)).containsExactlyInAnyOrder(new TreeSet<>(List.of("a")),
        new TreeSet<>(List.of("b")));
    List<Row> off = session.sql(CHAIN).collectAsList();
    cbo(true);
    // With CBO: b with the one row of c first (200 * 1 / 200 = 1 row), then a.
    assertThat(lowestJoin(CHAIN)).containsExactlyInAnyOrder(new TreeSet<>(List.of("b")),
        new TreeSet<>(List.of("c")));
    String plan = explain(CHAIN);
    assertThat(plan.indexOf("FileScan parquet [ak")).as(plan).isGreaterThan(plan.indexOf("FileScan parquet [cj"))
        .isGreaterThan(plan.indexOf("FileScan parquet [bk")).isGreaterThan(plan.indexOf("BroadcastHashJoin"));
    // cx = 3 keeps cj = 60, bj = 60 has bk = 0, and a has 10 rows with ak = 0: av = 0, 20, ..., 180.
    assertThat(session.sql(CHAIN).collectAsList()).extracting(Row::toString).containsExactly("[10,900]");
    assertThat(off).extracting(Row::toString).containsExactly("[10,900]");
  }

  @Test
  void starJoinsTheFilteredDimensionFirst() {
    assertThat(lowestJoin(STAR)).containsExactlyInAnyOrder(new TreeSet<>(List.of("f")),
        new TreeSet<>(List.of("d2")));
    cbo(true);
    // f with d1 (one row after d1x = 7): 400 * 1 / 40 = 10 rows, against 400 for f with d2.
    assertThat(lowestJoin(STAR)).containsExactlyInAnyOrder(new TreeSet<>(List.of("f")),
        new TreeSet<>(List.of("d1")));
    // fk1 = 7 for ids 7, 47, ..., 367; each has fk2 = 7, which d2 holds: 10 rows, fv = 70 + 40 * 45 = 1870.
    assertThat(session.sql(STAR).collectAsList()).extracting(Row::toString).containsExactly("[10,1870]");
    cbo(false);
    assertThat(session.sql(STAR).collectAsList()).extracting(Row::toString).containsExactly("[10,1870]");
  }

  @Test
  void cboNeedsBothSwitchesAsSpark() {
    session.conf().set("spark.sql.cbo.enabled", "true");
    assertThat(lowestJoin(CHAIN)).containsExactlyInAnyOrder(new TreeSet<>(List.of("a")),
        new TreeSet<>(List.of("b")));
  }

  @Test
  void aCardWeightOutsideZeroToOneIsRejected() {
    cbo(true);
    session.conf().set("spark.sql.cbo.joinReorder.card.weight", "2");
    assertThatThrownBy(() -> session.sql(CHAIN).collectAsList()).isInstanceOf(AnalysisException.class)
        .hasMessageContaining("INVALID_CONF_VALUE.TYPE_MISMATCH")
        .hasMessageContaining("spark.sql.cbo.joinReorder.card.weight");
  }
}

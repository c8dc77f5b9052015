package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Chains of joins whose hash joins emit only the columns read above them: the exchange between two joins
 * carries no join key used below it, and the answers equal those computed with every column, for inner and
 * outer joins, NULL keys, duplicate build keys, a join under an aggregation, and a shuffled join that spills
 * (grace hash join).
 */
class PruneJoinOutputsTest {

  private EmberSession session;

  private void start(String buildBudget) {
    start(buildBudget, false);
  }

  private void start(String buildBudget, boolean adaptive) {
    session = EmberSession.builder().master("local[2]").appName("PruneJoinOutputsTest")
        .config("spark.sql.shuffle.partitions", "3").config("spark.sql.autoBroadcastJoinThreshold", "-1")
        .config("spark.sql.adaptive.enabled", String.valueOf(adaptive))
        .config("spark.sql.adaptive.autoBroadcastJoinThreshold", "1m")
        .config(ShuffledHashJoinExec.BUILD_BUDGET_KEY, buildBudget).getOrCreate();
    // Orders (okey, ckey, price); customers (ckey, nation) with a duplicate key 2 and a NULL key; nations.
    // Ids 0 to 2999 as a cross product of digits.
    session.sql("CREATE TEMPORARY VIEW d AS SELECT * FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), "
        + "(9)) AS d(v)");
    session.sql("CREATE TEMPORARY VIEW ids AS SELECT a.v + 10 * b.v + 100 * c.v + 1000 * e.v AS id "
        + "FROM d a CROSS JOIN d b CROSS JOIN d c CROSS JOIN d e WHERE e.v < 3");
    session.sql("CREATE TEMPORARY VIEW o AS SELECT id AS okey, CASE WHEN id % 7 = 0 THEN NULL ELSE id % 5 END "
        + "AS ckey, id * 10 AS price FROM ids");
    session.sql("CREATE TEMPORARY VIEW c AS SELECT * FROM (VALUES (1, 10), (2, 20), (2, 21), (3, 30), "
        + "(NULL, 10), (9, 20)) AS c(ckey, nkey)");
    session.sql("CREATE TEMPORARY VIEW n AS SELECT * FROM (VALUES (10, 'ten'), (20, 'twenty'), (30, 'thirty')) "
        + "AS n(nkey, name)");
  }

  @AfterEach
  void stop() {
    session.stop();
  }

  private List<String> rows(String query) {
    return session.sql(query).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static List<ShuffleExchangeExec> exchanges(PhysicalPlan plan) {
    List<ShuffleExchangeExec> out = new ArrayList<>();
    if (plan instanceof ShuffleExchangeExec exchange) {
      out.add(exchange);
    }
    plan.children().forEach(child -> out.addAll(exchanges(child)));
    return out;
  }

  @Test
  void theExchangeBetweenTwoJoinsCarriesOnlyTheColumnsReadAbove() {
    start("1g");
    String query = "SELECT n.name, sum(o.price), count(*) FROM o JOIN c ON o.ckey = c.ckey JOIN n ON c.nkey = n.nkey "
        + "GROUP BY n.name";
    Dataset<Row> df = session.sql(query);
    PhysicalPlan plan = df.queryExecution().executedPlan();
    List<String> names = new ArrayList<>();
    for (ShuffleExchangeExec exchange : exchanges(plan)) {
      names.add(exchange.output().stream().map(AttributeReference::name).sorted().toList().toString());
    }
    // The join of o and c hands on price and nkey (and the stream side's ckey, kept for a run-time broadcast
    // that shuffles by it again), not okey and the build side's ckey, which nobody above reads: 3 of 5 columns.
    assertThat(names).noneMatch(s -> s.contains("okey"))
        .anySatisfy(s -> assertThat(s).isIn("[ckey, nkey, price]", "[nkey, price]"));
    assertThat(rows(query)).isEqualTo(expected());
    assertThat(rows("SELECT count(*) FROM o JOIN c ON o.ckey = c.ckey JOIN n ON c.nkey = n.nkey"))
        .containsExactly("[" + (countOrders(1) + countOrders(2) + countOrders(3)) + "]");
  }

  @Test
  void shuffledJoinsTurnedIntoBroadcastsAtRunTimeKeepTheirPrunedOutput() {
    start("1g", true);
    String query = "SELECT n.name, sum(o.price), count(*) FROM o JOIN c ON o.ckey = c.ckey JOIN n ON c.nkey = n.nkey "
        + "GROUP BY n.name";
    assertThat(rows(query)).isEqualTo(expected());
    assertThat(rows("SELECT c.nkey, count(*) FROM o JOIN c ON o.ckey = c.ckey GROUP BY c.nkey"))
        .containsExactly("[10," + countOrders(1) + "]", "[20," + countOrders(2) + "]",
            "[21," + countOrders(2) + "]", "[30," + countOrders(3) + "]");
  }

  @Test
  void outerJoinsKeepTheirPaddedRows() {
    start("1g");
    String query = "SELECT c.ckey, n.name, count(o.okey) FROM c LEFT JOIN o ON o.ckey = c.ckey "
        + "LEFT JOIN n ON c.nkey = n.nkey GROUP BY c.ckey, n.name";
    assertThat(rows(query)).containsExactly("[1,ten," + countOrders(1) + "]", "[2,null," + countOrders(2) + "]",
        "[2,twenty," + countOrders(2) + "]", "[3,thirty," + countOrders(3) + "]", "[9,twenty,0]", "[null,ten,0]");
  }

  @Test
  void aSpillingShuffledJoinGivesTheSameAnswers() {
    start("1g");
    String query = "SELECT n.name, sum(o.price), count(*) FROM o JOIN c ON o.ckey = c.ckey "
        + "FULL JOIN n ON c.nkey = n.nkey GROUP BY n.name";
    List<String> inMemory = rows(query);
    session.stop();
    start("1k");
    assertThat(rows(query)).isEqualTo(inMemory);
    assertThat(inMemory).hasSize(4);
  }

  /** The orders of customer key {@code k} (1 to 4): ids of that remainder mod 5 that are no multiple of 7. */
  private static long countOrders(int k) {
    long count = 0;
    for (int id = 0; id < 3000; id++) {
      count += id % 5 == k && id % 7 != 0 ? 1 : 0;
    }
    return count;
  }

  /**
   * The answer of the three-way join grouped by nation: customer key 1 to nation ten, 2 to twenty (its second
   * row's nation 21 does not exist), 3 to thirty; key 4 and the NULL keys match no customer.
   */
  private static List<String> expected() {
    long k1 = countOrders(1);
    long k2 = countOrders(2);
    long k3 = countOrders(3);
    long sum1 = 0;
    long sum2 = 0;
    long sum3 = 0;
    for (int id = 0; id < 3000; id++) {
      if (id % 7 != 0) {
        sum1 += id % 5 == 1 ? id * 10L : 0;
        sum2 += id % 5 == 2 ? id * 10L : 0;
        sum3 += id % 5 == 3 ? id * 10L : 0;
      }
    }
    return List.of("[ten," + sum1 + "," + k1 + "]", "[thirty," + sum3 + "," + k3 + "]",
        "[twenty," + sum2 + "," + k2 + "]");
  }
}

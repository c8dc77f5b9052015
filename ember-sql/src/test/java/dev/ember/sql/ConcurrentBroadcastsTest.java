package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.scheduler.JobProperties;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.join.BroadcastBuildSides;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A query's broadcast build sides are collected together before it runs, with the answers and errors as before. */
class ConcurrentBroadcastsTest {

  private static final String JOIN = "SELECT d1.name, d2.label, count(*), sum(f.id) FROM f"
      + " JOIN d1 ON f.a = d1.a JOIN d2 ON f.b = d2.b WHERE d1.a < 2 AND d2.b = 0 GROUP BY d1.name, d2.label"
      + " ORDER BY d1.name";
  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ConcurrentBroadcastsTest")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    // f: id 0..999, a = id % 10, b = id % 4; d1: a 0..9 named "n" + a; d2: b 0..3 labelled "l" + b.
    List<Row> facts = new ArrayList<>();
    for (long id = 0; id < 1_000; id++) {
      facts.add(RowFactory.create(id, (int) (id % 10), (int) (id % 4)));
    }
    session.createDataFrame(facts, new StructType().add("id", DataTypes.LongType).add("a", DataTypes.IntegerType)
        .add("b", DataTypes.IntegerType)).repartition(3).createOrReplaceTempView("f");
    List<Row> d1 = new ArrayList<>();
    List<Row> d2 = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      d1.add(RowFactory.create(i, "n" + i, i == 1 ? "x" : String.valueOf(i)));
      if (i < 4) {
        d2.add(RowFactory.create(i, "l" + i));
      }
    }
    session.createDataFrame(d1, new StructType().add("a", DataTypes.IntegerType).add("name", DataTypes.StringType)
        .add("s", DataTypes.StringType)).createOrReplaceTempView("d1");
    session.createDataFrame(d2, new StructType().add("b", DataTypes.IntegerType).add("label", DataTypes.StringType))
        .createOrReplaceTempView("d2");
  }

  @AfterEach
  void reset() {
    session.conf().unset("spark.sql.ansi.enabled");
    session.emberContext().clearJobGroup();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<String> rows(Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void independentBroadcastsAreCollectedAheadAndGiveTheSameAnswers() {
    Dataset<Row> df = session.sql(JOIN);
    PhysicalPlan plan = df.queryExecution().executedPlan();
    assertThat(BroadcastBuildSides.of(plan)).hasSize(2);
    // a = 0 and b = 0: id % 20 = 0, 50 ids summing 20 * (0 + ... + 49) = 24500; a = 1 and b = 0: none
    // (an odd id is never a multiple of 4).
    assertThat(rows(df)).containsExactly("[n0,l0,50,24500]");
  }

  @Test
  void theCollectionsRunUnderTheQuerysJobGroup() throws Exception {
    List<String> groups = new CopyOnWriteArrayList<>();
    EmberListener listener = new EmberListener() {
      @Override
      public void onJobStart(EmberListenerEvent.JobStart event) {
        groups.add(String.valueOf(event.properties().getProperty(JobProperties.JOB_GROUP_ID)));
      }
    };
    session.emberContext().addEmberListener(listener);
    try {
      session.emberContext().setJobGroup("broadcast-group", "two broadcasts", false);
      assertThat(rows(session.sql(JOIN))).hasSize(1);
      session.emberContext().listenerBus().waitUntilEmpty(5_000);
    } finally {
      session.emberContext().removeEmberListener(listener);
    }
    assertThat(groups).hasSizeGreaterThanOrEqualTo(3).containsOnly("broadcast-group");
  }

  @Test
  void aFailingBuildSideFailsTheQueryWithItsOwnError() {
    session.conf().set("spark.sql.ansi.enabled", "true");
    Dataset<Row> df = session.sql("SELECT count(*) FROM f JOIN (SELECT a, CAST(s AS INT) AS v FROM d1) d"
        + " ON f.a = d.a JOIN d2 ON f.b = d2.b WHERE d.v >= 0");
    assertThatThrownBy(df::collectAsList).isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("CAST_INVALID_INPUT");
    session.conf().unset("spark.sql.ansi.enabled");
    // The session runs the next query as usual.
    assertThat(rows(session.sql(JOIN))).containsExactly("[n0,l0,50,24500]");
  }

  @Test
  void aPreparedBuildSideIsCollectedOnceAndThenAgainOnlyWhenAskedAgain() {
    PhysicalPlan plan = session.sql(JOIN).queryExecution().executedPlan();
    PhysicalPlan build = BroadcastBuildSides.of(plan).get(0);
    ExecutionContext context = session.executionContext();
    Runnable step = context.broadcasts().prepare(build, context);
    assertThat(context.broadcasts().isPrepared(build)).isTrue();
    step.run();
    long rows = context.broadcasts().collect(build, context).stream().mapToLong(b -> b.numRows()).sum();
    assertThat(context.broadcasts().isPrepared(build)).isFalse();
    assertThat(context.broadcasts().collect(build, context).stream().mapToLong(b -> b.numRows()).sum())
        .isEqualTo(rows);
  }

  @Test
  void aSingleOrNoBroadcastIsCollectedWhereItsJoinRuns() {
    Dataset<Row> df = session.sql("SELECT count(*) FROM f JOIN d2 ON f.b = d2.b");
    ExecutionContext context = session.executionContext();
    PhysicalPlan plan = df.queryExecution().executedPlan();
    ConcurrentBroadcasts.collectAhead(plan, context, 2);
    assertThat(BroadcastBuildSides.of(plan)).hasSize(1);
    assertThat(context.broadcasts().isPrepared(BroadcastBuildSides.of(plan).get(0))).isFalse();
    assertThat(rows(df)).containsExactly("[1000]");
    assertThat(rows(session.sql("SELECT count(*) FROM f WHERE a = 3"))).containsExactly("[100]");
  }
}

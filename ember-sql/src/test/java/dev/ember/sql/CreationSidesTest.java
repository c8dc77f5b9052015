package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.execution.columnar.CollectedRelation;
import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinHint;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The query-scoped record of runtime filter creation sides: run once each, kept whole where the plan reads them. */
class CreationSidesTest {

  private final AttributeReference factKey = AttributeReference.create("f_key", DataTypes.LongType, true);
  private final AttributeReference dimKey = AttributeReference.create("d_key", DataTypes.LongType, true);
  private final AttributeReference dimName = AttributeReference.create("d_name", DataTypes.StringType, true);
  private final LogicalPlan fact = new LocalRelation(List.of(factKey), rows(100, false));
  private final LogicalPlan dim = new Filter(new BinaryComparison(ComparisonOperator.LESS_THAN, dimKey,
      Literal.of(5L)), new LocalRelation(List.of(dimKey, dimName), rows(10, true)));

  private static List<List<Object>> rows(int n, boolean named) {
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(named ? List.of(i, "n" + i) : List.of(i));
    }
    return rows;
  }

  private LogicalPlan join(LogicalPlan right) {
    return new Join(fact, right, JoinType.INNER, new BinaryComparison(ComparisonOperator.EQUAL, factKey, dimKey),
        JoinHint.NONE);
  }

  private RuntimeFilter filterFrom(LogicalPlan creation) {
    return new RuntimeFilter(factKey, creation, dimKey, 100);
  }

  private static CollectedRelation relation(List<AttributeReference> output, int rows) {
    List<ColumnVector> columns = new ArrayList<>();
    for (AttributeReference column : output) {
      columns.add(new LongColumnVector(DataTypes.LongType, rows));
    }
    return CollectedRelation.of(output, List.of(new ColumnarBatch(columns.toArray(new ColumnVector[0]), rows)));
  }

  @Test
  void aCreationSideThatIsASubplanIsKeptWholeAndReadInItsPlace() {
    CreationSides sides = new CreationSides(1000, 10L << 20);
    LogicalPlan plan = join(dim);
    RuntimeFilter filter = filterFrom(dim);
    sides.markShared(plan, Set.of(filter));
    assertThat(sides.wholeTarget(dim)).isEqualTo(dim);
    CollectedRelation kept = relation(dim.output(), 3);
    sides.keep(dim, kept);
    LogicalPlan read = sides.readCollected(plan);
    assertThat(((Join) read).right()).isSameAs(kept);
    assertThat(((Join) read).left()).isSameAs(fact);
  }

  @Test
  void theProjectionTheQueryReadsTheSideThroughIsKeptInstead() {
    CreationSides sides = new CreationSides(1000, 10L << 20);
    LogicalPlan projected = new Project(List.of(dimKey), dim);
    sides.markShared(join(projected), Set.of(filterFrom(dim)));
    assertThat(sides.wholeTarget(dim)).isEqualTo(projected);
  }

  @Test
  void aSideOnlyInTheFilterOrOverTheBoundIsRunForItsKeysOnly() {
    CreationSides sides = new CreationSides(1000, 10L << 20);
    sides.markShared(fact, Set.of(filterFrom(dim)));
    assertThat(sides.wholeTarget(dim)).isNull();
    CreationSides tiny = new CreationSides(1000, 8);
    tiny.markShared(join(dim), Set.of(filterFrom(dim)));
    assertThat(tiny.wholeTarget(dim)).isNull();
    CreationSides off = new CreationSides(1000, 0);
    off.markShared(join(dim), Set.of(filterFrom(dim)));
    assertThat(off.wholeTarget(dim)).isNull();
  }

  @Test
  void outputLargerThanTheBoundIsNotKept() {
    CreationSides sides = new CreationSides(1000, 100);
    LogicalPlan plan = join(dim);
    sides.keep(dim, relation(dim.output(), 50));
    assertThat(sides.readCollected(plan)).isSameAs(plan);
  }

  @Test
  void twoFiltersFromOneSideRunItOnceEvenAtTheSameTime() throws InterruptedException {
    CreationSides sides = new CreationSides(1000, 10L << 20);
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CreationSides.Keys keys = new CreationSides.Keys(null, 3);
    RuntimeFilter first = filterFrom(dim);
    RuntimeFilter second = new RuntimeFilter(AttributeReference.create("g_key", DataTypes.LongType, true), dim,
        dimKey, 50);
    List<CreationSides.Keys> seen = new CopyOnWriteArrayList<>();
    Thread other = new Thread(() -> seen.add(sides.keys(first, () -> {
      started.countDown();
      runs.incrementAndGet();
      sleep();
      return keys;
    })));
    other.start();
    started.await();
    seen.add(sides.keys(second, () -> {
      runs.incrementAndGet();
      return new CreationSides.Keys(null, 99);
    }));
    other.join();
    assertThat(runs).hasValue(1);
    assertThat(seen).containsExactly(keys, keys);
  }

  @Test
  void aSideKeptWholeRunsOnceForAllItsKeys() {
    CreationSides sides = new CreationSides(1000, 10L << 20);
    AtomicInteger runs = new AtomicInteger();
    List<ColumnarBatch> batches = relation(dim.output(), 3).batches();
    assertThat(sides.whole(dim, () -> {
      runs.incrementAndGet();
      return batches;
    })).isSameAs(batches);
    assertThat(sides.whole(dim, () -> {
      runs.incrementAndGet();
      return List.of();
    })).isSameAs(batches);
    assertThat(runs).hasValue(1);
  }

  @Test
  void aFailedRunFailsEveryFilterWaitingForIt() {
    CreationSides sides = new CreationSides(1000, 10L << 20);
    assertThatThrownBy(() -> sides.keys(filterFrom(dim), () -> {
      throw new IllegalStateException("creation side failed");
    })).hasMessage("creation side failed");
    assertThatThrownBy(() -> sides.keys(filterFrom(dim), () -> new CreationSides.Keys(null, 1)))
        .hasMessage("creation side failed");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

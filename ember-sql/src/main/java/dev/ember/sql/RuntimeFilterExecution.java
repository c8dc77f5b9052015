package dev.ember.sql;

import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.columnar.CollectedRelation;
import dev.ember.sql.execution.datasources.FilterTranslator;
import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.execution.datasources.parquet.ParquetColumnRanges;
import dev.ember.sql.execution.joinfilter.ColumnRange;
import dev.ember.sql.execution.joinfilter.KeyBuffer;
import dev.ember.sql.execution.joinfilter.KeyFilter;
import dev.ember.sql.execution.joinfilter.KeyFilterSelectivity;
import dev.ember.sql.execution.joinfilter.KeyFilters;
import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.PushableScan;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the runtime join filters left in an optimized plan ({@link RuntimeFilter}), once each, before the plan
 * is turned into physical operators, as {@link ScalarSubqueryExecution} runs scalar subqueries: runs the
 * creation plan for its keys, builds a {@link KeyFilter} of them, and puts in its place the predicate
 * testing that filter (whose range of integral keys Parquet row-group statistics can skip row groups by). A
 * creation side with more key rows than {@code spark.sql.optimizer.runtime.bloomFilter.maxNumItems}, or than the
 * application scan's estimated rows, would filter little: the filter becomes TRUE and is dropped.
 */
final class RuntimeFilterExecution {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeFilterExecution.class);

  private RuntimeFilterExecution() {}

  static LogicalPlan inline(LogicalPlan plan, EmberSession session, long maxKeys) {
    // Concurrent: the independent filters are built at the same time, and each builds the filters it chains.
    return inline(plan, session, new CreationSides(maxKeys, CreationSides.maxBytes(session)));
  }

  /**
   * {@code plan} with its runtime filters built, reusing what {@code sides} holds: the filter above a scan and the
   * scan's pushed filters hold equal runtime filters, filters of different scans may come from one creation side,
   * and a chained filter's creation plan holds filters the query holds too; each creation side runs once. A
   * creation side that is a subplan of {@code plan} as well is read from the batches its run kept.
   */
  private static LogicalPlan inline(LogicalPlan plan, EmberSession session, CreationSides sides) {
    Map<RuntimeFilter, Expression> built = sides.built();
    Map<RuntimeFilter, ColumnRange> ranges = new HashMap<>();
    collectRanges(plan, ranges);
    Set<RuntimeFilter> pending = pending(plan, built);
    sides.markShared(plan, pending);
    buildAll(pending, session, sides, ranges);
    UnaryOperator<Expression> build = e -> {
      if (!(e instanceof RuntimeFilter filter)) {
        return e;
      }
      // Not computeIfAbsent: building a chained filter builds the filters of its creation plan first.
      Expression done = built.get(filter);
      if (done == null) {
        done = build(filter, ranges.get(filter), session, sides);
        built.put(filter, done);
      }
      return done;
    };
    LogicalPlan rewritten = sides.readCollected(RedundantJoins.remove(plan, built, sides))
        .transformAllExpressions(build);
    return rewritten.transformUp(node -> {
      if (node instanceof PushableScan scan && scan.pushedFilters().stream().anyMatch(f -> f.exists(
          x -> x instanceof RuntimeFilter))) {
        return scan.withPushedFilters(conjuncts(scan.pushedFilters(), build));
      }
      if (node instanceof Filter filter && filter.condition().exists(x -> x instanceof RuntimeFilterPredicate
          || x instanceof Literal)) {
        List<Expression> kept = conjuncts(List.of(filter.condition()), UnaryOperator.identity());
        return kept.isEmpty() ? filter.child() : new Filter(and(kept), filter.child());
      }
      return node;
    });
  }

  /** The runtime filters {@code plan} holds that are not built yet. */
  private static Set<RuntimeFilter> pending(LogicalPlan plan, Map<RuntimeFilter, Expression> built) {
    Set<RuntimeFilter> pending = new LinkedHashSet<>();
    plan.transformAllExpressions(e -> {
      if (e instanceof RuntimeFilter filter && !built.containsKey(filter)) {
        pending.add(filter);
      }
      return e;
    });
    return pending;
  }

  /**
   * Builds the {@code pending} filters at the same time ({@link ParallelBuilds}), up to the application's default
   * parallelism: each runs a job of its own, mostly over a small table read by one task, which alone would leave
   * the other cores idle.
   */
  private static void buildAll(Set<RuntimeFilter> pending, EmberSession session, CreationSides sides,
      Map<RuntimeFilter, ColumnRange> ranges) {
    Map<RuntimeFilter, Expression> built = sides.built();
    List<Runnable> steps = new ArrayList<>();
    for (RuntimeFilter filter : pending) {
      // Not computeIfAbsent: a build puts the filters its creation plan chains into the same map.
      steps.add(() -> {
        if (!built.containsKey(filter)) {
          built.putIfAbsent(filter, build(filter, ranges.get(filter), session, sides));
        }
      });
    }
    ParallelBuilds.runAll(steps, session.emberContext().defaultParallelism());
  }

  /**
   * The statistics of the key column of each runtime filter pushed into a file scan, read from the files'
   * footers once a scan, for the built filter to judge its selectivity by.
   */
  private static void collectRanges(LogicalPlan plan, Map<RuntimeFilter, ColumnRange> ranges) {
    if (plan instanceof LogicalRelation scan) {
      for (Expression conjunct : scan.pushedFilters()) {
        if (conjunct instanceof RuntimeFilter filter && filter.child() instanceof AttributeReference key
            && scan.output().contains(key) && !ranges.containsKey(filter)) {
          ranges.put(filter, ParquetColumnRanges.of(scan.relation(), key.name(), key.dataType()));
        }
      }
    }
    for (LogicalPlan child : plan.children()) {
      collectRanges(child, ranges);
    }
  }

  /** The conjuncts of {@code filters} after {@code build}, without TRUE. */
  private static List<Expression> conjuncts(List<Expression> filters, UnaryOperator<Expression> build) {
    List<Expression> out = new ArrayList<>();
    for (Expression filter : filters) {
      for (Expression conjunct : FilterTranslator.conjuncts(filter.transformUp(build))) {
        if (!Literal.TRUE.equals(conjunct)) {
          out.add(conjunct);
        }
      }
    }
    return out;
  }

  private static Expression and(List<Expression> conjuncts) {
    Expression result = conjuncts.get(0);
    for (int i = 1; i < conjuncts.size(); i++) {
      result = new And(result, conjuncts.get(i));
    }
    return result;
  }

  private static Expression build(RuntimeFilter filter, ColumnRange range, EmberSession session,
      CreationSides sides) {
    long start = System.nanoTime();
    CreationSides.Keys keys = sides.keys(filter, () -> run(filter, session, sides));
    long limit = filter.applicationRows() == Statistics.UNKNOWN ? sides.maxKeys()
        : Math.min(sides.maxKeys(), filter.applicationRows());
    if (keys.filter() == null || keys.keys() > limit) {
      LOG.debug("Runtime filter from {} dropped: more than {} keys", filter.creationKey(), limit);
      return Literal.TRUE;
    }
    KeyFilter keyFilter = keys.filter();
    double passFraction = KeyFilterSelectivity.passFraction(keyFilter, range, filter.applicationRows());
    if (KeyFilterSelectivity.useless(keyFilter, range, passFraction)) {
      LOG.debug("Runtime filter from {} dropped: {} would keep {} of the rows", filter.creationKey(),
          keyFilter.describe(), passFraction);
      return Literal.TRUE;
    }
    LOG.debug("Runtime filter from {}: {} keeping about {} of the rows, in {} ms", filter.creationKey(),
        keyFilter.describe(), passFraction, (System.nanoTime() - start) / 1_000_000);
    return new RuntimeFilterPredicate(filter.child(), keyFilter, filter.creationKey().toString(), passFraction);
  }

  /**
   * Runs {@code filter}'s creation side and returns its keys. A side kept whole runs once with all the columns the
   * query reads of it, whichever of its keys is asked for first, and its batches are kept in {@code sides} for the
   * plans that hold it; otherwise the side runs for its key column alone.
   */
  private static CreationSides.Keys run(RuntimeFilter filter, EmberSession session, CreationSides sides) {
    LogicalPlan creation = filter.creationPlan();
    LogicalPlan target = sides.wholeTarget(creation);
    int keyColumn = target == null ? -1 : target.output().indexOf(filter.creationKey());
    if (keyColumn >= 0) {
      List<ColumnarBatch> batches = sides.whole(creation, () -> runWhole(target, session, sides));
      if (batches != null) {
        return keys(filter, batches, keyColumn, sides.maxKeys());
      }
    }
    // The key column as it comes, duplicates and all: the filters take duplicates, and the creation side's keys
    // are mostly a table's unique keys, which a distinct aggregation would hash for nothing.
    LogicalPlan optimized = inline(ScalarSubqueryExecution.inline(session.optimizer().optimize(
        new Project(List.of(filter.creationKey()), creation)), session), session, sides);
    ExecutionContext context = new ExecutionContext(session.emberContext(), session.shufflePartitions());
    return keys(filter, session.planner().plan(optimized).executeCollect(context), 0, sides.maxKeys());
  }

  /** Runs {@code target} whole and keeps its batches in {@code sides}; {@code null} if it cannot run whole. */
  private static List<ColumnarBatch> runWhole(LogicalPlan target, EmberSession session, CreationSides sides) {
    LogicalPlan whole = wholeOutput(target, session);
    if (whole == null) {
      return null;
    }
    LogicalPlan optimized = inline(ScalarSubqueryExecution.inline(whole, session), session, sides);
    ExecutionContext context = new ExecutionContext(session.emberContext(), session.shufflePartitions());
    List<ColumnarBatch> batches = session.planner().plan(optimized).executeCollect(context);
    sides.keep(target, CollectedRelation.of(target.output(), batches));
    return batches;
  }

  /** The keys in column {@code keyColumn} of {@code batches}, or too many when more than {@code maxKeys}. */
  private static CreationSides.Keys keys(RuntimeFilter filter, List<ColumnarBatch> batches, int keyColumn,
      long maxKeys) {
    KeyBuffer keyValues = new KeyBuffer(KeyFilters.isIntegral(filter.creationKey().dataType()));
    for (ColumnarBatch batch : batches) {
      keyValues.add(batch.column(keyColumn), batch.numRows());
      if (keyValues.size() > maxKeys) {
        return new CreationSides.Keys(null, keyValues.size());
      }
    }
    return new CreationSides.Keys(keyValues.build(), keyValues.size());
  }

  /**
   * {@code target} optimized, with exactly its columns in their order, or {@code null} when the optimizer
   * changed them (the side then runs for its keys only).
   */
  private static LogicalPlan wholeOutput(LogicalPlan target, EmberSession session) {
    LogicalPlan optimized = session.optimizer().optimize(target);
    if (optimized.output().equals(target.output())) {
      return optimized;
    }
    if (!optimized.output().containsAll(target.output())) {
      return null;
    }
    return new Project(new ArrayList<>(target.output()), optimized);
  }
}

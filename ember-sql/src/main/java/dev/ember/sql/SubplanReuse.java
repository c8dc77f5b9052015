package dev.ember.sql;

import dev.ember.EmberConf;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.columnar.CachedBatches;
import dev.ember.sql.execution.columnar.ReusedSubplanRelation;
import dev.ember.sql.execution.reuse.SubplanMatcher;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import dev.ember.sql.plan.stats.StatsEstimator;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes once, for one query, a subplan that an uncorrelated scalar subquery shares with the main plan (Spark's
 * ReuseExchange / ReuseSubquery idea): where a subquery's optimized plan matches an expensive part of the main
 * plan ({@link SubplanMatcher}), both read one query-scoped cache of that part's batches
 * ({@link ReusedSubplanRelation}, {@code MEMORY_AND_DISK}) — the subquery, which runs first, computes it, and the
 * main plan reads it. {@link QueryExecution} unpersists the caches when the query ends.
 *
 * <p>Plans are matched before runtime join filters are placed in them: a filter the main plan places on a scan
 * (from a join beside it) that the subquery's plan lacks would otherwise make equal subplans differ, and only a
 * smaller part would be shared. The filters are placed afterwards, in the shared subplan on its own (its joins
 * still filter its scans) and in the rewritten main plan. The largest shared subplan whose estimated size is at
 * most {@code ember.sql.execution.reuseSubplan.maxBytes} (default 1g) is chosen; the cache spills to disk.
 * Switched off by
 * {@code ember.sql.exchange.reuse=false} or {@code ember.sql.execution.reuseSubquery=false} (Spark's keys under
 * {@code spark.} are accepted).
 */
final class SubplanReuse {

  /** Spark's {@code spark.sql.exchange.reuse}: whether the main plan and its subqueries share subplans. */
  static final String EXCHANGE_REUSE_KEY = "ember.sql.exchange.reuse";
  /** Spark's {@code spark.sql.execution.reuseSubquery}: the same switch, under the subquery key. */
  static final String SUBQUERY_REUSE_KEY = "ember.sql.execution.reuseSubquery";
  /** The largest estimated size of a subplan computed once and cached for the query. */
  static final String MAX_BYTES_KEY = "ember.sql.execution.reuseSubplan.maxBytes";

  private static final Logger LOG = LoggerFactory.getLogger(SubplanReuse.class);

  /**
   * The rewritten plan and the caches it reads, to release when the query ends.
   *
   * @param plan the plan with shared subplans read from caches
   * @param cached the query-scoped caches
   */
  record Result(LogicalPlan plan, List<CachedBatches> cached) {}

  private SubplanReuse() {}

  /** Whether the session's settings allow reuse. */
  static boolean enabled(EmberSession session) {
    EmberConf conf = new EmberConf(false);
    session.conf().getAll().forEach(conf::set);
    return conf.getBoolean(EXCHANGE_REUSE_KEY, true) && conf.getBoolean(SUBQUERY_REUSE_KEY, true);
  }

  /** The session's bound on the estimated size of a cached subplan. */
  static long maxBytes(EmberSession session) {
    EmberConf conf = new EmberConf(false);
    session.conf().getAll().forEach(conf::set);
    return conf.getSizeAsBytes(MAX_BYTES_KEY, "1g");
  }

  /**
   * The plan to run: {@code optimized} with the subplans it shares with its scalar subqueries computed once, or
   * {@code optimized} itself when none is shared.
   *
   * @param plan the optimized plan before runtime join filters were placed in it
   * @param optimized the optimized plan with its runtime join filters
   * @param session the session
   */
  static Result apply(LogicalPlan plan, LogicalPlan optimized, EmberSession session) {
    if (!enabled(session) || !hasUncorrelatedSubquery(plan)) {
      return new Result(optimized, List.of());
    }
    List<LogicalPlan> targets = new ArrayList<>();
    collectTargets(plan, targets, maxBytes(session));
    if (targets.isEmpty()) {
      return new Result(optimized, List.of());
    }
    Map<LogicalPlan, ReusedSubplanRelation> shared = new IdentityHashMap<>();
    LogicalPlan rewritten = plan.transformAllExpressions(e -> e instanceof ScalarSubquery subquery
        && !subquery.correlated() ? reuseIn(subquery, targets, shared, session) : e);
    if (shared.isEmpty()) {
      return new Result(optimized, List.of());
    }
    List<CachedBatches> cached = new ArrayList<>();
    shared.values().forEach(relation -> cached.add(relation.cachedBatches()));
    LogicalPlan replaced = replaceTargets(rewritten, shared);
    return new Result(session.optimizer().injectRuntimeFilters(replaced, session.runtimeFilterSettings()), cached);
  }

  private static boolean hasUncorrelatedSubquery(LogicalPlan node) {
    for (Expression e : node.expressions()) {
      if (e.exists(x -> x instanceof ScalarSubquery subquery && !subquery.correlated())) {
        return true;
      }
    }
    for (LogicalPlan child : node.children()) {
      if (hasUncorrelatedSubquery(child)) {
        return true;
      }
    }
    return false;
  }

  /** The main plan's expensive deterministic subplans of at most {@code maxBytes}, outermost first. */
  private static void collectTargets(LogicalPlan plan, List<LogicalPlan> targets, long maxBytes) {
    if (SubplanMatcher.expensive(plan) && SubplanMatcher.deterministic(plan) && bounded(plan, maxBytes)) {
      targets.add(plan);
    }
    for (LogicalPlan child : plan.children()) {
      collectTargets(child, targets, maxBytes);
    }
  }

  /**
   * Whether {@code plan}'s likely size ({@link Statistics#expectedRowCount} rows of its columns' widths: the
   * bound estimates of joins without column statistics are far too large to judge by) is at most {@code maxBytes};
   * a plan without an estimate is cached too, as its cache spills to disk.
   */
  private static boolean bounded(LogicalPlan plan, long maxBytes) {
    return Statistics.expectedRowCount(plan) == Statistics.UNKNOWN
        || Statistics.expectedSizeInBytes(plan) <= maxBytes;
  }

  private static Expression reuseIn(ScalarSubquery subquery, List<LogicalPlan> targets,
      Map<LogicalPlan, ReusedSubplanRelation> shared, EmberSession session) {
    LogicalPlan optimized = session.optimizer().optimize(subquery.plan());
    LogicalPlan rewritten = reuseIn(optimized, targets, shared, session);
    return rewritten == optimized ? subquery : subquery.withNewPlan(rewritten);
  }

  /** {@code plan} with its outermost subplans matching a target read from the target's cache. */
  private static LogicalPlan reuseIn(LogicalPlan plan, List<LogicalPlan> targets,
      Map<LogicalPlan, ReusedSubplanRelation> shared, EmberSession session) {
    if (SubplanMatcher.expensive(plan) && SubplanMatcher.deterministic(plan)) {
      for (LogicalPlan target : targets) {
        Optional<List<AttributeReference>> paired = SubplanMatcher.match(plan, target);
        if (paired.isPresent()) {
          ReusedSubplanRelation relation = shared.computeIfAbsent(target, t -> cache(t, session));
          LOG.debug("Subplan shared with a subquery, computed once: {}", target.simpleString());
          return renamed(plan.output(), paired.get(), relation);
        }
      }
    }
    List<LogicalPlan> children = plan.children();
    List<LogicalPlan> rewritten = new ArrayList<>(children.size());
    boolean changed = false;
    for (LogicalPlan child : children) {
      LogicalPlan next = reuseIn(child, targets, shared, session);
      changed |= next != child;
      rewritten.add(next);
    }
    return changed ? plan.withNewChildren(rewritten) : plan;
  }

  private static ReusedSubplanRelation cache(LogicalPlan target, EmberSession session) {
    LogicalPlan filtered = session.optimizer().injectRuntimeFilters(target, session.runtimeFilterSettings());
    PhysicalPlan physical = session.planner().plan(RuntimeFilterExecution.inline(filtered, session,
        session.runtimeFilterSettings().maxKeys()));
    double bytes = StatsEstimator.estimate(target).sizeInBytes();
    return new ReusedSubplanRelation(target.output(), new CachedBatches(physical, StorageLevel.MEMORY_AND_DISK),
        bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes);
  }

  /** The cache's columns under the names and identities the subquery's plan gave them. */
  private static LogicalPlan renamed(List<AttributeReference> output, List<AttributeReference> paired,
      ReusedSubplanRelation relation) {
    List<Expression> projectList = new ArrayList<>(output.size());
    for (int i = 0; i < output.size(); i++) {
      AttributeReference column = output.get(i);
      AttributeReference source = paired.get(i);
      projectList.add(source.exprId() == column.exprId() ? source
          : new Alias(source, column.name(), column.exprId()));
    }
    return new Project(projectList, relation);
  }

  /** The main plan with each shared target (found by identity) read from its cache. */
  private static LogicalPlan replaceTargets(LogicalPlan plan, Map<LogicalPlan, ReusedSubplanRelation> shared) {
    return plan.replaceOutermost(shared::get);
  }
}

package dev.ember.sql;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.columnar.CachedBatches;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages of one query, each computed once when first needed: analyzed (eagerly, so errors surface
 * where the DataFrame is built, as in Spark), optimized, and physical.
 */
public final class QueryExecution {

  private final EmberSession session;
  private final LogicalPlan logical;
  private final LogicalPlan analyzed;
  private LogicalPlan beforeRuntimeFilters;
  private LogicalPlan optimized;
  private PhysicalPlan physical;
  private PhysicalPlan unshared;
  private final List<CachedBatches> reused = new ArrayList<>();

  QueryExecution(EmberSession session, LogicalPlan logical) {
    this.session = session;
    this.logical = logical;
    this.analyzed = session.analyzer().analyze(session.udf().bind(logical));
  }

  /** The plan as built by the parser or the DataFrame API. */
  public LogicalPlan logical() {
    return logical;
  }

  /** The resolved plan. */
  public LogicalPlan analyzed() {
    return analyzed;
  }

  /** The analyzed plan reading cached data wherever a cached plan appears in it. */
  public LogicalPlan withCachedData() {
    return session.cacheManager().useCachedData(analyzed);
  }

  /** The plan after the optimizer's rules. */
  public synchronized LogicalPlan optimizedPlan() {
    if (optimized == null) {
      beforeRuntimeFilters = session.optimizer().optimize(withCachedData(), session.joinReorderSettings());
      optimized = session.optimizer().injectRuntimeFilters(beforeRuntimeFilters, session.runtimeFilterSettings());
    }
    return optimized;
  }

  /** The optimized plan before runtime join filters were placed in it. */
  private synchronized LogicalPlan optimizedBeforeRuntimeFilters() {
    optimizedPlan();
    return beforeRuntimeFilters;
  }

  /** The physical plan that runs. */
  public synchronized PhysicalPlan executedPlan() {
    if (physical == null) {
      SubplanReuse.Result reuse = SubplanReuse.apply(optimizedBeforeRuntimeFilters(), optimizedPlan(), session);
      reused.addAll(reuse.cached());
      physical = session.planner().plan(RuntimeFilterExecution.inline(
          ScalarSubqueryExecution.inline(reuse.plan(), session), session,
          session.runtimeFilterSettings().maxKeys()));
    }
    return physical;
  }

  /**
   * The plan for {@link #toRdd}: its caller runs jobs on the RDD when it likes, so no query-scoped cache could be
   * released at the end of the query; this plan runs its subqueries on their own.
   */
  private synchronized PhysicalPlan rddPlan() {
    if (physical != null && reused.isEmpty()) {
      return physical;
    }
    if (unshared == null) {
      unshared = session.planner().plan(RuntimeFilterExecution.inline(
          ScalarSubqueryExecution.inline(optimizedPlan(), session), session,
          session.runtimeFilterSettings().maxKeys()));
    }
    return unshared;
  }

  /**
   * Drops the query-scoped caches of subplans shared with subqueries ({@link SubplanReuse}) once the query has
   * run; running the plan again computes them again.
   */
  synchronized void releaseReusedSubplans() {
    for (CachedBatches cached : reused) {
      cached.unpersist();
    }
  }

  /** Whether the executed plan reads subplans shared with its subqueries from query-scoped caches. */
  synchronized boolean reusesSubplans() {
    return !reused.isEmpty();
  }

  /** The RDD of the physical plan's batches, ready for a job (Spark's {@code toRdd}). */
  public RDD<ColumnarBatch> toRdd() {
    return rddPlan().execute(new ExecutionContext(session.emberContext(), session.shufflePartitions()));
  }

  /** Runs the query and returns its rows in internal representation, in partition order. */
  List<Object[]> collectInternal() {
    ExecutionContext context = session.executionContext();
    List<ColumnarBatch> batches;
    try {
      PhysicalPlan plan = executedPlan();
      ConcurrentBroadcasts.collectAhead(plan, context, session.emberContext().defaultParallelism());
      batches = plan.executeCollect(context);
    } catch (RuntimeException e) {
      // An error of the data (overflow, bad cast in ANSI mode) reaches the user as itself, not as a job failure.
      SqlExecutionException cause = SqlExecutionException.find(e);
      throw cause != null ? cause : e;
    } finally {
      releaseReusedSubplans();
    }
    List<Object[]> rows = new ArrayList<>();
    for (ColumnarBatch batch : batches) {
      rows.addAll(batch.rows());
    }
    return rows;
  }

  /** The text of EXPLAIN in {@code mode}: simple, extended or formatted (Spark's modes; codegen and cost are
   *  not supported). */
  public String explainString(String mode) {
    try {
      return ExplainModes.explain(this, mode);
    } finally {
      releaseReusedSubplans();
    }
  }

  /** The text of EXPLAIN: the physical plan, or every stage when {@code extended}. */
  public String explainString(boolean extended) {
    StringBuilder sb = new StringBuilder();
    if (extended) {
      sb.append("== Parsed Logical Plan ==\n").append(logical.treeString()).append('\n');
      sb.append("== Analyzed Logical Plan ==\n").append(analyzed.treeString()).append('\n');
      sb.append("== Optimized Logical Plan ==\n").append(optimizedPlan().treeString()).append('\n');
    }
    sb.append("== Physical Plan ==\n").append(executedPlan().treeString());
    releaseReusedSubplans();
    return sb.toString();
  }
}

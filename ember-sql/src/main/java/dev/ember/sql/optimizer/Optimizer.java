package dev.ember.sql.optimizer;

import dev.ember.EmberException;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rule batches over an analyzed plan: the finishing rules once, then the operator rules in order,
 * again and again, until a pass changes nothing or {@link #MAX_PASSES} is reached. After every rule the
 * plan's output must be unchanged; a rule that breaks it is named in an internal error.
 */
public final class Optimizer {

  /** Spark's default for spark.sql.optimizer.maxIterations. */
  public static final int MAX_PASSES = 100;
  private static final Logger LOG = LoggerFactory.getLogger(Optimizer.class);

  // Run once, first: later rules and the planner assume no SubqueryAlias, no Distinct and no DISTINCT
  // aggregate. Not excludable. Subqueries become joins first, while their plans still hold their aliases;
  // INTERSECT and EXCEPT become joins under a Distinct before Distinct is replaced. Subqueries leave join
  // conditions first, for the filters and projections the rules after it rewrite.
  private static final List<Rule> FINISH_ANALYSIS = List.of(
      new RewriteJoinConditionSubquery(),
      new RewritePredicateSubquery(),
      new RewriteSubqueryAsMarkJoin(),
      new RewriteCorrelatedScalarSubquery(),
      new RewriteSetOperationAll(),
      new ReplaceIntersectWithJoin(),
      new ReplaceExceptWithJoin(),
      new EliminateSubqueryAliases(),
      new EliminateResolvedHint(),
      new ReplaceDistinctWithAggregate(),
      new RewriteDistinctAggregates());

  // Run to fixpoint. Filters are pushed down before being combined, so that filters meeting below a
  // project merge into one; projects that then meet are collapsed and no-op ones removed; constant folding
  // after those, so it sees the combined conditions and the substituted projections; column pruning last,
  // once folding has removed the references it can.
  // Joins are reordered while the WHERE clause still sits above them, then its conjuncts are pushed into them;
  // conjuncts shared by every branch of an OR are taken out first, so they can be join keys or pushed down.
  // Semi and anti joins (IN and EXISTS) move below the inner joins ReorderJoin has just built, which treats
  // them as relations; pushed there, they filter one relation before it is joined to the others.
  private static final List<Rule> OPERATOR_OPTIMIZATIONS = List.of(
      new PushFilterThroughProject(),
      new FactorCommonConjuncts(),
      new ReorderJoin(),
      new PushPredicateThroughJoin(),
      new PushLeftSemiLeftAntiThroughJoin(),
      new CollapseProject(),
      new RemoveRedundantProject(),
      new CombineFilters(),
      new ConstantFolding(),
      new PruneColumns(),
      // Last: it sees the filters and projections the rules above have settled above each file scan.
      new PushDownIntoScans());

  private final Set<String> excludedRules;

  /**
   * An optimizer that skips the rules named in {@code excludedRules} (simple class names, or Spark's
   * {@code org.apache.spark.sql.catalyst.optimizer.X} names).
   */
  public Optimizer(Set<String> excludedRules) {
    Set<String> simple = new java.util.HashSet<>();
    for (String name : excludedRules) {
      simple.add(name.substring(name.lastIndexOf('.') + 1).trim());
    }
    this.excludedRules = Set.copyOf(simple);
  }

  /** The rules run to fixpoint, in order, minus the excluded ones. */
  public List<String> activeRules() {
    List<String> names = new ArrayList<>();
    for (Rule rule : OPERATOR_OPTIMIZATIONS) {
      if (!excludedRules.contains(rule.name())) {
        names.add(rule.name());
      }
    }
    return names;
  }

  /** The optimized plan. */
  public LogicalPlan optimize(LogicalPlan analyzed) {
    return optimize(analyzed, JoinReorderSettings.DISABLED);
  }

  /**
   * The optimized plan, its inner joins reordered by cost when {@code joinReorder} says so. Cost-based
   * reordering runs once, after the operator rules have pushed every filter into the joins and scans it can
   * (so the estimates see them), as Spark's "Join Reorder" batch; the operator rules then run again, without
   * ReorderJoin, which would undo the order chosen, to push conditions and prune columns in the new tree.
   */
  public LogicalPlan optimize(LogicalPlan analyzed, JoinReorderSettings joinReorder) {
    LogicalPlan plan = analyzed;
    for (Rule rule : FINISH_ANALYSIS) {
      plan = run(rule, plan);
    }
    plan = toFixpoint(plan, excludedRules);
    // Once: the predicates it derives would be derived again from the conditions they came from. The operator
    // rules then push them down, without ReorderJoin, whose order is already chosen.
    Rule extraPredicates = new PushExtraPredicateThroughJoin();
    if (!excludedRules.contains(extraPredicates.name())) {
      LogicalPlan pushed = run(extraPredicates, plan);
      if (pushed != plan) {
        Set<String> excluded = new java.util.HashSet<>(excludedRules);
        excluded.add(ReorderJoin.class.getSimpleName());
        plan = toFixpoint(pushed, excluded);
      }
    }
    Rule costBased = new CostBasedJoinReorder(joinReorder);
    if (joinReorder.enabled() && !excludedRules.contains(costBased.name())) {
      LogicalPlan reordered = run(costBased, plan);
      if (reordered != plan) {
        Set<String> excluded = new java.util.HashSet<>(excludedRules);
        excluded.add(ReorderJoin.class.getSimpleName());
        plan = toFixpoint(reordered, excluded);
      }
    }
    return plan;
  }

  /**
   * The optimized plan as {@link #optimize(LogicalPlan, JoinReorderSettings)} gives it, then with runtime join
   * filters placed above the scans they filter ({@link InjectRuntimeFilter}), once the join order is final, and
   * pushed into those scans.
   */
  public LogicalPlan optimize(LogicalPlan analyzed, JoinReorderSettings joinReorder,
      RuntimeFilterSettings runtimeFilters) {
    return injectRuntimeFilters(optimize(analyzed, joinReorder), runtimeFilters);
  }

  /**
   * {@code plan}, optimized by {@link #optimize(LogicalPlan, JoinReorderSettings)}, with runtime join filters
   * placed above the scans they filter ({@link InjectRuntimeFilter}) and pushed into those scans: the last step of
   * {@link #optimize(LogicalPlan, JoinReorderSettings, RuntimeFilterSettings)}, on its own for a plan whose parts
   * are rearranged after optimization (a subplan shared with a subquery is cut out before its filters are placed).
   *
   * @param plan an optimized plan without runtime filters
   * @param runtimeFilters the session's runtime filter settings
   * @return the plan with its runtime filters
   */
  public LogicalPlan injectRuntimeFilters(LogicalPlan plan, RuntimeFilterSettings runtimeFilters) {
    LogicalPlan result = plan;
    Rule inject = new InjectRuntimeFilter(runtimeFilters);
    if (runtimeFilters.enabled() && !excludedRules.contains(inject.name())) {
      LogicalPlan injected = run(inject, result);
      Rule pushDown = new PushDownIntoScans();
      if (injected != result && !excludedRules.contains(pushDown.name())) {
        injected = run(pushDown, injected);
      }
      result = injected;
    }
    return result;
  }

  private static LogicalPlan toFixpoint(LogicalPlan start, Set<String> excluded) {
    LogicalPlan plan = start;
    for (int pass = 1; pass <= MAX_PASSES; pass++) {
      LogicalPlan before = plan;
      for (Rule rule : OPERATOR_OPTIMIZATIONS) {
        if (!excluded.contains(rule.name())) {
          plan = run(rule, plan);
        }
      }
      if (plan.equals(before)) {
        return plan;
      }
    }
    LOG.warn("Optimizer stopped after {} passes without reaching a fixpoint", MAX_PASSES);
    return plan;
  }

  private static LogicalPlan run(Rule rule, LogicalPlan plan) {
    long start = System.nanoTime();
    LogicalPlan result = rule.apply(plan);
    if (result != plan) {
      checkSameOutput(rule, plan.output(), result.output());
      LOG.debug("{} rewrote the plan in {} us", rule.name(), (System.nanoTime() - start) / 1000);
    }
    return result;
  }

  private static void checkSameOutput(Rule rule, List<AttributeReference> before, List<AttributeReference> after) {
    boolean same = before.size() == after.size();
    for (int i = 0; same && i < before.size(); i++) {
      same = before.get(i).exprId() == after.get(i).exprId()
          && before.get(i).dataType().equals(after.get(i).dataType());
    }
    if (!same) {
      throw new EmberException("INTERNAL_ERROR", "Optimizer rule " + rule.name() + " changed the plan's output "
          + "from " + before + " to " + after + ". This is a bug in Ember; please report it.");
    }
  }
}

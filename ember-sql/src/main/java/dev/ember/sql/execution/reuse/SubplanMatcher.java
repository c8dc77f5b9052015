package dev.ember.sql.execution.reuse;

import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LeafNode;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Sample;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import dev.ember.sql.plan.expressions.UserDefinedFunctionCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether two optimized subplans compute the same rows, up to the identities of their columns, and
 * pairs their output columns. Projections that only rename or drop columns are looked through on either side
 * (a view read twice is deduplicated into fresh column identities behind such a projection); every other node
 * must be of the same kind with the same expressions once columns are renamed, over matching children; leaves
 * must be equal. A match is only offered for deterministic subplans, since a nondeterministic one run once
 * would give both readers the same rows where running it twice would not.
 */
public final class SubplanMatcher {

  private static final Set<String> NONDETERMINISTIC = Set.of("rand", "randn", "random", "uuid", "shuffle",
      "monotonically_increasing_id", "spark_partition_id", "current_timestamp", "now");

  private SubplanMatcher() {}

  /**
   * For each output column of {@code candidate}, the output column of {@code target} holding the same values,
   * when {@code candidate} computes the rows {@code target} computes (with possibly fewer or renamed columns).
   *
   * @return the target column for each candidate column, in the candidate's output order; empty if no match
   */
  public static Optional<List<AttributeReference>> match(LogicalPlan candidate, LogicalPlan target) {
    if (!deterministic(candidate) || !deterministic(target)) {
      return Optional.empty();
    }
    Map<Long, Long> candidateIds = new HashMap<>();
    Map<Long, Long> targetIds = new HashMap<>();
    if (!matches(candidate, target, candidateIds, targetIds, new boolean[1])) {
      return Optional.empty();
    }
    Map<Long, AttributeReference> targetByCanonical = new HashMap<>();
    for (AttributeReference column : target.output()) {
      targetByCanonical.putIfAbsent(canonical(column.exprId(), targetIds), column);
    }
    List<AttributeReference> paired = new ArrayList<>();
    for (AttributeReference column : candidate.output()) {
      AttributeReference same = targetByCanonical.get(canonical(column.exprId(), candidateIds));
      if (same == null || !same.dataType().equals(column.dataType())) {
        return Optional.empty();
      }
      paired.add(same);
    }
    return Optional.of(paired);
  }

  /**
   * Whether running {@code plan} once for several readers is worth it: it aggregates, joins, or filters a scan
   * (work a second run would repeat); a bare scan or projection is cheaper to read again than to cache.
   */
  public static boolean expensive(LogicalPlan plan) {
    if (plan instanceof Aggregate || plan instanceof Join) {
      return true;
    }
    if (plan instanceof Filter filter && filter.child() instanceof LeafNode) {
      return true;
    }
    for (LogicalPlan child : plan.children()) {
      if (expensive(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code plan} gives the same rows every time it runs and can be run on its own: no random or
   * time-dependent functions, user functions (which may be either), samples, or subqueries (which run before
   * the plan they sit in is planned).
   */
  public static boolean deterministic(LogicalPlan plan) {
    if (plan instanceof Sample) {
      return false;
    }
    for (Expression expression : plan.expressions()) {
      if (expression.exists(SubplanMatcher::nondeterministic)) {
        return false;
      }
    }
    for (LogicalPlan child : plan.children()) {
      if (!deterministic(child)) {
        return false;
      }
    }
    return true;
  }

  private static boolean nondeterministic(Expression e) {
    if (e instanceof ScalarFunction function) {
      return NONDETERMINISTIC.contains(function.name().toLowerCase(Locale.ROOT));
    }
    if (e instanceof RuntimeFilter filter) {
      return !deterministic(filter.creationPlan());
    }
    return e instanceof UserDefinedFunctionCall || e instanceof SubqueryExpression;
  }

  /**
   * Whether the subplans match; sets {@code widened[0]} when a scan below reads more of its table's columns in
   * the target than in the candidate (its rows are the same): only nodes whose rows do not depend on the columns
   * they do not name may sit above such a scan.
   */
  private static boolean matches(LogicalPlan candidate, LogicalPlan target, Map<Long, Long> candidateIds,
      Map<Long, Long> targetIds, boolean[] widened) {
    if (isRenaming(candidate)) {
      Project project = (Project) candidate;
      return matches(project.child(), target, candidateIds, targetIds, widened) && rename(project, candidateIds);
    }
    if (isRenaming(target)) {
      Project project = (Project) target;
      return matches(candidate, project.child(), candidateIds, targetIds, widened) && rename(project, targetIds);
    }
    if (candidate.getClass() != target.getClass()) {
      return false;
    }
    List<LogicalPlan> candidateChildren = candidate.children();
    List<LogicalPlan> targetChildren = target.children();
    if (candidateChildren.isEmpty() || targetChildren.isEmpty()) {
      return candidateChildren.isEmpty() && targetChildren.isEmpty()
          && sameLeaf(candidate, target, candidateIds, targetIds, widened);
    }
    if (candidateChildren.size() != targetChildren.size()) {
      return false;
    }
    boolean wider = false;
    for (int i = 0; i < candidateChildren.size(); i++) {
      boolean[] childWidened = new boolean[1];
      if (!matches(candidateChildren.get(i), targetChildren.get(i), candidateIds, targetIds, childWidened)) {
        return false;
      }
      wider |= childWidened[0];
    }
    if (wider && !keepsRowsOfWiderInput(candidate)) {
      return false;
    }
    widened[0] |= wider;
    return sameNode(candidate, target, candidateIds, targetIds);
  }

  /**
   * Whether {@code node} gives the same rows (with more columns) over inputs with more columns: it names every
   * column its rows depend on (filters, projections, joins, and aggregations, whose grouping must be equal), unlike
   * set operations or deduplication, which compare whole rows.
   */
  private static boolean keepsRowsOfWiderInput(LogicalPlan node) {
    return node instanceof Project || node instanceof Filter || node instanceof Join || node instanceof Aggregate;
  }

  /**
   * Same leaf: equal, or the same rows or files read again under fresh column identities (a view or CTE read
   * twice in one query), whose columns are then paired by position. A file scan in the candidate may read fewer
   * of the table's columns than the target's (the optimizer prunes the columns a subquery does not read): then
   * {@code widened[0]} is set.
   */
  private static boolean sameLeaf(LogicalPlan candidate, LogicalPlan target, Map<Long, Long> candidateIds,
      Map<Long, Long> targetIds, boolean[] widened) {
    if (candidate.equals(target)) {
      return true;
    }
    if (candidate instanceof LocalRelation left && target instanceof LocalRelation right) {
      return left.rows().equals(right.rows()) && pair(left.output(), right.output(), candidateIds, targetIds);
    }
    if (candidate instanceof LogicalRelation left && target instanceof LogicalRelation right) {
      if (!SameFiles.same(left.relation(), right.relation()) || !Objects.equals(left.catalogStatistics(),
          right.catalogStatistics()) || !pair(left.fullOutput(), right.fullOutput(), candidateIds, targetIds)) {
        return false;
      }
      List<Alias> unused = new ArrayList<>();
      List<Expression> candidateColumns = canonical(new ArrayList<>(left.output()), candidateIds, unused);
      List<Expression> targetColumns = canonical(new ArrayList<>(right.output()), targetIds, unused);
      if (!targetColumns.containsAll(candidateColumns) || !canonical(left.pushedFilters(), candidateIds, unused)
          .equals(canonical(right.pushedFilters(), targetIds, unused))) {
        return false;
      }
      widened[0] |= targetColumns.size() != candidateColumns.size();
      return true;
    }
    return false;
  }

  /** Pairs two leaves' columns by position, when they have the same types. */
  private static boolean pair(List<AttributeReference> candidate, List<AttributeReference> target,
      Map<Long, Long> candidateIds, Map<Long, Long> targetIds) {
    if (candidate.size() != target.size()) {
      return false;
    }
    for (int i = 0; i < candidate.size(); i++) {
      if (!candidate.get(i).dataType().equals(target.get(i).dataType())) {
        return false;
      }
    }
    for (int i = 0; i < candidate.size(); i++) {
      candidateIds.put(candidate.get(i).exprId(), canonical(target.get(i).exprId(), targetIds));
    }
    return true;
  }

  /**
   * Same node over the (already matched) children: equal once columns are canonical and aliases unnamed; a
   * projection or aggregation may compute a subset of the target's columns (the optimizer prunes the columns
   * a subquery does not read).
   */
  private static boolean sameNode(LogicalPlan candidate, LogicalPlan target, Map<Long, Long> candidateIds,
      Map<Long, Long> targetIds) {
    if (candidate instanceof Project left && target instanceof Project right) {
      return subset(left.projectList(), right.projectList(), candidateIds, targetIds);
    }
    if (candidate instanceof Aggregate left && target instanceof Aggregate right) {
      return subset(left.grouping(), right.grouping(), candidateIds, targetIds)
          && subset(right.grouping(), left.grouping(), targetIds, candidateIds)
          && subset(left.aggregates(), right.aggregates(), candidateIds, targetIds);
    }
    List<Expression> candidateExpressions = candidate.expressions();
    List<Expression> targetExpressions = target.expressions();
    if (candidateExpressions.size() != targetExpressions.size()) {
      return false;
    }
    List<Alias> candidateAliases = new ArrayList<>();
    List<Alias> targetAliases = new ArrayList<>();
    List<Expression> canonicalCandidate = canonical(candidateExpressions, candidateIds, candidateAliases);
    List<Expression> canonicalTarget = canonical(targetExpressions, targetIds, targetAliases);
    try {
      LogicalPlan left = candidate.withNewExpressions(canonicalCandidate).withNewChildren(target.children());
      LogicalPlan right = target.withNewExpressions(canonicalTarget);
      if (!left.equals(right) || candidateAliases.size() != targetAliases.size()) {
        return false;
      }
    } catch (RuntimeException e) {
      // A node that cannot hold canonical expressions is not matched: reuse is an optimization.
      return false;
    }
    for (int i = 0; i < candidateAliases.size(); i++) {
      long shared = canonical(targetAliases.get(i).exprId(), targetIds);
      targetIds.put(targetAliases.get(i).exprId(), shared);
      candidateIds.put(candidateAliases.get(i).exprId(), shared);
    }
    return true;
  }

  /** Whether every candidate expression is one of the target's; pairs the aliases of each with its match's. */
  private static boolean subset(List<Expression> candidates, List<Expression> targets, Map<Long, Long> candidateIds,
      Map<Long, Long> targetIds) {
    List<List<Alias>> targetAliases = new ArrayList<>();
    List<Expression> canonicalTargets = new ArrayList<>();
    for (Expression target : targets) {
      List<Alias> aliases = new ArrayList<>();
      canonicalTargets.add(canonical(List.of(target), targetIds, aliases).get(0));
      targetAliases.add(aliases);
    }
    for (Expression candidate : candidates) {
      List<Alias> aliases = new ArrayList<>();
      int index = canonicalTargets.indexOf(canonical(List.of(candidate), candidateIds, aliases).get(0));
      if (index < 0 || aliases.size() != targetAliases.get(index).size()) {
        return false;
      }
      for (int i = 0; i < aliases.size(); i++) {
        long shared = canonical(targetAliases.get(index).get(i).exprId(), targetIds);
        targetIds.put(targetAliases.get(index).get(i).exprId(), shared);
        candidateIds.put(aliases.get(i).exprId(), shared);
      }
    }
    return true;
  }

  private static List<Expression> canonical(List<Expression> expressions, Map<Long, Long> ids,
      List<Alias> aliases) {
    List<Expression> out = new ArrayList<>(expressions.size());
    for (Expression expression : expressions) {
      out.add(expression.transformDown(e -> {
        if (e instanceof Alias alias) {
          aliases.add(alias);
          return new Alias(alias.child(), "", 0L);
        }
        if (e instanceof AttributeReference column) {
          return new AttributeReference("", column.dataType(), column.nullable(),
              canonical(column.exprId(), ids), List.of());
        }
        return e;
      }));
    }
    return out;
  }

  private static boolean isRenaming(LogicalPlan plan) {
    if (!(plan instanceof Project project)) {
      return false;
    }
    for (Expression e : project.projectList()) {
      boolean renamed = e instanceof Alias alias && alias.child() instanceof AttributeReference;
      if (!(e instanceof AttributeReference || renamed)) {
        return false;
      }
    }
    return true;
  }

  private static boolean rename(Project project, Map<Long, Long> ids) {
    for (Expression e : project.projectList()) {
      if (e instanceof Alias alias) {
        ids.put(alias.exprId(), canonical(((AttributeReference) alias.child()).exprId(), ids));
      }
    }
    return true;
  }

  private static long canonical(long exprId, Map<Long, Long> ids) {
    return ids.getOrDefault(exprId, exprId);
  }
}

package dev.ember.sql.optimizer;

import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.PushableScan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link InjectRuntimeFilter} asks of plans that may already hold runtime filters, so that a creation side
 * may include filters placed in earlier rounds (a chain) without a filter ever depending on the scan it filters.
 */
final class RuntimeFilterChains {

  private RuntimeFilterChains() {}

  /** The runtime filters in the expressions of {@code plan}'s nodes (not inside their creation plans). */
  static List<RuntimeFilter> runtimeFilters(LogicalPlan plan) {
    List<RuntimeFilter> found = new ArrayList<>();
    collect(plan, found);
    return found;
  }

  private static void collect(LogicalPlan plan, List<RuntimeFilter> found) {
    List<Expression> expressions = new ArrayList<>(plan.expressions());
    if (plan instanceof PushableScan scan) {
      expressions.addAll(scan.pushedFilters());
    }
    for (Expression e : expressions) {
      collect(e, found);
    }
    for (LogicalPlan child : plan.children()) {
      collect(child, found);
    }
  }

  private static void collect(Expression e, List<RuntimeFilter> found) {
    if (e instanceof RuntimeFilter filter) {
      found.add(filter);
    }
    for (Expression child : e.children()) {
      collect(child, found);
    }
  }

  /** Whether {@code plan} holds a runtime filter, so that it runs only once other filters are built. */
  static boolean chained(LogicalPlan plan) {
    return !runtimeFilters(plan).isEmpty();
  }

  /** Whether {@code plan} already filters {@code key} by a runtime filter. */
  static boolean filtersKey(LogicalPlan plan, AttributeReference key) {
    return runtimeFilters(plan).stream().anyMatch(f -> f.child().equals(key));
  }

  /**
   * Whether running {@code creation} reads {@code scan}: whether a scan sharing a column with it is in
   * {@code creation} or in the creation plan of a runtime filter in it, at any depth.
   */
  static boolean reads(LogicalPlan creation, LogicalPlan scan) {
    if (creation instanceof PushableScan && !Collections.disjoint(creation.output(), scan.output())) {
      return true;
    }
    for (LogicalPlan child : creation.children()) {
      if (reads(child, scan)) {
        return true;
      }
    }
    List<RuntimeFilter> own = new ArrayList<>();
    for (Expression e : creation.expressions()) {
      collect(e, own);
    }
    if (creation instanceof PushableScan pushable) {
      pushable.pushedFilters().forEach(e -> collect(e, own));
    }
    return own.stream().anyMatch(f -> reads(f.creationPlan(), scan));
  }
}

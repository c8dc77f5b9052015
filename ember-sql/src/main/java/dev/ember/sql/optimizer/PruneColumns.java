package dev.ember.sql.optimizer;

import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops columns no operator above reads from local relations and file scans, so scans, filters and exchanges carry only
 * what the query needs. Walks top-down with the set of attributes required from each node; the root keeps
 * its whole output. Operators bind their inputs by identity, so a narrower child output is safe.
 */
final class PruneColumns implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return prune(plan, new LinkedHashSet<>(plan.output()));
  }

  private static LogicalPlan prune(LogicalPlan plan, Set<AttributeReference> required) {
    if (plan instanceof LocalRelation relation) {
      return narrow(relation, required);
    }
    if (plan instanceof LogicalRelation scan) {
      return narrowScan(scan, required);
    }
    if (plan instanceof Project project) {
      List<Expression> kept = new ArrayList<>();
      for (Expression e : project.projectList()) {
        if (required.contains(((dev.ember.sql.plan.expressions.NamedExpression) e).toAttribute())) {
          kept.add(e);
        }
      }
      Project narrowed = kept.size() == project.projectList().size() ? project : new Project(kept, project.child());
      return withChild(narrowed, narrowed.child(), references(narrowed.projectList(), Set.of()));
    }
    if (plan instanceof Aggregate aggregate) {
      return withChild(aggregate, aggregate.child(), references(aggregate.expressions(), Set.of()));
    }
    if (plan instanceof Filter || plan instanceof Sort || plan instanceof Limit) {
      LogicalPlan child = plan.children().get(0);
      return withChild(plan, child, references(plan.expressions(), required));
    }
    if (plan instanceof Join join) {
      // Each side keeps what is required above plus what the join condition reads.
      Set<AttributeReference> needed = references(join.expressions(), required);
      LogicalPlan left = projectFilteredScan(prune(join.left(), needed), needed);
      LogicalPlan right = projectFilteredScan(prune(join.right(), needed), needed);
      return left == join.left() && right == join.right() ? plan : join.withNewChildren(List.of(left, right));
    }
    // Unknown operators keep everything below them.
    return plan;
  }

  /**
   * A filtered file scan under a join, projected to the columns needed above when its filter reads others (as
   * Spark's ColumnPruning projects a join's children): a column read only to filter the scan is then not
   * carried into the join's exchange or hash table, such as a comment tested by a NOT LIKE.
   */
  private static LogicalPlan projectFilteredScan(LogicalPlan child, Set<AttributeReference> needed) {
    if (!(child instanceof Filter filter && filter.child() instanceof LogicalRelation)) {
      return child;
    }
    List<Expression> kept = new ArrayList<>();
    for (AttributeReference column : child.output()) {
      if (needed.contains(column)) {
        kept.add(column);
      }
    }
    return kept.size() == child.output().size() || kept.isEmpty() ? child : new Project(kept, child);
  }

  private static LogicalPlan withChild(LogicalPlan plan, LogicalPlan child, Set<AttributeReference> required) {
    LogicalPlan pruned = prune(child, required);
    return pruned == child ? plan : plan.withNewChildren(List.of(pruned));
  }

  private static Set<AttributeReference> references(List<Expression> expressions, Set<AttributeReference> also) {
    Set<AttributeReference> all = new LinkedHashSet<>(also);
    for (Expression e : expressions) {
      all.addAll(e.references());
    }
    return all;
  }

  /**
   * A file scan reads only the required columns (and those its pushed filters test), wherever it sits: under
   * a join, too, where {@link PushDownIntoScans} does not reach; this is also what makes its size
   * estimate shrink to the columns read, so small dimension tables are broadcast.
   */
  private static LogicalPlan narrowScan(LogicalRelation scan, Set<AttributeReference> required) {
    Set<AttributeReference> needed = references(scan.pushedFilters(), required);
    List<AttributeReference> kept = new ArrayList<>();
    for (AttributeReference column : scan.output()) {
      if (needed.contains(column)) {
        kept.add(column);
      }
    }
    return kept.size() == scan.output().size() ? scan : scan.withOutput(kept);
  }

  private static LogicalPlan narrow(LocalRelation relation, Set<AttributeReference> required) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < relation.output().size(); i++) {
      if (required.contains(relation.output().get(i))) {
        kept.add(i);
      }
    }
    if (kept.size() == relation.output().size()) {
      return relation;
    }
    List<AttributeReference> output = new ArrayList<>();
    for (int i : kept) {
      output.add(relation.output().get(i));
    }
    List<List<Object>> rows = new ArrayList<>(relation.rows().size());
    for (List<Object> row : relation.rows()) {
      List<Object> narrowed = new ArrayList<>(kept.size());
      for (int i : kept) {
        narrowed.add(row.get(i));
      }
      rows.add(narrowed);
    }
    return new LocalRelation(output, rows);
  }
}

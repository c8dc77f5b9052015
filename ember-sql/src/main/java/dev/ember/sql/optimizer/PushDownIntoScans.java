package dev.ember.sql.optimizer;

import dev.ember.sql.execution.datasources.FilterTranslator;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.PushableScan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pushes what a query needs into its source reads, file scans and JDBC reads alike (Spark's
 * FileSourceStrategy and V2ScanRelationPushDown, done here on the logical plan): the conjuncts of a filter
 * directly above a scan become the scan's pushed filters (the filter stays, so sources may apply them
 * loosely), and a project or aggregate above a scan, or above a filter over a scan, narrows the scan's output
 * to the columns it and the filter read. Partition pruning, row-group skipping and the WHERE clause sent to a
 * database follow from the pushed filters when the scan is planned.
 */
final class PushDownIntoScans implements Rule {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Filter filter && filter.child() instanceof PushableScan scan) {
        return pushFilters(filter, scan);
      }
      if (node instanceof Project || node instanceof Aggregate) {
        LogicalPlan child = node.children().get(0);
        LogicalPlan narrowed = narrow(child, references(node.expressions()));
        return narrowed == child ? node : node.withNewChildren(List.of(narrowed));
      }
      return node;
    });
  }

  private static LogicalPlan pushFilters(Filter filter, PushableScan scan) {
    Set<AttributeReference> available = new HashSet<>(scan.output());
    List<Expression> pushed = new ArrayList<>(scan.pushedFilters());
    for (Expression conjunct : FilterTranslator.conjuncts(filter.condition())) {
      if (available.containsAll(conjunct.references()) && !pushed.contains(conjunct)) {
        pushed.add(conjunct);
      }
    }
    if (pushed.size() == scan.pushedFilters().size()) {
      return filter;
    }
    return new Filter(filter.condition(), scan.withPushedFilters(pushed));
  }

  private static LogicalPlan narrow(LogicalPlan child, Set<AttributeReference> required) {
    if (child instanceof PushableScan scan) {
      List<AttributeReference> kept = new ArrayList<>();
      for (AttributeReference column : scan.output()) {
        if (required.contains(column)) {
          kept.add(column);
        }
      }
      return kept.size() == scan.output().size() ? scan : scan.withOutput(kept);
    }
    if (child instanceof Filter filter && filter.child() instanceof PushableScan scan) {
      Set<AttributeReference> all = new HashSet<>(required);
      all.addAll(filter.condition().references());
      LogicalPlan narrowed = narrow(scan, all);
      return narrowed == scan ? filter : new Filter(filter.condition(), narrowed);
    }
    return child;
  }

  private static Set<AttributeReference> references(List<Expression> expressions) {
    Set<AttributeReference> all = new HashSet<>();
    for (Expression e : expressions) {
      all.addAll(e.references());
    }
    return all;
  }
}

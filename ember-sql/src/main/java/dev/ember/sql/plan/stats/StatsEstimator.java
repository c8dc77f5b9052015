package dev.ember.sql.plan.stats;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.OneRowRelation;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.SetOperation;
import dev.ember.sql.plan.SizedRelation;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the rows, bytes and column statistics a logical plan produces (Spark's statistics with
 * {@code spark.sql.cbo.enabled}). A scan of an analyzed table starts from its row count and column statistics;
 * other file scans from their size over the row width; local relations from their rows. Filters keep the
 * fraction {@link FilterSelectivity} gives; joins follow {@link JoinEstimation}; an aggregate produces at most
 * the product of its grouping columns' distinct counts; other operators keep their child's rows.
 */
public final class StatsEstimator {

  /** The rows of a plan nothing is known about: too many to prefer it anywhere. */
  static final double UNKNOWN_ROWS = 1e18;

  private StatsEstimator() {}

  /** The estimated output of {@code plan}. */
  public static PlanStats estimate(LogicalPlan plan) {
    if (plan instanceof AnalyzedRelation analyzed && analyzed.catalogStatistics() != null
        && analyzed.catalogStatistics().rowCount() != null) {
      return scan(analyzed);
    }
    if (plan instanceof SizedRelation sized) {
      return of(plan, (double) sized.sizeInBytes() / Statistics.rowWidth(sized.output()), Map.of());
    }
    if (plan instanceof LocalRelation local) {
      return of(plan, local.rows().size(), Map.of());
    }
    if (plan instanceof OneRowRelation) {
      return of(plan, 1, Map.of());
    }
    if (plan instanceof Filter filter) {
      PlanStats child = estimate(filter.child());
      double kept = FilterSelectivity.of(filter.condition(), child);
      Map<Long, ColumnStat> columns = scaled(child.columns(), kept, child.rowCount() * kept);
      FilterSelectivity.pinEqualities(filter.condition(), columns);
      return of(plan, child.rowCount() * kept, columns);
    }
    if (plan instanceof Project project) {
      PlanStats child = estimate(project.child());
      return of(plan, child.rowCount(), projected(project.projectList(), child));
    }
    if (plan instanceof Join join) {
      return JoinEstimation.estimate(join, estimate(join.left()), estimate(join.right()));
    }
    if (plan instanceof Aggregate aggregate) {
      return aggregate(aggregate, estimate(aggregate.child()));
    }
    if (plan instanceof Limit limit && limit.limit() instanceof Literal l && l.value() instanceof Number n) {
      PlanStats child = estimate(limit.child());
      double rows = Math.min(n.doubleValue(), child.rowCount());
      return of(plan, rows, scaled(child.columns(), 1, rows));
    }
    if (plan instanceof SetOperation set) {
      double left = estimate(set.left()).rowCount();
      return of(plan, set.kind() == SetOperation.Kind.UNION ? left + estimate(set.right()).rowCount() : left,
          Map.of());
    }
    List<LogicalPlan> children = plan.children();
    if (children.size() == 1) {
      PlanStats child = estimate(children.get(0));
      return of(plan, child.rowCount(), child.columns());
    }
    return of(plan, UNKNOWN_ROWS, Map.of());
  }

  /** Statistics of {@code plan}'s output with {@code rows} rows, keeping the columns it still produces. */
  static PlanStats of(LogicalPlan plan, double rows, Map<Long, ColumnStat> columns) {
    Map<Long, ColumnStat> kept = new HashMap<>();
    for (AttributeReference a : plan.output()) {
      ColumnStat s = columns.get(a.exprId());
      if (s != null) {
        kept.put(a.exprId(), s);
      }
    }
    return new PlanStats(rows, rows * Statistics.rowWidth(plan.output()), kept);
  }

  static Map<Long, ColumnStat> scaled(Map<Long, ColumnStat> columns, double kept, double rows) {
    Map<Long, ColumnStat> result = new HashMap<>();
    columns.forEach((id, s) -> result.put(id, s.scaled(kept, rows)));
    return result;
  }

  private static PlanStats scan(AnalyzedRelation relation) {
    RelationStatistics table = relation.catalogStatistics();
    Map<Long, ColumnStat> columns = new HashMap<>();
    for (AttributeReference a : relation.output()) {
      ColumnStat s = table.column(a.name());
      if (s != null) {
        columns.put(a.exprId(), s);
      }
    }
    return of(relation, table.rowCount(), columns);
  }

  private static Map<Long, ColumnStat> projected(List<Expression> projectList, PlanStats child) {
    Map<Long, ColumnStat> columns = new HashMap<>(child.columns());
    for (Expression e : projectList) {
      if (e instanceof Alias alias && alias.child() instanceof AttributeReference a
          && child.column(a.exprId()) != null) {
        columns.put(alias.exprId(), child.column(a.exprId()));
      }
    }
    return columns;
  }

  private static PlanStats aggregate(Aggregate aggregate, PlanStats child) {
    double groups = 1;
    for (Expression key : aggregate.grouping()) {
      ColumnStat s = key instanceof AttributeReference a ? child.column(a.exprId()) : null;
      if (s == null) {
        groups = child.rowCount();
        break;
      }
      groups *= s.distinctCount() + (s.nullCount() > 0 ? 1 : 0);
    }
    double rows = aggregate.grouping().isEmpty() ? 1 : Math.min(groups, child.rowCount());
    return of(aggregate, rows, scaled(child.columns(), 1, rows));
  }
}

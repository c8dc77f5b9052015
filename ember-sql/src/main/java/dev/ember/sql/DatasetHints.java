package dev.ember.sql;

import dev.ember.sql.plan.JoinStrategyHint;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Repartition;
import dev.ember.sql.plan.RepartitionByExpression;
import dev.ember.sql.plan.ResolvedHint;
import dev.ember.sql.plan.SubqueryAlias;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code Dataset.hint(name, parameters)} as Spark's ResolveHints does: a join strategy hint without
 * parameters hints the whole Dataset, with relation names the relations (aliases) of those names in it
 * (case-insensitively); COALESCE(n) and REPARTITION(n [, columns]) become the coalesce and repartition nodes;
 * any other name is logged at WARN and ignored.
 */
final class DatasetHints {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetHints.class);

  private DatasetHints() {}

  /** {@code plan} under the hint {@code name}; {@code shufflePartitions} when REPARTITION gives no count. */
  static LogicalPlan apply(String name, Object[] parameters, LogicalPlan plan, int shufflePartitions) {
    JoinStrategyHint strategy = JoinStrategyHint.fromName(name);
    if (strategy != null) {
      if (parameters.length == 0) {
        return new ResolvedHint(strategy, plan);
      }
      List<String> names = new ArrayList<>();
      for (Object p : parameters) {
        names.add(String.valueOf(p).toLowerCase(Locale.ROOT));
      }
      return plan.transformUp(node -> node instanceof SubqueryAlias alias
          && names.contains(alias.alias().toLowerCase(Locale.ROOT)) ? new ResolvedHint(strategy, node) : node);
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals("COALESCE") || upper.equals("REPARTITION")) {
      return partitioning(upper.equals("REPARTITION"), parameters, plan, shufflePartitions);
    }
    LOG.warn("Unrecognized hint: {}", name);
    return plan;
  }

  private static LogicalPlan partitioning(boolean shuffle, Object[] parameters, LogicalPlan plan, int defaultN) {
    boolean counted = parameters.length > 0 && parameters[0] instanceof Integer;
    if (!shuffle && (parameters.length != 1 || !counted)) {
      throw new AnalysisException("INVALID_HINT_PARAMETERS", java.util.Map.of("hintName", "COALESCE",
          "message", "it takes one integer partition count"));
    }
    int n = counted ? (Integer) parameters[0] : defaultN;
    List<Expression> columns = new ArrayList<>();
    for (int i = counted ? 1 : 0; i < parameters.length; i++) {
      Object p = parameters[i];
      columns.add(p instanceof Column c ? c.expr() : functions.col(String.valueOf(p)).expr());
    }
    if (columns.isEmpty()) {
      return new Repartition(n, shuffle, plan);
    }
    return new RepartitionByExpression(columns, n, plan);
  }
}

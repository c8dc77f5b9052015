package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.JoinStrategyHint;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Repartition;
import dev.ember.sql.plan.RepartitionByExpression;
import dev.ember.sql.plan.ResolvedHint;
import dev.ember.sql.plan.SubqueryAlias;
import dev.ember.sql.plan.UnresolvedHint;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves an {@link UnresolvedHint} over its resolved query, as Spark's ResolveHints: a join strategy hint
 * without parameters hints the whole query, with names the relations in scope of those names (table names or
 * aliases, case-insensitively; the search stops at each aliased relation or subquery, and a name found nowhere
 * is logged); COALESCE(n), REPARTITION([n] [, columns]) and REPARTITION_BY_RANGE(n, columns) become the
 * coalesce and repartition nodes (by range over the columns ascending NULLS FIRST, through the range exchange
 * ORDER BY uses, so each partition holds a contiguous key range), and
 * REBALANCE([columns]) a repartition into {@code spark.sql.shuffle.partitions} by the columns, or round robin
 * without them. Any other name is logged at WARN ("Unrecognized hint") and the hint dropped.
 */
public final class ResolveHints {

  private static final Logger LOG = LoggerFactory.getLogger(ResolveHints.class);
  private static final Set<String> PARTITIONING =
      Set.of("COALESCE", "REPARTITION", "REPARTITION_BY_RANGE", "REBALANCE");

  private ResolveHints() {}

  /** {@code hint} over {@code child}, its resolved query; {@code shufflePartitions} where no count is given. */
  public static LogicalPlan resolve(UnresolvedHint hint, LogicalPlan child, int shufflePartitions) {
    JoinStrategyHint strategy = JoinStrategyHint.fromName(hint.name());
    if (strategy != null) {
      if (hint.parameters().isEmpty()) {
        return new ResolvedHint(strategy, child);
      }
      Set<String> names = new HashSet<>();
      for (Expression p : hint.parameters()) {
        names.add(relationName(hint, p));
      }
      Set<String> found = new HashSet<>();
      LogicalPlan hinted = hintRelations(child, strategy, names, found);
      for (String name : names) {
        if (!found.contains(name)) {
          LOG.warn("Could not find relation '{}' specified in hint '{}'.", name, hint.name());
        }
      }
      return hinted;
    }
    String upper = hint.name().toUpperCase(Locale.ROOT);
    if (PARTITIONING.contains(upper)) {
      return partitioning(upper, hint, child, shufflePartitions);
    }
    LOG.warn("Unrecognized hint: {}{}", hint.name(), hint.parameters());
    return child;
  }

  private static String relationName(UnresolvedHint hint, Expression p) {
    if (p instanceof UnresolvedAttribute a) {
      return a.nameParts().get(a.nameParts().size() - 1).toLowerCase(Locale.ROOT);
    }
    if (p instanceof Literal literal && literal.value() != null) {
      return literal.value().toString().toLowerCase(Locale.ROOT);
    }
    throw invalid(hint.name(), "a join strategy hint takes relation names, not " + p.sql());
  }

  private static LogicalPlan hintRelations(LogicalPlan plan, JoinStrategyHint strategy, Set<String> names,
      Set<String> found) {
    if (plan instanceof SubqueryAlias alias) {
      String name = alias.alias().toLowerCase(Locale.ROOT);
      if (names.contains(name)) {
        found.add(name);
        return new ResolvedHint(strategy, plan);
      }
      return plan;
    }
    if (plan instanceof ResolvedHint || plan.children().isEmpty()) {
      return plan;
    }
    List<LogicalPlan> children = new ArrayList<>();
    boolean changed = false;
    for (LogicalPlan c : plan.children()) {
      LogicalPlan hinted = hintRelations(c, strategy, names, found);
      changed |= hinted != c;
      children.add(hinted);
    }
    return changed ? plan.withNewChildren(children) : plan;
  }

  private static LogicalPlan partitioning(String name, UnresolvedHint hint, LogicalPlan child, int defaultN) {
    List<Expression> parameters = hint.parameters();
    boolean counted = !parameters.isEmpty() && parameters.get(0) instanceof Literal literal
        && literal.value() instanceof Integer;
    Integer n = counted ? (Integer) ((Literal) parameters.get(0)).value() : null;
    if (n != null && n <= 0) {
      throw invalid(name, "the partition count must be positive, not " + n);
    }
    List<Expression> columns = new ArrayList<>();
    for (Expression p : parameters.subList(counted ? 1 : 0, parameters.size())) {
      Expression column = p instanceof Literal literal && literal.value() instanceof String s
          ? new UnresolvedAttribute(List.of(s), dev.ember.sql.plan.expressions.Origin.NONE) : p;
      if (!(column instanceof UnresolvedAttribute)) {
        throw invalid(name, "expected a partition count then column names, got " + p.sql());
      }
      columns.add(ExpressionResolver.resolve(column, child.output()));
    }
    switch (name) {
      case "COALESCE":
        if (n == null || !columns.isEmpty()) {
          throw invalid(name, "it takes one partition count");
        }
        return new Repartition(n, false, child);
      case "REBALANCE":
        if (n != null) {
          throw invalid(name, "it takes column names only");
        }
        return columns.isEmpty() ? new Repartition(defaultN, true, child)
            : new RepartitionByExpression(columns, defaultN, child);
      case "REPARTITION_BY_RANGE":
        if (columns.isEmpty()) {
          throw invalid(name, "it takes column names");
        }
        return new RepartitionByExpression(columns.stream().<Expression>map(c -> SortOrder.of(c, true)).toList(),
            n == null ? defaultN : n, child);
      default:
        if (n == null && columns.isEmpty()) {
          throw invalid(name, "it takes a partition count or column names");
        }
        return columns.isEmpty() ? new Repartition(n, true, child)
            : new RepartitionByExpression(columns, n == null ? defaultN : n, child);
    }
  }

  private static AnalysisException invalid(String hintName, String message) {
    return new AnalysisException("INVALID_HINT_PARAMETERS", Map.of("hintName", hintName, "message", message));
  }
}

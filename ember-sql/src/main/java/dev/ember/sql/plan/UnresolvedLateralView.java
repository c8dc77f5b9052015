package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code FROM child LATERAL VIEW [OUTER] generator(...) table [AS c1, c2]} before the analyzer resolves the
 * generator over the child's columns and plans it as a {@link Generate}.
 *
 * @param generator the generator call, unresolved
 * @param outer whether a NULL or empty input keeps its row, with NULLs for the generated columns
 * @param table the name that qualifies the generated columns
 * @param columns the generated columns' names; empty for the generator's own ({@code col}, {@code pos}...)
 * @param origin where the generator call starts in the query text
 * @param child the rows each generated row joins
 */
public record UnresolvedLateralView(Expression generator, boolean outer, String table, List<String> columns,
    Origin origin, LogicalPlan child) implements UnaryNode {

  /** Copies the list. */
  public UnresolvedLateralView {
    columns = List.copyOf(columns);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new UnresolvedLateralView(generator, outer, table, columns, origin, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of(generator);
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return new UnresolvedLateralView(e.get(0), outer, table, columns, origin, child);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public String simpleString() {
    return "'LateralView " + (outer ? "OUTER " : "") + generator.sql() + " " + table + " " + columns;
  }
}

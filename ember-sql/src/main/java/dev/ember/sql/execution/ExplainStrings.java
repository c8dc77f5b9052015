package dev.ember.sql.execution;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.LeafExpression;
import dev.ember.sql.types.DataType;
import java.util.List;

/** Prints expressions for EXPLAIN with attribute identities ({@code a#3}), as Spark does. */
public final class ExplainStrings {

  private ExplainStrings() {}

  /** {@code e} as SQL with attributes printed as {@code name#id}. */
  public static String expr(Expression e) {
    return e.transformUp(node -> node instanceof AttributeReference a
        ? new Display(a.name() + "#" + a.exprId(), a.dataType()) : node).sql();
  }

  /** The expressions printed as a bracketed, comma-separated list. */
  public static String list(List<? extends Expression> expressions) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < expressions.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(expr(expressions.get(i)));
    }
    return sb.append(']').toString();
  }

  /** A leaf printing fixed text; exists only while printing. */
  private record Display(String text, DataType dataType) implements LeafExpression {
    @Override
    public boolean nullable() {
      return true;
    }

    @Override
    public String sql() {
      return text;
    }
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.LeafExpression;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.types.DataType;
import java.util.List;

/** Prints plan trees the way Spark does: {@code +- } before the last child, {@code :- } before the others. */
final class TreeStrings {

  private TreeStrings() {}

  static void append(LogicalPlan plan, StringBuilder sb, String prefix, boolean last, boolean root) {
    sb.append(root ? "" : prefix + (last ? "+- " : ":- ")).append(plan.simpleString()).append('\n');
    List<LogicalPlan> children = plan.children();
    String childPrefix = root ? "" : prefix + (last ? "   " : ":  ");
    for (int i = 0; i < children.size(); i++) {
      append(children.get(i), sb, childPrefix, i == children.size() - 1, false);
    }
  }

  static String list(List<?> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      sb.append(i == 0 ? "" : ", ").append(item instanceof Expression e ? expr(e) : item);
    }
    return sb.append(']').toString();
  }

  /** {@code e} as Spark prints it in plans: attributes as {@code name#id}, unresolved ones as {@code 'name}. */
  static String expr(Expression e) {
    try {
      return e.transformUp(node -> {
        if (node instanceof AttributeReference a) {
          return new Display(a.name() + "#" + a.exprId(), a.dataType());
        }
        if (node instanceof UnresolvedAttribute u) {
          return new Display("'" + String.join(".", u.nameParts()), null);
        }
        return node;
      }).sql();
    } catch (RuntimeException notPrintable) {
      // Some unresolved expressions cannot print as SQL before their types are known.
      return e.toString();
    }
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

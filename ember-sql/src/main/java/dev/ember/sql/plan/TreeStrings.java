package dev.ember.sql.plan;

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
      sb.append(i == 0 ? "" : ", ").append(items.get(i));
    }
    return sb.append(']').toString();
  }
}

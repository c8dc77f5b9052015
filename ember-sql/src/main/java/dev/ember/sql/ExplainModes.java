package dev.ember.sql;

import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of EXPLAIN in Spark's modes: {@code simple} (the physical plan), {@code extended} (parsed,
 * analyzed with its schema, optimized and physical plans) and {@code formatted} (the physical plan as an
 * outline of numbered operators, then each operator's output and arguments).
 */
final class ExplainModes {

  private ExplainModes() {}

  static String explain(QueryExecution execution, String mode) {
    String m = mode.toLowerCase(Locale.ROOT);
    return switch (m) {
      case "simple" -> "== Physical Plan ==\n" + execution.executedPlan().treeString();
      case "extended" -> extended(execution);
      case "formatted" -> formatted(execution.executedPlan());
      case "codegen", "cost" -> throw AnalysisException.unsupported("EXPLAIN mode '" + m + "'");
      default -> throw new IllegalArgumentException("Unknown explain mode: " + mode
          + ". Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted'.");
    };
  }

  private static String extended(QueryExecution execution) {
    StringBuilder schema = new StringBuilder();
    for (AttributeReference a : execution.analyzed().output()) {
      schema.append(schema.length() == 0 ? "" : ", ").append(a.name()).append(": ")
          .append(a.dataType().simpleString());
    }
    return "== Parsed Logical Plan ==\n" + execution.logical().treeString() + '\n'
        + "== Analyzed Logical Plan ==\n" + schema + '\n' + execution.analyzed().treeString() + '\n'
        + "== Optimized Logical Plan ==\n" + execution.optimizedPlan().treeString() + '\n'
        + "== Physical Plan ==\n" + execution.executedPlan().treeString();
  }

  private static String formatted(PhysicalPlan root) {
    // Operators are numbered bottom-up, children before their parent, as Spark numbers them.
    Map<PhysicalPlan, Integer> ids = new IdentityHashMap<>();
    List<PhysicalPlan> order = new ArrayList<>();
    number(root, ids, order);
    StringBuilder sb = new StringBuilder("== Physical Plan ==\n");
    outline(root, ids, sb, "", true, true);
    sb.append("\n\n");
    for (PhysicalPlan node : order) {
      String name = name(node);
      String arguments = node.simpleString().substring(name.length()).trim();
      sb.append('(').append(ids.get(node)).append(") ").append(name).append('\n');
      sb.append("Output [").append(node.output().size()).append("]: ")
          .append(node.output().stream().map(AttributeReference::toString).toList()).append('\n');
      if (!arguments.isEmpty()) {
        sb.append("Arguments: ").append(arguments).append('\n');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The operator's name: its EXPLAIN line up to the first blank or parenthesis. */
  private static String name(PhysicalPlan node) {
    String text = node.simpleString();
    int end = 0;
    while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '(') {
      end++;
    }
    return text.substring(0, end);
  }

  private static void number(PhysicalPlan node, Map<PhysicalPlan, Integer> ids, List<PhysicalPlan> order) {
    for (PhysicalPlan child : node.children()) {
      number(child, ids, order);
    }
    ids.put(node, ids.size() + 1);
    order.add(node);
  }

  private static void outline(PhysicalPlan node, Map<PhysicalPlan, Integer> ids, StringBuilder sb, String prefix,
      boolean last, boolean root) {
    String name = name(node);
    sb.append(root ? "" : prefix + (last ? "+- " : ":- ")).append(name).append(" (").append(ids.get(node))
        .append(")\n");
    String childPrefix = root ? "" : prefix + (last ? "   " : ":  ");
    List<PhysicalPlan> children = node.children();
    for (int i = 0; i < children.size(); i++) {
      outline(children.get(i), ids, sb, childPrefix, i == children.size() - 1, false);
    }
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A node of an immutable logical plan: what to compute, not how. The parser and the DataFrame API build
 * unresolved plans; the analyzer resolves them; the optimizer rewrites them with rules.
 */
public interface LogicalPlan extends Serializable {

  /** The inputs, in order. */
  List<LogicalPlan> children();

  /** This node with new inputs (same count and order). */
  LogicalPlan withNewChildren(List<LogicalPlan> newChildren);

  /** The expressions this node evaluates (not its children's). */
  List<Expression> expressions();

  /** This node with its expressions replaced, in the order of {@link #expressions()}. */
  LogicalPlan withNewExpressions(List<Expression> newExpressions);

  /** The columns this node produces; defined once resolved. */
  List<AttributeReference> output();

  /** One line describing this node alone, for EXPLAIN and tree printing. */
  String simpleString();

  /** Whether this node, its expressions and its children are all resolved. */
  default boolean resolved() {
    for (Expression e : expressions()) {
      if (!e.resolved()) {
        return false;
      }
    }
    for (LogicalPlan child : children()) {
      if (!child.resolved()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Replaces, from the top down, each outermost subplan for which {@code replacement} answers a plan (not
   * {@code null}); the subplans below a replaced one are not visited.
   */
  default LogicalPlan replaceOutermost(Function<LogicalPlan, LogicalPlan> replacement) {
    LogicalPlan replaced = replacement.apply(this);
    return replaced != null ? replaced : withChildrenMapped(child -> child.replaceOutermost(replacement));
  }

  /** Rewrites children first, then this node. */
  default LogicalPlan transformUp(UnaryOperator<LogicalPlan> rule) {
    return rule.apply(withChildrenMapped(child -> child.transformUp(rule)));
  }

  /** This node over its children each passed through {@code map}; itself when none changed. */
  private LogicalPlan withChildrenMapped(UnaryOperator<LogicalPlan> map) {
    List<LogicalPlan> children = children();
    if (children.isEmpty()) {
      return this;
    }
    List<LogicalPlan> rewritten = new ArrayList<>(children.size());
    boolean changed = false;
    for (LogicalPlan child : children) {
      LogicalPlan next = map.apply(child);
      changed |= next != child;
      rewritten.add(next);
    }
    return changed ? withNewChildren(rewritten) : this;
  }

  /** Rewrites every expression of every node with {@code rule} (bottom-up within each expression). */
  default LogicalPlan transformAllExpressions(UnaryOperator<Expression> rule) {
    return transformUp(plan -> {
      List<Expression> expressions = plan.expressions();
      if (expressions.isEmpty()) {
        return plan;
      }
      List<Expression> rewritten = new ArrayList<>(expressions.size());
      boolean changed = false;
      for (Expression e : expressions) {
        Expression next = e.transformUp(rule);
        changed |= next != e;
        rewritten.add(next);
      }
      return changed ? plan.withNewExpressions(rewritten) : plan;
    });
  }

  /** The plan as an indented tree, one node a line, as Spark prints it. */
  default String treeString() {
    StringBuilder sb = new StringBuilder();
    TreeStrings.append(this, sb, "", true, true);
    return sb.toString();
  }
}

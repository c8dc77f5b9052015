package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A node of an immutable expression tree. Nodes are records; rules rewrite trees with {@link #transformUp}
 * and {@link #withNewChildren}, never by mutation or reflection. Expressions travel inside tasks, so they are
 * Serializable.
 */
public interface Expression extends Serializable {

  /** The direct children, in order. */
  List<Expression> children();

  /** This node with {@code newChildren} (same count and order as {@link #children()}). */
  Expression withNewChildren(List<Expression> newChildren);

  /** The type of the value; only defined once the expression is resolved. */
  DataType dataType();

  /** Whether the value may be null. */
  boolean nullable();

  /** The expression as SQL text, also used to name unaliased columns (Spark's {@code sql}). */
  String sql();

  /** Whether names, functions and types below are all known. */
  default boolean resolved() {
    for (Expression child : children()) {
      if (!child.resolved()) {
        return false;
      }
    }
    return true;
  }

  /** Whether the value can be computed once without any input row (e.g. {@code 1 + 2}). */
  default boolean foldable() {
    return false;
  }

  /** Rewrites children first, then this node, with {@code rule} (identity when it does not apply). */
  default Expression transformUp(UnaryOperator<Expression> rule) {
    List<Expression> children = children();
    Expression current = this;
    if (!children.isEmpty()) {
      List<Expression> rewritten = new ArrayList<>(children.size());
      boolean changed = false;
      for (Expression child : children) {
        Expression next = child.transformUp(rule);
        changed |= next != child;
        rewritten.add(next);
      }
      current = changed ? withNewChildren(rewritten) : this;
    }
    return rule.apply(current);
  }

  /** Rewrites this node first, then the children of the result, with {@code rule}. */
  default Expression transformDown(UnaryOperator<Expression> rule) {
    Expression current = rule.apply(this);
    List<Expression> children = current.children();
    if (children.isEmpty()) {
      return current;
    }
    List<Expression> rewritten = new ArrayList<>(children.size());
    boolean changed = false;
    for (Expression child : children) {
      Expression next = child.transformDown(rule);
      changed |= next != child;
      rewritten.add(next);
    }
    return changed ? current.withNewChildren(rewritten) : current;
  }

  /** Whether this node or a descendant satisfies {@code predicate}. */
  default boolean exists(Predicate<Expression> predicate) {
    if (predicate.test(this)) {
      return true;
    }
    for (Expression child : children()) {
      if (child.exists(predicate)) {
        return true;
      }
    }
    return false;
  }

  /** The attributes this expression reads. */
  default Set<AttributeReference> references() {
    Set<AttributeReference> result = new LinkedHashSet<>();
    collectReferences(this, result);
    return result;
  }

  private static void collectReferences(Expression e, Set<AttributeReference> out) {
    if (e instanceof AttributeReference a) {
      out.add(a);
    }
    for (Expression child : e.children()) {
      collectReferences(child, out);
    }
  }
}

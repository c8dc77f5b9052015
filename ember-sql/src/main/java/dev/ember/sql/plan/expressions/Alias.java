package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * Names the value of {@code child}: {@code expr AS name}.
 *
 * @param child the named expression
 * @param name the name
 * @param exprId the identity parents refer to
 */
public record Alias(Expression child, String name, long exprId) implements NamedExpression {

  /** Validates the alias. */
  public Alias {
    Objects.requireNonNull(child, "child is null");
    Objects.requireNonNull(name, "name is null");
  }

  /** {@code child AS name} with a fresh identity. */
  public Alias(Expression child, String name) {
    this(child, name, ExprIds.next());
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> newChildren) {
    return new Alias(newChildren.get(0), name, exprId);
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public AttributeReference toAttribute() {
    return new AttributeReference(name, child.dataType(), child.nullable(), exprId, List.of());
  }

  @Override
  public String sql() {
    return child.sql() + " AS `" + name + "`";
  }

  @Override
  public String toString() {
    return child + " AS " + name + "#" + exprId;
  }
}

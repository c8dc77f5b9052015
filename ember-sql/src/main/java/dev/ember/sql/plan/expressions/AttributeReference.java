package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A resolved reference to a column produced by a child operator, identified by {@code exprId}.
 *
 * @param name the column name
 * @param dataType its type
 * @param nullable whether it may hold nulls
 * @param exprId the identity of the producing expression
 * @param qualifier the relation alias it can be qualified with (e.g. {@code [t]}), possibly empty
 */
public record AttributeReference(String name, DataType dataType, boolean nullable, long exprId,
    List<String> qualifier) implements LeafExpression, NamedExpression {

  /** Validates the reference. */
  public AttributeReference {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(dataType, "dataType is null");
    qualifier = List.copyOf(qualifier);
  }

  /** A new attribute with a fresh identity. */
  public static AttributeReference create(String name, DataType dataType, boolean nullable) {
    return new AttributeReference(name, dataType, nullable, ExprIds.next(), List.of());
  }

  /** This attribute, qualified by {@code alias}. */
  public AttributeReference withQualifier(List<String> alias) {
    return new AttributeReference(name, dataType, nullable, exprId, alias);
  }

  @Override
  public AttributeReference toAttribute() {
    return this;
  }

  @Override
  public String sql() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    // Identity is the exprId: the same column seen through differently qualified names is still one column.
    return other instanceof AttributeReference that && exprId == that.exprId;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(exprId);
  }

  @Override
  public String toString() {
    return name + "#" + exprId;
  }
}

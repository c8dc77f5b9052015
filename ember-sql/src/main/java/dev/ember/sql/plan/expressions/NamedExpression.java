package dev.ember.sql.plan.expressions;

/** An expression with a name and an identity ({@code exprId}) that other operators refer to. */
public interface NamedExpression extends Expression {

  /** The column name. */
  String name();

  /** The identity that stays the same through renames of the plan above it. */
  long exprId();

  /** The attribute by which parent operators read this expression's value. */
  AttributeReference toAttribute();
}

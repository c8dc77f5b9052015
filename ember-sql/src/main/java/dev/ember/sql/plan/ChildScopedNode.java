package dev.ember.sql.plan;

/**
 * A unary node whose expressions refer only to its child's columns and whose output is its child's: the
 * analyzer resolves such nodes generically (child first, then the expressions against the child's output),
 * so nodes the DataFrame API builds (repartition, sample) need no analyzer rule of their own.
 */
public interface ChildScopedNode extends UnaryNode {
}

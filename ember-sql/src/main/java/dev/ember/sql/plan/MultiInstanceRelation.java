package dev.ember.sql.plan;

/**
 * A leaf relation that can appear more than once in a query (a self-join, a correlated subquery over the
 * outer table): it can copy itself with fresh column identities. Local relations are copied by the analyzer
 * directly; data source relations implement this.
 */
public interface MultiInstanceRelation extends LeafNode {

  /** This relation with the same columns under new exprIds, in the same order. */
  LogicalPlan newInstance();
}

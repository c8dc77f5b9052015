package dev.ember.sql.plan;

/**
 * A leaf relation that knows roughly how many bytes it produces (a data source from its file sizes, a
 * cached relation from its blocks), so {@link Statistics} can tell whether a join side is small enough
 * to broadcast. Relations without it count as too big.
 */
public interface SizedRelation extends LeafNode {

  /** The estimated bytes of every row this relation produces, in memory. */
  long sizeInBytes();
}

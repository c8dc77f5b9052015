package dev.ember.sql.execution.columnar;

import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.plan.LeafNode;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;
import java.util.Objects;

/**
 * A cached plan in a logical plan: the {@link CacheManager} puts it where the cached plan appeared, with the
 * same output columns, so the nodes above it are unchanged.
 *
 * @param output the cached plan's columns
 * @param cachedBatches the cached data
 */
public record InMemoryRelation(List<AttributeReference> output, CachedBatches cachedBatches) implements LeafNode {

  /** Copies the output. */
  public InMemoryRelation {
    output = List.copyOf(output);
    Objects.requireNonNull(cachedBatches, "cachedBatches is null");
  }

  @Override
  public String simpleString() {
    return "InMemoryRelation " + ExplainStrings.list(output) + ", " + cachedBatches.storageLevel();
  }
}

package dev.ember;

import dev.ember.rdd.RDD;
import java.util.List;

/** Child partitions {@code [outStart, outStart + length)} read parent partitions {@code [inStart, ...)}: union. */
public final class RangeDependency<T> extends NarrowDependency<T> {

  private static final long serialVersionUID = 1L;
  private final int inStart;
  private final int outStart;
  private final int length;

  public RangeDependency(RDD<T> rdd, int inStart, int outStart, int length) {
    super(rdd);
    this.inStart = inStart;
    this.outStart = outStart;
    this.length = length;
  }

  @Override
  public List<Integer> getParents(int partitionId) {
    if (partitionId >= outStart && partitionId < outStart + length) {
      return List.of(partitionId - outStart + inStart);
    }
    return List.of();
  }
}

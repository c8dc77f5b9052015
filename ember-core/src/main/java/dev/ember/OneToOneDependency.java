package dev.ember;

import dev.ember.rdd.RDD;
import java.util.List;

/** Child partition {@code i} reads parent partition {@code i}: the dependency of map, filter and friends. */
public final class OneToOneDependency<T> extends NarrowDependency<T> {

  private static final long serialVersionUID = 1L;

  public OneToOneDependency(RDD<T> rdd) {
    super(rdd);
  }

  @Override
  public List<Integer> getParents(int partitionId) {
    return List.of(partitionId);
  }
}

package dev.ember;

import dev.ember.rdd.RDD;
import java.io.Serializable;

/**
 * A link from an RDD to one of its parents. Narrow dependencies let a child partition be computed from a few
 * parent partitions in the same task; shuffle dependencies split the job into stages.
 */
public abstract class Dependency<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The parent RDD. */
  public abstract RDD<T> rdd();
}

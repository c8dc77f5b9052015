package dev.ember.sql.execution.columnar;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.storage.StorageLevel;
import java.io.Serializable;
import java.util.Objects;

/**
 * The data of one cached plan: the physical plan computing it and, once first used, the core RDD of its
 * columnar batches persisted at the storage level, so the core's block manager keeps (and on loss
 * recomputes) the partitions. Lives on the driver; only the RDD's partitions reach executors.
 */
public final class CachedBatches implements Serializable {

  private static final long serialVersionUID = 1L;
  private final PhysicalPlan plan;
  private final StorageLevel storageLevel;
  private transient RDD<ColumnarBatch> rdd;

  /** The (not yet computed) cache of {@code plan}'s output at {@code storageLevel}. */
  public CachedBatches(PhysicalPlan plan, StorageLevel storageLevel) {
    this.plan = Objects.requireNonNull(plan, "plan is null");
    this.storageLevel = Objects.requireNonNull(storageLevel, "storageLevel is null");
  }

  /** The physical plan whose output is cached. */
  public PhysicalPlan plan() {
    return plan;
  }

  /** The storage level of the cached partitions. */
  public StorageLevel storageLevel() {
    return storageLevel;
  }

  /** The persisted RDD of batches, created on first use; its partitions are computed by the first job. */
  public synchronized RDD<ColumnarBatch> batches(ExecutionContext context) {
    if (rdd == null) {
      rdd = plan.execute(context).persist(storageLevel);
    }
    return rdd;
  }

  /** Drops the cached partitions; a later use computes them again. */
  public synchronized void unpersist() {
    if (rdd != null) {
      rdd.unpersist(false);
      rdd = null;
    }
  }
}

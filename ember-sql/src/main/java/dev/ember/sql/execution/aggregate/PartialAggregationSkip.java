package dev.ember.sql.execution.aggregate;

import dev.ember.EmberConf;
import java.io.Serializable;

/**
 * When a PARTIAL aggregation that does not reduce stops hashing its input (an Ember behaviour: Spark always
 * hashes its partial aggregations): after the first {@code minNumRows} rows of a task, the task stops hashing
 * when its table holds more than {@code ratio} groups per row, or when the input is clustered by its keys
 * (every group so far is one run of consecutive rows) and the table has outgrown a batch. The rest of the
 * task's rows then pass to the exchange as partial rows, one per run of equal keys
 * ({@link AggregationTable#updateRuns}), so the final
 * phase does the only hashing.
 *
 * @param enabled {@code ember.sql.aggregate.skipPartialAggregation} (default true)
 * @param ratio {@code ember.sql.aggregate.skipPartialAggregation.ratio}: groups per row above which hashing
 *     stops (default 0.8)
 * @param minNumRows {@code ember.sql.aggregate.skipPartialAggregation.minNumRows}: the rows hashed before
 *     deciding (default 100000)
 */
public record PartialAggregationSkip(boolean enabled, double ratio, long minNumRows) implements Serializable {

  /** The key of {@link #enabled}. */
  public static final String ENABLED_KEY = "ember.sql.aggregate.skipPartialAggregation";
  /** The key of {@link #ratio}. */
  public static final String RATIO_KEY = "ember.sql.aggregate.skipPartialAggregation.ratio";
  /** The key of {@link #minNumRows}. */
  public static final String MIN_ROWS_KEY = "ember.sql.aggregate.skipPartialAggregation.minNumRows";

  /** The clustered input's runs per group up to which it counts as clustered (a run may span batches). */
  private static final double CLUSTERED_RUNS_PER_GROUP = 1.1;

  /** The defaults: enabled, ratio 0.8, after 100000 rows. */
  public static PartialAggregationSkip defaults() {
    return new PartialAggregationSkip(true, 0.8, 100_000);
  }

  /** The settings of {@code conf}, which takes {@code spark.*} keys as aliases. */
  public static PartialAggregationSkip fromConf(EmberConf conf) {
    PartialAggregationSkip d = defaults();
    return new PartialAggregationSkip(conf.getBoolean(ENABLED_KEY, d.enabled),
        conf.getDouble(RATIO_KEY, d.ratio),
        conf.getLong(MIN_ROWS_KEY, d.minNumRows));
  }

  /** Whether a task that has hashed {@code rows} rows, not yet {@link #minNumRows}, should keep sampling. */
  boolean sampling(long rows) {
    return enabled && rows < minNumRows;
  }

  /**
   * Whether a task that hashed {@code rows} rows into {@code groups} groups, its batches holding {@code runs}
   * runs of equal keys in all, should stop hashing.
   */
  boolean skip(long rows, long groups, long runs) {
    if (!enabled || rows == 0 || rows < minNumRows) {
      return false;
    }
    if (groups > ratio * rows) {
      return true;
    }
    return groups >= dev.ember.sql.execution.vector.ColumnarBatch.MAX_ROWS
        && runs <= CLUSTERED_RUNS_PER_GROUP * groups;
  }
}

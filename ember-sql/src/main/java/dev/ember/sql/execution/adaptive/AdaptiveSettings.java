package dev.ember.sql.execution.adaptive;

import dev.ember.EmberConf;
import java.io.Serializable;

/**
 * The settings of adaptive execution that the planner reads per query (Spark's keys, {@code spark.*} or
 * {@code ember.*}).
 *
 * @param coalescePartitions {@code spark.sql.adaptive.enabled} and
 *     {@code spark.sql.adaptive.coalescePartitions.enabled} (both default true)
 * @param advisoryPartitionBytes {@code spark.sql.adaptive.advisoryPartitionSizeInBytes} (64m): the size a
 *     coalesced partition aims at
 * @param minPartitionBytes {@code spark.sql.adaptive.coalescePartitions.minPartitionSize} (1m): no coalesced
 *     partition aims lower, however many partitions the parallelism asks for
 * @param minPartitionNum {@code spark.sql.adaptive.coalescePartitions.minPartitionNum}, else the context's
 *     default parallelism while {@code spark.sql.adaptive.coalescePartitions.parallelismFirst} (default true)
 *     holds, else 1: the partition count the target size divides the data into at least
 */
public record AdaptiveSettings(boolean coalescePartitions, long advisoryPartitionBytes, long minPartitionBytes,
    int minPartitionNum) implements Serializable {

  /** {@code spark.sql.adaptive.enabled}. */
  public static final String ENABLED_KEY = "ember.sql.adaptive.enabled";
  /** {@code spark.sql.adaptive.coalescePartitions.enabled}. */
  public static final String COALESCE_KEY = "ember.sql.adaptive.coalescePartitions.enabled";
  /** {@code spark.sql.adaptive.advisoryPartitionSizeInBytes}. */
  public static final String ADVISORY_SIZE_KEY = "ember.sql.adaptive.advisoryPartitionSizeInBytes";
  /** {@code spark.sql.adaptive.coalescePartitions.minPartitionSize}. */
  public static final String MIN_PARTITION_SIZE_KEY = "ember.sql.adaptive.coalescePartitions.minPartitionSize";
  /** {@code spark.sql.adaptive.coalescePartitions.minPartitionNum}. */
  public static final String MIN_PARTITION_NUM_KEY = "ember.sql.adaptive.coalescePartitions.minPartitionNum";
  /** {@code spark.sql.adaptive.coalescePartitions.parallelismFirst}. */
  public static final String PARALLELISM_FIRST_KEY = "ember.sql.adaptive.coalescePartitions.parallelismFirst";

  /** Validates the sizes. */
  public AdaptiveSettings {
    if (advisoryPartitionBytes <= 0 || minPartitionBytes <= 0 || minPartitionNum <= 0) {
      throw new IllegalArgumentException("adaptive partition sizes and counts must be positive");
    }
  }

  /** Adaptive execution switched off: every shuffle is read with all its partitions. */
  public static AdaptiveSettings disabled() {
    return new AdaptiveSettings(false, 64L << 20, 1L << 20, 1);
  }

  /** The settings in {@code conf}, with {@code defaultParallelism} as the default minimum partition count. */
  public static AdaptiveSettings fromConf(EmberConf conf, int defaultParallelism) {
    boolean coalesce = conf.getBoolean(ENABLED_KEY, true) && conf.getBoolean(COALESCE_KEY, true);
    long advisory = conf.getSizeAsBytes(ADVISORY_SIZE_KEY, "64m");
    long minSize = conf.getSizeAsBytes(MIN_PARTITION_SIZE_KEY, "1m");
    int fallback = conf.getBoolean(PARALLELISM_FIRST_KEY, true) ? Math.max(1, defaultParallelism) : 1;
    int minNum = conf.getInt(MIN_PARTITION_NUM_KEY, fallback);
    if (minNum <= 0) {
      throw new IllegalArgumentException("spark.sql.adaptive.coalescePartitions.minPartitionNum must be positive, "
          + "got " + minNum);
    }
    return new AdaptiveSettings(coalesce, Math.max(1, advisory), Math.max(1, minSize), minNum);
  }
}

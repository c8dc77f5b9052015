package dev.ember.sql.execution.datasources;

import dev.ember.EmberConf;
import java.io.Serializable;

/**
 * How a file scan cuts its input into tasks, read from the session's configuration when the DataFrame is
 * created.
 *
 * @param maxPartitionBytes the most bytes one task reads ({@code spark.sql.files.maxPartitionBytes}, 128 MB)
 * @param openCostInBytes what opening a file is counted as, in bytes ({@code spark.sql.files.openCostInBytes},
 *     4 MB), so that many small files are packed into fewer tasks
 * @param minPartitions the parallelism the split size aims at (the default parallelism)
 */
public record ScanSettings(long maxPartitionBytes, long openCostInBytes, int minPartitions) implements Serializable {

  /** {@code spark.sql.files.maxPartitionBytes}. */
  public static final String MAX_PARTITION_BYTES = "ember.sql.files.maxPartitionBytes";
  /** {@code spark.sql.files.openCostInBytes}. */
  public static final String OPEN_COST_IN_BYTES = "ember.sql.files.openCostInBytes";

  /**
   * The settings of {@code conf}, where a read option of the same name ({@code spark.sql.files.*} or
   * {@code ember.sql.files.*}) overrides the session's value for one read.
   */
  public static ScanSettings from(EmberConf conf, int defaultParallelism, DataSourceOptions options) {
    EmberConf effective = conf.clone();
    for (String key : new String[] {MAX_PARTITION_BYTES, OPEN_COST_IN_BYTES}) {
      String spark = "spark" + key.substring("ember".length());
      String value = options.get(key, options.get(spark));
      if (value != null) {
        effective.set(key, value);
      }
    }
    return new ScanSettings(effective.getSizeAsBytes(MAX_PARTITION_BYTES, "128m"),
        effective.getSizeAsBytes(OPEN_COST_IN_BYTES, "4m"), defaultParallelism);
  }
}

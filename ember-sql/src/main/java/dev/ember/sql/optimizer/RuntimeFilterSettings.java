package dev.ember.sql.optimizer;

import dev.ember.EmberConf;

/**
 * Whether and where {@link InjectRuntimeFilter} places runtime join filters, from Spark's keys (accepted under
 * {@code spark.} as under {@code ember.}).
 *
 * @param enabled {@code spark.sql.optimizer.runtime.bloomFilter.enabled} (true)
 * @param creationSideThreshold {@code spark.sql.optimizer.runtime.bloomFilter.creationSideThreshold}: the
 *     largest estimated size of the creation side's keys (10 MB, Spark's default)
 * @param applicationSideThreshold {@code spark.sql.optimizer.runtime.bloomFilter.applicationSideScanSizeThreshold}:
 *     the smallest estimated size of the columns an application-side scan reads. Spark's 10 GB suits clusters;
 *     Ember's default is 8 MB, about a million rows of a few columns, where decoding and probing the rows a
 *     filter drops costs more than running the small creation side a second time
 * @param maxFilters {@code spark.sql.optimizer.runtimeFilter.number.threshold}: the most filters a query (10)
 * @param maxKeys {@code spark.sql.optimizer.runtime.bloomFilter.maxNumItems}: a creation side with more
 *     distinct keys filters nothing (4,000,000)
 */
public record RuntimeFilterSettings(boolean enabled, long creationSideThreshold, long applicationSideThreshold,
    int maxFilters, long maxKeys) {

  /** {@code spark.sql.optimizer.runtime.bloomFilter.enabled}. */
  public static final String ENABLED_KEY = "ember.sql.optimizer.runtime.bloomFilter.enabled";
  /** {@code spark.sql.optimizer.runtime.bloomFilter.creationSideThreshold}. */
  public static final String CREATION_SIDE_THRESHOLD_KEY =
      "ember.sql.optimizer.runtime.bloomFilter.creationSideThreshold";
  /** {@code spark.sql.optimizer.runtime.bloomFilter.applicationSideScanSizeThreshold}. */
  public static final String APPLICATION_SIDE_THRESHOLD_KEY =
      "ember.sql.optimizer.runtime.bloomFilter.applicationSideScanSizeThreshold";
  /** {@code spark.sql.optimizer.runtimeFilter.number.threshold}. */
  public static final String NUMBER_THRESHOLD_KEY = "ember.sql.optimizer.runtimeFilter.number.threshold";
  /** {@code spark.sql.optimizer.runtime.bloomFilter.maxNumItems}. */
  public static final String MAX_KEYS_KEY = "ember.sql.optimizer.runtime.bloomFilter.maxNumItems";

  /** No runtime filters. */
  public static final RuntimeFilterSettings DISABLED = new RuntimeFilterSettings(false, 0, 0, 0, 0);

  /** The settings {@code conf} gives, Ember's defaults for the keys it does not set. */
  public static RuntimeFilterSettings fromConf(EmberConf conf) {
    return new RuntimeFilterSettings(conf.getBoolean(ENABLED_KEY, true),
        conf.getSizeAsBytes(CREATION_SIDE_THRESHOLD_KEY, "10m"),
        conf.getSizeAsBytes(APPLICATION_SIDE_THRESHOLD_KEY, "8m"),
        conf.getInt(NUMBER_THRESHOLD_KEY, 10),
        conf.getLong(MAX_KEYS_KEY, 4_000_000L));
  }
}

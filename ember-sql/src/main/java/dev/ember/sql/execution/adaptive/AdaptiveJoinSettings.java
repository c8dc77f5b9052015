package dev.ember.sql.execution.adaptive;

import dev.ember.EmberConf;
import dev.ember.sql.execution.join.JoinSelection;
import java.io.Serializable;

/**
 * The settings of the run-time conversion of shuffled joins into broadcast hash joins (Spark's AQE join
 * selection), read per query.
 *
 * @param enabled {@code spark.sql.adaptive.enabled} (default true)
 * @param broadcastThreshold {@code spark.sql.adaptive.autoBroadcastJoinThreshold}, by default the value of
 *     {@code spark.sql.autoBroadcastJoinThreshold} (10m): the most shuffle bytes a join side may have written
 *     to be broadcast instead; negative for never
 * @param runtimeFilter {@code ember.sql.adaptive.runtimeFilter.enabled} (default true): whether the keys of a
 *     build side materialized at run time filter the other side's file scan (see
 *     {@link dev.ember.sql.execution.joinfilter.dynamic.DynamicJoinFilter})
 */
public record AdaptiveJoinSettings(boolean enabled, long broadcastThreshold, boolean runtimeFilter)
    implements Serializable {

  /** {@code spark.sql.adaptive.autoBroadcastJoinThreshold}: a size, or -1 for never. */
  public static final String BROADCAST_THRESHOLD_KEY = "ember.sql.adaptive.autoBroadcastJoinThreshold";

  /** {@code ember.sql.adaptive.runtimeFilter.enabled}: filters from build sides materialized at run time. */
  public static final String RUNTIME_FILTER_KEY = "ember.sql.adaptive.runtimeFilter.enabled";

  /** The settings with run-time join filters on. */
  public AdaptiveJoinSettings(boolean enabled, long broadcastThreshold) {
    this(enabled, broadcastThreshold, true);
  }

  /** No run-time join conversion, nor filters from build sides at run time. */
  public static AdaptiveJoinSettings disabled() {
    return new AdaptiveJoinSettings(false, -1, false);
  }

  /** The settings in {@code conf}. */
  public static AdaptiveJoinSettings fromConf(EmberConf conf) {
    boolean enabled = conf.getBoolean(AdaptiveSettings.ENABLED_KEY, true);
    String key = conf.contains(BROADCAST_THRESHOLD_KEY) ? BROADCAST_THRESHOLD_KEY
        : JoinSelection.BROADCAST_THRESHOLD_KEY;
    String value = conf.get(key, "10m").trim();
    long threshold = value.startsWith("-") ? -1 : conf.getSizeAsBytes(key, "10m");
    return new AdaptiveJoinSettings(enabled, threshold, conf.getBoolean(RUNTIME_FILTER_KEY, true));
  }

  /** Whether shuffled joins may be converted at run time at all. */
  public boolean active() {
    return enabled && broadcastThreshold >= 0;
  }
}

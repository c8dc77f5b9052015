package dev.ember.sql.optimizer;

import dev.ember.EmberConf;
import dev.ember.sql.AnalysisException;
import java.util.Map;

/**
 * Whether and how {@link CostBasedJoinReorder} runs, from Spark's keys (both switches off by default, as Spark).
 *
 * @param enabled {@code spark.sql.cbo.enabled} and {@code spark.sql.cbo.joinReorder.enabled} both true
 * @param dpThreshold {@code spark.sql.cbo.joinReorder.dp.threshold}: the most relations reordered (12)
 * @param cardWeight {@code spark.sql.cbo.joinReorder.card.weight}: the weight of rows against bytes (0.7)
 */
public record JoinReorderSettings(boolean enabled, int dpThreshold, double cardWeight) {

  /** {@code spark.sql.cbo.enabled}. */
  public static final String CBO_ENABLED_KEY = "ember.sql.cbo.enabled";
  /** {@code spark.sql.cbo.joinReorder.enabled}. */
  public static final String JOIN_REORDER_ENABLED_KEY = "ember.sql.cbo.joinReorder.enabled";
  /** {@code spark.sql.cbo.joinReorder.dp.threshold}. */
  public static final String DP_THRESHOLD_KEY = "ember.sql.cbo.joinReorder.dp.threshold";
  /** {@code spark.sql.cbo.joinReorder.card.weight}. */
  public static final String CARD_WEIGHT_KEY = "ember.sql.cbo.joinReorder.card.weight";

  /** Cost-based join reordering switched off. */
  public static final JoinReorderSettings DISABLED = new JoinReorderSettings(false, 12, 0.7);

  /** Checks the values. */
  public JoinReorderSettings {
    if (dpThreshold < 1) {
      throw new IllegalArgumentException(DP_THRESHOLD_KEY + " must be positive: " + dpThreshold);
    }
    if (cardWeight < 0 || cardWeight > 1) {
      throw new IllegalArgumentException(CARD_WEIGHT_KEY + " must be in [0, 1]: " + cardWeight);
    }
  }

  /**
   * The settings {@code conf} gives; a value of the wrong type or out of range fails the query with
   * {@code INVALID_CONF_VALUE.TYPE_MISMATCH}.
   */
  public static JoinReorderSettings fromConf(EmberConf conf) {
    boolean enabled = flag(conf, CBO_ENABLED_KEY) && flag(conf, JOIN_REORDER_ENABLED_KEY);
    String threshold = conf.get(DP_THRESHOLD_KEY, "12").trim();
    String weight = conf.get(CARD_WEIGHT_KEY, "0.7").trim();
    int dp;
    try {
      dp = Integer.parseInt(threshold);
    } catch (NumberFormatException e) {
      dp = 0;
    }
    if (dp < 1) {
      throw invalid(DP_THRESHOLD_KEY, threshold, "positive int");
    }
    double w;
    try {
      w = Double.parseDouble(weight);
    } catch (NumberFormatException e) {
      w = -1;
    }
    if (!(w >= 0 && w <= 1)) {
      throw invalid(CARD_WEIGHT_KEY, weight, "double in [0, 1]");
    }
    return new JoinReorderSettings(enabled, dp, w);
  }

  /** Fails with {@code INVALID_CONF_VALUE.TYPE_MISMATCH} when {@code value} does not suit {@code key}. */
  public static void validate(String key, String value) {
    EmberConf conf = new EmberConf(false);
    conf.set(key, value);
    fromConf(conf);
  }

  private static boolean flag(EmberConf conf, String key) {
    String value = conf.get(key, "false").trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw invalid(key, value, "boolean");
    }
    return Boolean.parseBoolean(value);
  }

  private static AnalysisException invalid(String key, String value, String type) {
    String spark = key.replaceFirst("^ember\\.", "spark.");
    return new AnalysisException("INVALID_CONF_VALUE.TYPE_MISMATCH", Map.of("confName", spark, "confValue", value,
        "confType", type));
  }
}

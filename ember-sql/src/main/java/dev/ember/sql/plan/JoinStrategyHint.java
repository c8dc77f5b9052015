package dev.ember.sql.plan;

import java.util.Locale;

/**
 * A join strategy a hint asks for, as Spark's {@code JoinStrategyHint}: each has the hint names that select it
 * (matched case-insensitively) and the name the analyzed plan prints ({@code ResolvedHint (strategy=broadcast)}).
 */
public enum JoinStrategyHint {
  /** {@code BROADCAST}, {@code BROADCASTJOIN}, {@code MAPJOIN}: broadcast the hinted side. */
  BROADCAST("broadcast", "BROADCAST", "BROADCASTJOIN", "MAPJOIN"),
  /** {@code SHUFFLE_MERGE}, {@code MERGEJOIN}, {@code MERGE}: Spark's sort-merge join. */
  SHUFFLE_MERGE("merge", "SHUFFLE_MERGE", "MERGEJOIN", "MERGE"),
  /** {@code SHUFFLE_HASH}: a shuffled hash join building the hinted side. */
  SHUFFLE_HASH("shuffle_hash", "SHUFFLE_HASH"),
  /** {@code SHUFFLE_REPLICATE_NL}: a nested-loop join of every pair of rows. */
  SHUFFLE_REPLICATE_NL("shuffle_replicate_nl", "SHUFFLE_REPLICATE_NL");

  private final String displayName;
  private final String[] hintNames;

  JoinStrategyHint(String displayName, String... hintNames) {
    this.displayName = displayName;
    this.hintNames = hintNames;
  }

  /** The name plans print, as Spark's. */
  public String displayName() {
    return displayName;
  }

  /** The strategy a hint named {@code name} selects (any case), or null when it names none. */
  public static JoinStrategyHint fromName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (JoinStrategyHint strategy : values()) {
      for (String hintName : strategy.hintNames) {
        if (hintName.equals(upper)) {
          return strategy;
        }
      }
    }
    return null;
  }
}

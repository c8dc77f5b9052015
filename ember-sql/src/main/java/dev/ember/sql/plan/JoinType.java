package dev.ember.sql.plan;

import dev.ember.sql.AnalysisException;
import java.util.Locale;
import java.util.Map;

/** The kinds of join, with Spark's names and output rules. */
public enum JoinType {
  /** Pairs of rows satisfying the condition. */
  INNER("Inner"),
  /** Every pair of rows (an inner join without condition). */
  CROSS("Cross"),
  /** Inner pairs plus unmatched left rows with NULLs for the right columns. */
  LEFT_OUTER("LeftOuter"),
  /** Inner pairs plus unmatched right rows with NULLs for the left columns. */
  RIGHT_OUTER("RightOuter"),
  /** Inner pairs plus unmatched rows of both sides, NULL-padded. */
  FULL_OUTER("FullOuter"),
  /** The left rows that have a match, once each; only the left columns. */
  LEFT_SEMI("LeftSemi"),
  /** The left rows that have no match; only the left columns. */
  LEFT_ANTI("LeftAnti");

  private static final String SUPPORTED = "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', "
      + "'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', "
      + "'leftanti', 'left_anti', 'anti', 'cross'";
  private final String prettyName;

  JoinType(String prettyName) {
    this.prettyName = prettyName;
  }

  /** Spark's name in plans: {@code Inner}, {@code LeftOuter}, ... */
  public String prettyName() {
    return prettyName;
  }

  /** Whether the output has only the left side's columns. */
  public boolean leftOnly() {
    return this == LEFT_SEMI || this == LEFT_ANTI;
  }

  /** Whether the left side's columns may be NULL-padded. */
  public boolean leftNullable() {
    return this == RIGHT_OUTER || this == FULL_OUTER;
  }

  /** Whether the right side's columns may be NULL-padded. */
  public boolean rightNullable() {
    return this == LEFT_OUTER || this == FULL_OUTER;
  }

  /**
   * The join type a DataFrame join type string names, as in Spark: case-insensitive, underscores optional.
   *
   * @throws AnalysisException UNSUPPORTED_JOIN_TYPE for any other string
   */
  public static JoinType fromString(String name) {
    return switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "inner" -> INNER;
      case "outer", "full", "fullouter" -> FULL_OUTER;
      case "leftouter", "left" -> LEFT_OUTER;
      case "rightouter", "right" -> RIGHT_OUTER;
      case "leftsemi", "semi" -> LEFT_SEMI;
      case "leftanti", "anti" -> LEFT_ANTI;
      case "cross" -> CROSS;
      default -> throw new AnalysisException("UNSUPPORTED_JOIN_TYPE", Map.of("typ", name, "supported", SUPPORTED));
    };
  }
}

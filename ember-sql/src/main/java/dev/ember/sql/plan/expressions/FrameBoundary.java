package dev.ember.sql.plan.expressions;

import java.io.Serializable;
import java.util.Objects;

/**
 * One end of a window frame: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW},
 * {@code n FOLLOWING} or {@code UNBOUNDED FOLLOWING}. Offsets are non-negative constants: a row count for
 * ROWS frames, a distance in the order key's units for RANGE frames.
 *
 * @param kind which kind of bound
 * @param offset the distance for PRECEDING and FOLLOWING (an Integer, Long or Double), else null
 */
public record FrameBoundary(Kind kind, Number offset) implements Serializable {

  /** The kinds of bound, in the order they appear along a partition. */
  public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

  /** {@code UNBOUNDED PRECEDING}. */
  public static final FrameBoundary UNBOUNDED_PRECEDING = new FrameBoundary(Kind.UNBOUNDED_PRECEDING, null);
  /** {@code CURRENT ROW}. */
  public static final FrameBoundary CURRENT_ROW = new FrameBoundary(Kind.CURRENT_ROW, null);
  /** {@code UNBOUNDED FOLLOWING}. */
  public static final FrameBoundary UNBOUNDED_FOLLOWING = new FrameBoundary(Kind.UNBOUNDED_FOLLOWING, null);

  /** Validates the bound. */
  public FrameBoundary {
    Objects.requireNonNull(kind, "kind is null");
    if ((kind == Kind.PRECEDING || kind == Kind.FOLLOWING) != (offset != null)) {
      throw new IllegalArgumentException("offset must be given exactly for PRECEDING and FOLLOWING: " + kind);
    }
  }

  /**
   * The bound as a signed distance from the current row: negative preceding, positive following, 0 for the
   * current row; unbounded bounds are infinite.
   */
  public double signedOffset() {
    return switch (kind) {
      case UNBOUNDED_PRECEDING -> Double.NEGATIVE_INFINITY;
      case PRECEDING -> -offset.doubleValue();
      case CURRENT_ROW -> 0;
      case FOLLOWING -> offset.doubleValue();
      case UNBOUNDED_FOLLOWING -> Double.POSITIVE_INFINITY;
    };
  }

  /** The bound as SQL. */
  public String sql() {
    return switch (kind) {
      case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
      case PRECEDING -> offset + " PRECEDING";
      case CURRENT_ROW -> "CURRENT ROW";
      case FOLLOWING -> offset + " FOLLOWING";
      case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
    };
  }
}

package dev.ember.sql.plan.expressions;

import java.io.Serializable;
import java.util.Objects;

/**
 * The rows of a partition a window function sees for each row: {@code ROWS} frames count rows from the
 * current one; {@code RANGE} frames take the rows whose order key lies within a distance of the current
 * row's key (with {@code CURRENT ROW} meaning the row and its peers, the rows with an equal key).
 *
 * @param type ROWS or RANGE
 * @param lower the first row of the frame
 * @param upper the last row of the frame
 */
public record WindowFrame(FrameType type, FrameBoundary lower, FrameBoundary upper) implements Serializable {

  /** The unit a frame counts in. */
  public enum FrameType { ROWS, RANGE }

  /** Spark's default frame with an ORDER BY: the partition up to the current row and its peers. */
  public static final WindowFrame RANGE_UNBOUNDED_TO_CURRENT = new WindowFrame(FrameType.RANGE,
      FrameBoundary.UNBOUNDED_PRECEDING, FrameBoundary.CURRENT_ROW);
  /** Spark's default frame without an ORDER BY: the whole partition. */
  public static final WindowFrame ROWS_UNBOUNDED = new WindowFrame(FrameType.ROWS,
      FrameBoundary.UNBOUNDED_PRECEDING, FrameBoundary.UNBOUNDED_FOLLOWING);
  /** The frame ranking functions are defined over. */
  public static final WindowFrame ROWS_UNBOUNDED_TO_CURRENT = new WindowFrame(FrameType.ROWS,
      FrameBoundary.UNBOUNDED_PRECEDING, FrameBoundary.CURRENT_ROW);

  /** Validates the frame. */
  public WindowFrame {
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(lower, "lower is null");
    Objects.requireNonNull(upper, "upper is null");
  }

  /** The frame as SQL, e.g. {@code ROWS BETWEEN 1 PRECEDING AND CURRENT ROW}. */
  public String sql() {
    return type + " BETWEEN " + lower.sql() + " AND " + upper.sql();
  }
}

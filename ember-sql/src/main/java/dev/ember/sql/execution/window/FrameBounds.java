package dev.ember.sql.execution.window;

import dev.ember.sql.plan.expressions.FrameBoundary;
import dev.ember.sql.plan.expressions.WindowFrame;

/**
 * The frame of every row of a partition as half-open row ranges {@code [lower[i], upper[i])} (absolute
 * indexes). Both ends are non-decreasing along the partition, which is what lets aggregates slide over it
 * in linear time. ROWS bounds count rows; RANGE bounds compare the single sort key with the current row's
 * (by binary search among the non-NULL keys); a NULL key's value bounds are its NULL peers.
 */
final class FrameBounds {

  final int[] lower;
  final int[] upper;

  private FrameBounds(int n) {
    lower = new int[n];
    upper = new int[n];
  }

  /**
   * The frames of {@code p}.
   *
   * @param keyPosition where the sort key is in a row (RANGE frames with value bounds)
   * @param ascending whether that key is sorted ascending
   */
  static FrameBounds of(WindowFrame frame, WindowPartition p, int keyPosition, boolean ascending) {
    FrameBounds bounds = new FrameBounds(p.size());
    boolean rows = frame.type() == WindowFrame.FrameType.ROWS;
    int nonNullStart = p.start();
    int nonNullEnd = p.end();
    if (!rows && keyPosition >= 0) {
      while (nonNullStart < p.end() && p.value(nonNullStart, keyPosition) == null) {
        nonNullStart++;
      }
      while (nonNullEnd > nonNullStart && p.value(nonNullEnd - 1, keyPosition) == null) {
        nonNullEnd--;
      }
    }
    Range range = rows ? null : new Range(p, keyPosition, ascending, nonNullStart, nonNullEnd);
    for (int row = p.start(); row < p.end(); row++) {
      int lo;
      int hi;
      if (rows) {
        lo = rowsBound(frame.lower(), row, p, false);
        hi = rowsBound(frame.upper(), row, p, true);
      } else {
        lo = range.bound(frame.lower(), row, false);
        hi = range.bound(frame.upper(), row, true);
      }
      bounds.lower[row - p.start()] = lo;
      bounds.upper[row - p.start()] = Math.max(lo, hi);
    }
    return bounds;
  }

  private static int rowsBound(FrameBoundary b, int row, WindowPartition p, boolean upper) {
    long position = switch (b.kind()) {
      case UNBOUNDED_PRECEDING -> p.start();
      case UNBOUNDED_FOLLOWING -> p.end();
      case CURRENT_ROW -> upper ? row + 1L : row;
      case PRECEDING -> row - b.offset().longValue() + (upper ? 1 : 0);
      case FOLLOWING -> row + b.offset().longValue() + (upper ? 1 : 0);
    };
    return (int) Math.max(p.start(), Math.min(p.end(), position));
  }

  /** Value bounds over the non-NULL keys {@code [from, to)}, sorted ascending or descending. */
  private record Range(WindowPartition p, int keyPosition, boolean ascending, int from, int to) {

    int bound(FrameBoundary b, int row, boolean upper) {
      switch (b.kind()) {
        case UNBOUNDED_PRECEDING:
          return p.start();
        case UNBOUNDED_FOLLOWING:
          return p.end();
        case CURRENT_ROW:
          return upper ? p.peerEnd(row) : p.peerStart(row);
        default:
          break;
      }
      Object key = p.value(row, keyPosition);
      if (key == null) {
        return upper ? p.peerEnd(row) : p.peerStart(row);
      }
      double distance = b.kind() == FrameBoundary.Kind.PRECEDING ? -b.offset().doubleValue()
          : b.offset().doubleValue();
      double target = ((Number) key).doubleValue() + (ascending ? distance : -distance);
      // lower: the first row at or past the target; upper: the first row strictly past it.
      int lo = from;
      int hi = to;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        double v = ((Number) p.value(mid, keyPosition)).doubleValue();
        boolean before = ascending ? (upper ? v <= target : v < target) : (upper ? v >= target : v > target);
        if (before) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}

package dev.ember.sql.execution.window;

import dev.ember.sql.plan.expressions.FrameValueFunction;
import dev.ember.sql.plan.expressions.WindowFrame;

/**
 * first_value, last_value and nth_value: the input at a position of each row's frame, NULL when the frame
 * is too short.
 *
 * @param kind the function
 * @param n nth_value's position (from 1)
 * @param inputPosition where the input is in a row
 * @param frame the frame
 * @param keyPosition where the single sort key is in a row, for RANGE value bounds (else -1)
 * @param ascending whether that key is ascending
 */
record FrameValueEvaluator(FrameValueFunction.Kind kind, int n, int inputPosition, WindowFrame frame,
    int keyPosition, boolean ascending) implements WindowEvaluator {

  @Override
  public void evaluate(WindowPartition p, Object[] results) {
    FrameBounds bounds = FrameBounds.of(frame, p, keyPosition, ascending);
    for (int i = 0; i < p.size(); i++) {
      int lo = bounds.lower[i];
      int hi = bounds.upper[i];
      int at = switch (kind) {
        case FIRST_VALUE -> lo;
        case LAST_VALUE -> hi - 1;
        case NTH_VALUE -> lo + n - 1;
      };
      results[i] = at >= lo && at < hi ? p.value(at, inputPosition) : null;
    }
  }
}

package dev.ember.sql.execution.window;

import dev.ember.sql.plan.expressions.WindowFrame;

/**
 * An aggregate function over each row's frame. The frame's ends only move forward along the partition, so
 * rows are added at the end and removed from the start of one running aggregate: a growing frame
 * (UNBOUNDED PRECEDING) never removes, a whole-partition frame is computed once, and a bounded frame
 * slides; each row enters and leaves at most once.
 *
 * @param kind the aggregate (see {@link FrameAggregator#kindOf})
 * @param inputPosition where the aggregate's input is in a row
 * @param frame the frame
 * @param keyPosition where the single sort key is in a row, for RANGE value bounds (else -1)
 * @param ascending whether that key is ascending
 */
record FrameAggregateEvaluator(String kind, int inputPosition, WindowFrame frame, int keyPosition,
    boolean ascending) implements WindowEvaluator {

  @Override
  public void evaluate(WindowPartition p, Object[] results) {
    FrameBounds bounds = FrameBounds.of(frame, p, keyPosition, ascending);
    FrameAggregator aggregator = FrameAggregator.create(kind);
    int from = p.start();
    int to = p.start();
    for (int i = 0; i < p.size(); i++) {
      int lo = bounds.lower[i];
      int hi = bounds.upper[i];
      if (lo >= to) {
        // The new frame starts after the current one ends: nothing carries over.
        aggregator.reset();
        from = lo;
        to = lo;
      }
      while (to < hi) {
        aggregator.add(to, p.value(to, inputPosition));
        to++;
      }
      while (from < lo) {
        aggregator.remove(from, p.value(from, inputPosition));
        from++;
      }
      results[i] = aggregator.result();
    }
  }
}

package dev.ember.sql.execution.window;

/**
 * lag and lead: the input of the row {@code offset} away within the partition, else the default (evaluated
 * on the current row).
 *
 * @param offset the signed distance (negative for lag)
 * @param inputPosition where the input is in a row
 * @param defaultPosition where the default is in a row
 */
record OffsetEvaluator(int offset, int inputPosition, int defaultPosition) implements WindowEvaluator {

  @Override
  public void evaluate(WindowPartition p, Object[] results) {
    for (int row = p.start(); row < p.end(); row++) {
      long other = (long) row + offset;
      results[row - p.start()] = other >= p.start() && other < p.end() ? p.value((int) other, inputPosition)
          : p.value(row, defaultPosition);
    }
  }
}

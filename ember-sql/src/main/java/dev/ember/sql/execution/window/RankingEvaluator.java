package dev.ember.sql.execution.window;

import dev.ember.sql.plan.expressions.RankingFunction;

/**
 * row_number, rank, dense_rank, percent_rank, cume_dist and ntile from row positions and peer groups, in
 * one pass over the partition.
 *
 * @param kind the function
 * @param buckets ntile's number of buckets
 */
record RankingEvaluator(RankingFunction.Kind kind, int buckets) implements WindowEvaluator {

  @Override
  public void evaluate(WindowPartition p, Object[] results) {
    int n = p.size();
    int dense = 0;
    for (int i = 0; i < n; i++) {
      int row = p.start() + i;
      int rank = p.peerStart(row) - p.start() + 1;
      if (p.peerStart(row) == row) {
        dense++;
      }
      results[i] = switch (kind) {
        case ROW_NUMBER -> i + 1;
        case RANK -> rank;
        case DENSE_RANK -> dense;
        case PERCENT_RANK -> n == 1 ? 0.0 : (rank - 1) / (double) (n - 1);
        case CUME_DIST -> (p.peerEnd(row) - p.start()) / (double) n;
        case NTILE -> ntile(i, n, buckets);
      };
    }
  }

  /** Spark's ntile: n/k rows a bucket, the first n%k buckets one row larger. */
  static int ntile(int i, int n, int k) {
    int size = n / k;
    int larger = n % k;
    int inLarger = larger * (size + 1);
    return i < inLarger ? i / (size + 1) + 1 : larger + (i - inLarger) / size + 1;
  }
}

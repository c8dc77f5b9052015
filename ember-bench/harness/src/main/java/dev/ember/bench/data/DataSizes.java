package dev.ember.bench.data;

/**
 * How much data each workload gets.
 *
 * @param tag names the data directory's subdirectory for the non-TPC-H data ("full" or "smoke")
 * @param wordBytes size of the word-count corpus in bytes
 * @param vocabulary number of distinct words the corpus draws from
 * @param graphEdges distinct directed edges of the PageRank graph
 * @param graphVertices vertices of the PageRank graph
 * @param logregRows rows of the logistic-regression data
 * @param logregFeatures features per logistic-regression row
 * @param cacheElements elements of the RDD the cache workload passes over
 * @param tpchScale TPC-H scale factor
 */
public record DataSizes(String tag, long wordBytes, int vocabulary, int graphEdges, int graphVertices,
    int logregRows, int logregFeatures, long cacheElements, double tpchScale) {

  /** The sizes of a real run, with the given TPC-H scale factor. */
  public static DataSizes full(double tpchScale) {
    return new DataSizes("full", 200L << 20, 50_000, 1_000_000, 100_000, 1_000_000, 20, 10_000_000L,
        tpchScale);
  }

  /** Tiny sizes that keep every code path but run in seconds. */
  public static DataSizes smoke(double tpchScale) {
    return new DataSizes("smoke", 1L << 20, 5_000, 20_000, 2_000, 10_000, 20, 100_000L, tpchScale);
  }
}

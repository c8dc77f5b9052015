package dev.ember.bench.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where each data set lives under the data directory. Each data set is a directory holding a
 * {@code _SUCCESS} marker once it is complete, so an interrupted generation is redone, not reused.
 *
 * @param root the data directory
 * @param sizes how much data each workload gets
 */
public record DataLayout(Path root, DataSizes sizes) {

  /** Marker file written last into a complete data set directory. */
  public static final String SUCCESS = "_SUCCESS";

  /** Directory of the word-count corpus. */
  public Path wordsDir() {
    return root.resolve(sizes.tag()).resolve("words");
  }

  /** The word-count corpus: lines of space-separated words. */
  public Path words() {
    return wordsDir().resolve("words.txt");
  }

  /** Directory of the PageRank graph. */
  public Path graphDir() {
    return root.resolve(sizes.tag()).resolve("graph");
  }

  /** The PageRank graph: one {@code src dst} edge a line. */
  public Path graph() {
    return graphDir().resolve("edges.txt");
  }

  /** Directory of the logistic-regression data. */
  public Path logregDir() {
    return root.resolve(sizes.tag()).resolve("logreg");
  }

  /** The logistic-regression data: label (-1 or 1) then the features, space-separated. */
  public Path logreg() {
    return logregDir().resolve("points.txt");
  }

  /** Directory of the TPC-H tables, as {@code NAME.tbl} ('|'-separated) and {@code NAME.parquet}. */
  public Path tpchDir() {
    return root.resolve(String.format(Locale.ROOT, "tpch-sf%s", formatScale(sizes.tpchScale())));
  }

  static String formatScale(double scale) {
    String text = Double.toString(scale);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}

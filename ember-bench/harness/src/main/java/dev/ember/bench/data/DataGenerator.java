package dev.ember.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Generates each data set the run needs, deterministically (fixed seeds), unless a complete one is
 * already there. A data set is written into a temporary sibling directory and moved into place with
 * its {@code _SUCCESS} marker, so a half-written one is never reused.
 */
public final class DataGenerator {

  /** Writes the files of one data set into the given (empty) directory. */
  @FunctionalInterface
  interface Writer {
    void write(Path dir) throws Exception;
  }

  private final DataLayout layout;
  private final Consumer<String> log;

  /** A generator for this layout that reports what it does to {@code log}. */
  public DataGenerator(DataLayout layout, Consumer<String> log) {
    this.layout = layout;
    this.log = log;
  }

  /** Makes sure the word-count corpus exists. */
  public void words() {
    DataSizes sizes = layout.sizes();
    ensure(layout.wordsDir(), "word corpus",
        dir -> WordCorpusGenerator.write(dir.resolve("words.txt"), sizes.wordBytes(), sizes.vocabulary()));
  }

  /** Makes sure the PageRank graph exists. */
  public void graph() {
    DataSizes sizes = layout.sizes();
    ensure(layout.graphDir(), "graph",
        dir -> GraphGenerator.write(dir.resolve("edges.txt"), sizes.graphEdges(), sizes.graphVertices()));
  }

  /** Makes sure the logistic-regression points exist. */
  public void logreg() {
    DataSizes sizes = layout.sizes();
    ensure(layout.logregDir(), "logistic-regression points",
        dir -> LogRegDataGenerator.write(dir.resolve("points.txt"), sizes.logregRows(),
            sizes.logregFeatures()));
  }

  /** Makes sure the TPC-H tables exist at the layout's scale factor. */
  public void tpch() {
    ensure(layout.tpchDir(), "TPC-H tables", dir -> TpchGenerator.write(dir, layout.sizes().tpchScale()));
  }

  private void ensure(Path dir, String what, Writer writer) {
    if (Files.exists(dir.resolve(DataLayout.SUCCESS))) {
      return;
    }
    Path temporary = dir.resolveSibling(dir.getFileName() + ".tmp");
    long start = System.nanoTime();
    log.accept("generating " + what + " into " + dir);
    try {
      deleteRecursively(temporary);
      deleteRecursively(dir);
      Files.createDirectories(temporary);
      writer.write(temporary);
      Files.createFile(temporary.resolve(DataLayout.SUCCESS));
      Files.move(temporary, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("could not generate the " + what + " in " + dir, e);
    }
    log.accept(String.format("generated %s in %.1f s", what, (System.nanoTime() - start) / 1e9));
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}

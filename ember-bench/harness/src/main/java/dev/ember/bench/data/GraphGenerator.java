package dev.ember.bench.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a directed power-law graph: distinct edges without self-loops whose sources and targets are
 * drawn with Zipf-like skew, so a few vertices have most of the links as in a web graph.
 */
final class GraphGenerator {

  private static final long SEED = 20_240_302L;

  private GraphGenerator() {
  }

  static void write(Path file, int edges, int vertices) throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    ZipfSampler sources = new ZipfSampler(vertices, 0.8);
    ZipfSampler targets = new ZipfSampler(vertices, 1.0);
    int[] sourceIds = permutation(vertices, random);
    int[] targetIds = permutation(vertices, random);
    Set<Long> seen = new HashSet<>(edges * 2);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      while (seen.size() < edges) {
        int src = sourceIds[sources.sample(random)];
        int dst = targetIds[targets.sample(random)];
        if (src != dst && seen.add((long) src * vertices + dst)) {
          out.append(Integer.toString(src)).append(' ').append(Integer.toString(dst)).append('\n');
        }
      }
    }
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = ids[i];
      ids[i] = ids[j];
      ids[j] = swap;
    }
    return ids;
  }
}

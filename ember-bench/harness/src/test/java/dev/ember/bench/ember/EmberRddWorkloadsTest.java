package dev.ember.bench.ember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.EmberContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks Ember's RDD workloads against plain sequential versions of the same algorithms, on lines
 * given with {@code parallelize}, so they are known to work before {@code textFile} lets the
 * benchmark run them on files.
 */
class EmberRddWorkloadsTest {

  private EmberContext ctx;

  @BeforeEach
  void start() {
    ctx = new EmberContext("local[2]", "EmberRddWorkloadsTest");
  }

  @AfterEach
  void stop() {
    ctx.stop();
  }

  @Test
  void wordCountCountsDistinctAndTotalWords() {
    List<String> lines = List.of("a b a", "c a", "b");

    assertThat(EmberRddWorkloads.wordCount(ctx.parallelize(lines, 2))).containsExactly(3.0, 6.0, 3.0);
  }

  @Test
  void pageRankMatchesASequentialPageRank() {
    List<String> edges = List.of("1 2", "1 3", "2 3", "3 1", "4 3", "4 1", "2 4");

    List<Double> answer = EmberRddWorkloads.pageRank(ctx.parallelize(edges, 2), 10);

    Map<String, Double> expected = sequentialPageRank(edges, 10);
    assertThat(answer.get(0)).isEqualTo(expected.size());
    assertThat(answer.get(1)).isCloseTo(expected.values().stream().mapToDouble(x -> x).sum(), within(1e-9));
    assertThat(answer.get(2)).isCloseTo(expected.values().stream().mapToDouble(x -> x).max().orElseThrow(),
        within(1e-9));
  }

  @Test
  void logisticRegressionMatchesSequentialGradientDescent() {
    List<String> points = List.of("-1 -0.5 0.2", "1 0.7 1.1", "-1 -1.2 -0.3", "1 0.4 0.9", "1 1.5 -0.2");

    List<Double> answer = EmberRddWorkloads.logisticRegression(ctx.parallelize(points, 2), 2, 5);

    double[] weights = EmberRddWorkloads.initialWeights(2);
    for (int iteration = 0; iteration < 5; iteration++) {
      double[] gradient = new double[2];
      for (String line : points) {
        gradient = EmberRddWorkloads.add(gradient,
            EmberRddWorkloads.gradient(weights, EmberRddWorkloads.parsePoint(line)));
      }
      for (int i = 0; i < 2; i++) {
        weights[i] -= gradient[i];
      }
    }
    assertThat(answer.get(0)).isCloseTo(weights[0], within(1e-9));
    assertThat(answer.get(1)).isCloseTo(weights[1], within(1e-9));
  }

  @Test
  void cachedAndUncachedPassesAgree() {
    long uncached = EmberRddWorkloads.passes(EmberRddWorkloads.cacheInput(ctx, 10_000, 2), 3);
    long cached = EmberRddWorkloads.passes(EmberRddWorkloads.cacheInput(ctx, 10_000, 2).cache(), 3);

    assertThat(cached).isEqualTo(uncached);
  }

  private static Map<String, Double> sequentialPageRank(List<String> edges, int iterations) {
    Map<String, List<String>> links = new HashMap<>();
    for (String edge : edges) {
      String[] parts = edge.split(" ");
      links.computeIfAbsent(parts[0], key -> new ArrayList<>()).add(parts[1]);
    }
    Map<String, Double> ranks = new HashMap<>();
    links.keySet().forEach(source -> ranks.put(source, 1.0));
    for (int iteration = 0; iteration < iterations; iteration++) {
      Map<String, Double> sums = new HashMap<>();
      for (Map.Entry<String, List<String>> entry : links.entrySet()) {
        Double rank = ranks.get(entry.getKey());
        if (rank == null) {
          continue;
        }
        for (String target : entry.getValue()) {
          sums.merge(target, rank / entry.getValue().size(), Double::sum);
        }
      }
      ranks.clear();
      sums.forEach((vertex, sum) -> ranks.put(vertex, 0.15 + sum * 0.85));
    }
    return ranks;
  }
}

package dev.ember.examples;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.Tuple2;
import dev.ember.rdd.PairRDD;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Computes the PageRank of the nodes of a graph given as an edge list ({@code src dst} per line), iterating
 * {@code rank = 0.15 + 0.85 * sum(contributions)}, and prints {@code NODE has rank: RANK.} per node.
 *
 * <p>Usage: {@code run-example PageRank FILE ITERATIONS}
 */
public final class PageRank {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private PageRank() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("Usage: PageRank <file> <iterations>");
      System.exit(1);
    }
    int iterations = Integer.parseInt(args[1]);
    EmberConf conf = new EmberConf().setIfMissing("spark.app.name", "PageRank")
        .setIfMissing("spark.master", "local[*]");
    try (EmberContext sc = new EmberContext(conf)) {
      PairRDD<String, Iterable<String>> links = sc.textFile(args[0])
          .filter(line -> !line.isBlank())
          .mapToPair(line -> {
            String[] parts = SPACES.split(line.trim());
            return new Tuple2<>(parts[0], parts[1]);
          })
          .distinct()
          .groupByKey()
          .cache();
      PairRDD<String, Double> ranks = links.mapValues(neighbours -> 1.0);
      for (int i = 0; i < iterations; i++) {
        PairRDD<String, Double> contributions = links.join(ranks).values().flatMapToPair(pair -> {
          List<String> targets = new ArrayList<>();
          pair._1().forEach(targets::add);
          List<Tuple2<String, Double>> out = new ArrayList<>(targets.size());
          for (String target : targets) {
            out.add(new Tuple2<>(target, pair._2() / targets.size()));
          }
          return out.iterator();
        });
        ranks = contributions.reduceByKey(Double::sum).mapValues(sum -> 0.15 + 0.85 * sum);
      }
      for (Tuple2<String, Double> rank : ranks.collect()) {
        System.out.println(rank._1() + " has rank: " + rank._2() + ".");
      }
    }
  }
}

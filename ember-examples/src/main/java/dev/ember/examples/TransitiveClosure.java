package dev.ember.examples;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.Tuple2;
import dev.ember.rdd.PairRDD;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Computes the transitive closure of a random graph by joining paths with edges until no new path appears,
 * and prints how many edges the closure has.
 *
 * <p>Usage: {@code run-example TransitiveClosure [SLICES]}
 */
public final class TransitiveClosure {

  private static final int NUM_EDGES = 200;
  private static final int NUM_VERTICES = 100;

  private TransitiveClosure() {}

  /** A random graph with a fixed seed, so runs are comparable. */
  static List<Tuple2<Integer, Integer>> generateGraph() {
    Random random = new Random(42);
    Set<Tuple2<Integer, Integer>> edges = new HashSet<>();
    while (edges.size() < NUM_EDGES) {
      int from = random.nextInt(NUM_VERTICES);
      int to = random.nextInt(NUM_VERTICES);
      if (from != to) {
        edges.add(new Tuple2<>(from, to));
      }
    }
    return new ArrayList<>(edges);
  }

  public static void main(String[] args) {
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    EmberConf conf = new EmberConf().setIfMissing("spark.app.name", "TransitiveClosure")
        .setIfMissing("spark.master", "local[*]");
    try (EmberContext sc = new EmberContext(conf)) {
      PairRDD<Integer, Integer> paths = PairRDD.fromRDD(sc.parallelize(generateGraph(), slices)).cache();
      // Edges reversed, keyed by their destination, so a join extends a path by one edge.
      PairRDD<Integer, Integer> edges = paths.rdd().mapToPair(edge -> new Tuple2<>(edge._2(), edge._1()));
      long oldCount;
      long nextCount = paths.count();
      do {
        oldCount = nextCount;
        PairRDD<Integer, Integer> extended = paths.join(edges, slices).rdd()
            .mapToPair(triple -> new Tuple2<>(triple._2()._2(), triple._2()._1()));
        // A fixed partition count keeps every iteration's stages the same size.
        paths = paths.union(extended).distinct(slices).cache();
        nextCount = paths.count();
      } while (nextCount != oldCount);
      System.out.println("TC has " + paths.count() + " edges.");
    }
  }
}

package dev.ember.examples;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Estimates Pi by throwing darts at a square: the fraction that lands inside the inscribed circle is Pi/4.
 *
 * <p>Usage: {@code run-example Pi [SLICES]}
 */
public final class Pi {

  private Pi() {}

  public static void main(String[] args) {
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int n = (int) Math.min(100_000L * slices, Integer.MAX_VALUE);
    EmberConf conf = new EmberConf().setIfMissing("spark.app.name", "Pi").setIfMissing("spark.master", "local[*]");
    try (EmberContext sc = new EmberContext(conf)) {
      List<Integer> seeds = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        seeds.add(i);
      }
      long inside = sc.parallelize(seeds, slices).filter(i -> {
        double x = ThreadLocalRandom.current().nextDouble() * 2 - 1;
        double y = ThreadLocalRandom.current().nextDouble() * 2 - 1;
        return x * x + y * y <= 1;
      }).count();
      System.out.println("Pi is roughly " + 4.0 * inside / n);
    }
  }
}

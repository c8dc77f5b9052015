package dev.ember.examples;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.Tuple2;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Counts the words of a text file (or directory, or glob) and prints one {@code word: count} line per word.
 *
 * <p>Usage: {@code run-example WordCount FILE}
 */
public final class WordCount {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private WordCount() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("Usage: WordCount <file>");
      System.exit(1);
    }
    EmberConf conf = new EmberConf().setIfMissing("spark.app.name", "WordCount")
        .setIfMissing("spark.master", "local[*]");
    try (EmberContext sc = new EmberContext(conf)) {
      List<Tuple2<String, Integer>> counts = sc.textFile(args[0])
          .flatMap(line -> Arrays.stream(SPACES.split(line)).filter(w -> !w.isEmpty()).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1))
          .reduceByKey(Integer::sum)
          .collect();
      for (Tuple2<String, Integer> count : counts) {
        System.out.println(count._1() + ": " + count._2());
      }
    }
  }
}

package dev.ember.rdd;

import dev.ember.Dependency;
import dev.ember.ShuffleDependency;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an RDD's lineage as Spark's {@code toDebugString} does: one line per RDD (its name, class, id and
 * creation site, then its storage level in brackets) with its partition count in parentheses where a stage
 * begins, indentation per level, and {@code +-} where a shuffle separates stages.
 *
 * <pre>
 * (2) ShuffledRDD[4] at reduceByKey at WordCount.java:33 [Memory Deserialized 1x Replicated]
 *  +-(2) MapPartitionsRDD[3] at mapToPair at WordCount.java:32 []
 *     |  ParallelCollectionRDD[0] at parallelize at WordCount.java:30 []
 * </pre>
 */
final class RDDDebugString {

  private RDDDebugString() {}

  static String of(RDD<?> rdd) {
    String partitions = "(" + rdd.getNumPartitions() + ")";
    String nextPrefix = childPrefix(partitions);
    List<String> lines = new ArrayList<>();
    lines.add(partitions + " " + describe(rdd));
    lines.addAll(children(rdd, nextPrefix));
    return String.join("\n", lines);
  }

  private static String describe(RDD<?> rdd) {
    StorageLevel level = rdd.getStorageLevel();
    return rdd + " [" + (level.isValid() ? description(level) : "") + "]";
  }

  /** A storage level as Spark's UI and debug strings word it, e.g. {@code Memory Deserialized 1x Replicated}. */
  static String description(StorageLevel level) {
    return (level.useDisk() ? "Disk " : "") + (level.useMemory() ? "Memory " : "")
        + (level.deserialized() ? "Deserialized " : "Serialized ") + level.replication() + "x Replicated";
  }

  private static String childPrefix(String partitions) {
    int leftOffset = (partitions.length() - 1) / 2;
    return " ".repeat(leftOffset) + "|" + " ".repeat(partitions.length() - leftOffset);
  }

  private static List<String> children(RDD<?> rdd, String prefix) {
    List<String> lines = new ArrayList<>();
    List<Dependency<?>> dependencies = rdd.dependencies();
    for (int i = 0; i < dependencies.size(); i++) {
      Dependency<?> dependency = dependencies.get(i);
      boolean last = i == dependencies.size() - 1;
      if (dependency instanceof ShuffleDependency<?, ?, ?>) {
        lines.addAll(shuffleParent(dependency.rdd(), prefix, last));
      } else {
        lines.add(prefix + describe(dependency.rdd()));
        lines.addAll(children(dependency.rdd(), prefix));
      }
    }
    return lines;
  }

  private static List<String> shuffleParent(RDD<?> rdd, String prefix, boolean lastChild) {
    String partitions = "(" + rdd.getNumPartitions() + ")";
    String thisPrefix = prefix.replaceAll("\\|\\s+$", "");
    String nextPrefix = thisPrefix + (lastChild ? "  " : "| ") + childPrefix(partitions);
    List<String> lines = new ArrayList<>();
    lines.add(thisPrefix + "+-" + partitions + " " + describe(rdd));
    lines.addAll(children(rdd, nextPrefix));
    return lines;
  }
}

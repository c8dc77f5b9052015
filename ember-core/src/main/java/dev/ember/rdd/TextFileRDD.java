package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.rdd.io.FileSplit;
import dev.ember.rdd.io.FileSplitter;
import dev.ember.rdd.io.InputPaths;
import dev.ember.rdd.io.SplitLineIterator;
import java.util.Iterator;
import java.util.List;

/**
 * The lines of text files, the RDD of {@code textFile}: one partition per {@link FileSplit}. Paths are resolved
 * when the partitions are first needed (the first action), so a missing path fails then, as in Spark.
 */
public final class TextFileRDD extends RDD<String> {

  private static final long serialVersionUID = 1L;
  /** The largest split of an uncompressed file, as Spark's {@code spark.files.maxPartitionBytes}. */
  public static final String MAX_PARTITION_BYTES = "ember.files.maxPartitionBytes";

  private final String path;
  private final int minPartitions;
  private final long maxSplitBytes;

  /** Lines of the files named by {@code path}, in at least {@code minPartitions} splits where sizes allow. */
  public TextFileRDD(EmberContext context, String path, int minPartitions) {
    super(context, List.of());
    this.path = path;
    this.minPartitions = minPartitions;
    this.maxSplitBytes = context.getConf().getSizeAsBytes(MAX_PARTITION_BYTES, "32m");
  }

  @Override
  protected Partition[] getPartitions() {
    List<FileSplit> splits = FileSplitter.split(InputPaths.resolve(path), minPartitions, maxSplitBytes);
    Partition[] partitions = new Partition[splits.size()];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] = new FilePartition(i, splits.get(i));
    }
    return partitions;
  }

  @Override
  public Iterator<String> compute(Partition split, TaskContext context) {
    return new SplitLineIterator(((FilePartition) split).split(), context);
  }

  /** The input path as given. */
  public String path() {
    return path;
  }

  /** One split of one file. */
  record FilePartition(int index, FileSplit split) implements Partition {}
}

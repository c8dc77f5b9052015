package dev.ember.sql.execution.adaptive;

import dev.ember.rdd.RDD;
import dev.ember.scheduler.PartitionFunction;
import dev.ember.sql.execution.BatchSizes;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.vector.ColumnarBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Computes a join's build side that is no exchange of its own (an aggregate, a filter or a join over the
 * stage's exchanges) to learn at run time whether it is small enough to broadcast: every task returns its
 * partition's batches to the driver, or gives up, dropping what it read, once they pass the threshold.
 * Sizes are estimated heap bytes (value widths, string lengths), not shuffle bytes.
 */
final class BuildSideProbe {

  private BuildSideProbe() {}

  /** The batches of all of {@code build}'s partitions if together at most {@code threshold} bytes, else null. */
  static List<ColumnarBatch> collectIfSmall(ExecutionContext context, RDD<ColumnarBatch> build, long threshold) {
    int[] partitions = new int[build.partitions().length];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] = i;
    }
    PartitionFunction<ColumnarBatch, ArrayList<ColumnarBatch>> probe = (task, batches) -> upTo(batches, threshold);
    List<ArrayList<ColumnarBatch>> results = context.emberContext().runJob(build, probe, partitions);
    List<ColumnarBatch> all = new ArrayList<>();
    long total = 0;
    for (ArrayList<ColumnarBatch> result : results) {
      if (result == null) {
        return null;
      }
      for (ColumnarBatch batch : result) {
        total += BatchSizes.estimatedBytes(batch);
        all.add(batch);
      }
    }
    return total <= threshold ? all : null;
  }

  /** The batches of one partition, or null as soon as they pass {@code threshold} bytes. */
  static ArrayList<ColumnarBatch> upTo(Iterator<ColumnarBatch> batches, long threshold) {
    ArrayList<ColumnarBatch> kept = new ArrayList<>();
    long bytes = 0;
    while (batches.hasNext()) {
      ColumnarBatch batch = batches.next();
      bytes += BatchSizes.estimatedBytes(batch);
      if (bytes > threshold) {
        return null;
      }
      if (batch.numRows() > 0) {
        kept.add(batch);
      }
    }
    return kept;
  }
}

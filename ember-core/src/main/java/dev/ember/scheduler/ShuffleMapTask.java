package dev.ember.scheduler;

import dev.ember.EmberEnv;
import dev.ember.Partition;
import dev.ember.ShuffleDependency;
import dev.ember.Tuple2;
import dev.ember.rdd.RDD;
import dev.ember.shuffle.ShuffleWriter;
import java.util.Properties;

/** A task of a map stage: computes its partition and writes it, partitioned, as shuffle output. */
public final class ShuffleMapTask extends Task<MapStatus> {

  private static final long serialVersionUID = 1L;

  public ShuffleMapTask(int stageId, int stageAttemptId, int jobId, Partition partition, byte[] taskBinary,
      Properties localProperties) {
    super(stageId, stageAttemptId, jobId, partition, taskBinary, localProperties);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Override
  protected MapStatus runTask(TaskContextImpl context, EmberEnv env) throws Exception {
    Tuple2<RDD<?>, ShuffleDependency<?, ?, ?>> binary = deserializeBinary(env);
    ShuffleDependency dependency = binary._2();
    ShuffleWriter writer = env.shuffleManager().getWriter(dependency, context.taskAttemptId(), context);
    boolean success = false;
    try {
      writer.write(((RDD) binary._1()).iterator(partition(), context));
      success = true;
    } finally {
      if (!success) {
        writer.stop(false);
      }
    }
    return writer.stop(true);
  }

  @Override
  public String toString() {
    return "ShuffleMapTask(" + stageId() + ", " + partitionId() + ")";
  }
}

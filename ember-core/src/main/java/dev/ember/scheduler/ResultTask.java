package dev.ember.scheduler;

import dev.ember.EmberEnv;
import dev.ember.Partition;
import dev.ember.Tuple2;
import dev.ember.rdd.RDD;
import java.util.Properties;

/** A task of the final stage of a job: computes its partition and applies the job's function to it. */
public final class ResultTask<T, U> extends Task<U> {

  private static final long serialVersionUID = 1L;
  private final int outputId;

  /** @param outputId the position of this task's result in the job's results */
  public ResultTask(int stageId, int stageAttemptId, int jobId, Partition partition, byte[] taskBinary,
      Properties localProperties, int outputId) {
    super(stageId, stageAttemptId, jobId, partition, taskBinary, localProperties);
    this.outputId = outputId;
  }

  /** The position of this task's result in the job's results. */
  public int outputId() {
    return outputId;
  }

  @Override
  protected U runTask(TaskContextImpl context, EmberEnv env) throws Exception {
    Tuple2<RDD<T>, PartitionFunction<T, U>> binary = deserializeBinary(env);
    return binary._2().apply(context, binary._1().iterator(partition(), context));
  }

  @Override
  public String toString() {
    return "ResultTask(" + stageId() + ", " + partitionId() + ")";
  }
}

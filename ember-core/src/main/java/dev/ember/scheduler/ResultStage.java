package dev.ember.scheduler;

import java.util.ArrayList;
import java.util.List;

/** The final stage of a job: applies the action's function to the partitions the job asked for. */
final class ResultStage extends Stage {

  final PartitionFunction<?, ?> function;
  final int[] partitions;
  ActiveJob activeJob;

  ResultStage(int id, dev.ember.rdd.RDD<?> rdd, PartitionFunction<?, ?> function, int[] partitions,
      List<Stage> parents, int firstJobId) {
    super(id, rdd, parents, firstJobId);
    this.function = function;
    this.partitions = partitions.clone();
  }

  @Override
  List<Integer> findMissingPartitions() {
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < partitions.length; i++) {
      if (activeJob == null || !activeJob.finished[i]) {
        missing.add(i);
      }
    }
    return missing;
  }

  @Override
  int numPartitions() {
    return partitions.length;
  }
}

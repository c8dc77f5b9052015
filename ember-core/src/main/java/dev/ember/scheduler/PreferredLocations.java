package dev.ember.scheduler;

import dev.ember.Dependency;
import dev.ember.NarrowDependency;
import dev.ember.rdd.RDD;
import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManagerId;
import dev.ember.storage.BlockManagerMaster;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a task should run, found as Spark's DAG scheduler finds it: the executors holding the partition's
 * cached block; else the RDD's own preferred locations (file splits' hosts, for example); else, through
 * narrow dependencies, the first parent partition that has a location. Shuffle dependencies end the search:
 * a reduce task reads from every map output, so it prefers nowhere.
 */
final class PreferredLocations {

  private final BlockManagerMaster blockManagerMaster;

  PreferredLocations(BlockManagerMaster blockManagerMaster) {
    this.blockManagerMaster = blockManagerMaster;
  }

  /** The locations partition {@code partition} of {@code rdd} prefers, closest first; empty if none. */
  List<TaskLocation> of(RDD<?> rdd, int partition) {
    return find(rdd, partition, new HashSet<>());
  }

  private List<TaskLocation> find(RDD<?> rdd, int partition, Set<Long> visited) {
    if (!visited.add(((long) rdd.id() << 32) | partition)) {
      return List.of();
    }
    List<TaskLocation> cached = cacheLocations(rdd, partition);
    if (!cached.isEmpty()) {
      return cached;
    }
    List<String> own = rdd.preferredLocations(rdd.partitions()[partition]);
    if (!own.isEmpty()) {
      List<TaskLocation> locations = new ArrayList<>(own.size());
      own.forEach(location -> locations.add(TaskLocation.parse(location)));
      return List.copyOf(locations);
    }
    for (Dependency<?> dependency : rdd.dependencies()) {
      if (dependency instanceof NarrowDependency<?> narrow) {
        for (int parentPartition : narrow.getParents(partition)) {
          List<TaskLocation> locations = find(narrow.rdd(), parentPartition, visited);
          if (!locations.isEmpty()) {
            return locations;
          }
        }
      }
    }
    return List.of();
  }

  private List<TaskLocation> cacheLocations(RDD<?> rdd, int partition) {
    if (!rdd.getStorageLevel().isValid()) {
      return List.of();
    }
    List<BlockManagerId> holders = blockManagerMaster.getLocations(new BlockId.RDDBlockId(rdd.id(), partition));
    if (holders.isEmpty()) {
      return List.of();
    }
    List<TaskLocation> locations = new ArrayList<>(holders.size());
    for (BlockManagerId holder : holders) {
      locations.add(TaskLocation.executor(holder.host(), holder.executorId()));
    }
    return List.copyOf(locations);
  }
}

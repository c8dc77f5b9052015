package dev.ember.cluster.master;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides where an application's next executors go, spreading them over the workers: each pass places at
 * most one executor per worker, on the workers with the most free cores first, until the application has the
 * cores it asked for ({@code spark.cores.max}) or nothing more fits. An application that does not set
 * {@code spark.executor.cores} gets one executor per worker with all the cores it can use there.
 */
final class ExecutorAllocator {

  /** One executor to launch. */
  record Placement(WorkerInfo worker, int cores) {}

  private ExecutorAllocator() {}

  /** The executors to add for {@code app} on {@code workers}, given what is already placed. */
  static List<Placement> allocate(ApplicationInfo app, List<WorkerInfo> workers) {
    List<Placement> placements = new ArrayList<>();
    int wanted = app.coresWanted();
    int perExecutor = app.request.coresPerExecutor();
    int memory = app.request.memoryPerExecutorMb();
    List<WorkerInfo> byFreeCores = new ArrayList<>(workers);
    byFreeCores.sort(Comparator.comparingInt(WorkerInfo::coresFree).reversed());
    int[] coresFree = byFreeCores.stream().mapToInt(WorkerInfo::coresFree).toArray();
    int[] memoryFree = byFreeCores.stream().mapToInt(WorkerInfo::memoryFreeMb).toArray();
    boolean[] used = new boolean[byFreeCores.size()];
    boolean progress = true;
    while (wanted > 0 && progress) {
      progress = false;
      for (int i = 0; i < byFreeCores.size() && wanted > 0; i++) {
        WorkerInfo worker = byFreeCores.get(i);
        int cores = perExecutor > 0 ? perExecutor : Math.min(coresFree[i], wanted);
        boolean oneOnly = perExecutor <= 0 && (used[i] || worker.hasExecutorOf(app));
        if (oneOnly || cores <= 0 || cores > coresFree[i] || cores > wanted || memory > memoryFree[i]) {
          continue;
        }
        placements.add(new Placement(worker, cores));
        coresFree[i] -= cores;
        memoryFree[i] -= memory;
        used[i] = true;
        wanted -= cores;
        progress = true;
      }
    }
    return placements;
  }
}

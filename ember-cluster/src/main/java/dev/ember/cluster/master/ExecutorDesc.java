package dev.ember.cluster.master;

/** An executor the master placed on a worker for an application. Guarded by the master's lock. */
final class ExecutorDesc {

  final String executorId;
  final ApplicationInfo app;
  final WorkerInfo worker;
  final int cores;
  final int memoryMb;
  String state = "LAUNCHING";
  long pid = -1;

  ExecutorDesc(String executorId, ApplicationInfo app, WorkerInfo worker, int cores, int memoryMb) {
    this.executorId = executorId;
    this.app = app;
    this.worker = worker;
    this.cores = cores;
    this.memoryMb = memoryMb;
  }

  /** The key under which a worker knows this executor: its application and id. */
  String fullId() {
    return app.id + "/" + executorId;
  }
}

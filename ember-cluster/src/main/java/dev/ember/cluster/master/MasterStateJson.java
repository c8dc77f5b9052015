package dev.ember.cluster.master;

import java.util.Collection;
import java.util.StringJoiner;

/** Writes the master's state as JSON by hand: a handful of fields needs no JSON library. */
final class MasterStateJson {

  private MasterStateJson() {}

  static String write(String url, Collection<WorkerInfo> workers, Collection<ApplicationInfo> apps) {
    StringJoiner workerList = new StringJoiner(",", "[", "]");
    for (WorkerInfo worker : workers) {
      workerList.add("{\"id\":" + quote(worker.id) + ",\"host\":" + quote(worker.host) + ",\"cores\":"
          + worker.cores + ",\"coresused\":" + worker.coresUsed() + ",\"memory\":" + worker.memoryMb
          + ",\"memoryused\":" + worker.memoryUsedMb() + ",\"state\":\"ALIVE\",\"lastheartbeat\":"
          + worker.lastHeartbeatMs + ",\"executors\":" + executors(worker.executors.values()) + "}");
    }
    StringJoiner appList = new StringJoiner(",", "[", "]");
    for (ApplicationInfo app : apps) {
      appList.add("{\"id\":" + quote(app.id) + ",\"name\":" + quote(app.request.name()) + ",\"cores\":"
          + app.coresGranted() + ",\"memoryperexecutor\":" + app.request.memoryPerExecutorMb()
          + ",\"executors\":" + executors(app.executors.values()) + "}");
    }
    return "{\"url\":" + quote(url) + ",\"aliveworkers\":" + workers.size() + ",\"workers\":" + workerList
        + ",\"activeapps\":" + appList + "}";
  }

  private static String executors(Collection<ExecutorDesc> executors) {
    StringJoiner list = new StringJoiner(",", "[", "]");
    for (ExecutorDesc executor : executors) {
      list.add("{\"appid\":" + quote(executor.app.id) + ",\"id\":" + quote(executor.executorId) + ",\"worker\":"
          + quote(executor.worker.id) + ",\"cores\":" + executor.cores + ",\"memory\":" + executor.memoryMb
          + ",\"state\":" + quote(executor.state) + ",\"pid\":" + executor.pid + "}");
    }
    return list.toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

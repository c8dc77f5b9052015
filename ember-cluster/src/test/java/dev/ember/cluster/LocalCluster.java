package dev.ember.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A master and workers started as separate JVM processes on 127.0.0.1, with free ports, for tests. Every
 * process (and every executor a worker launched) is stopped by {@link #close()}.
 */
final class LocalCluster implements AutoCloseable {

  static final String SECRET = "test-cluster-secret";

  private final Path dir;
  private final int masterPort = freePort();
  private final int webUiPort = freePort();
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workerProcesses = new ArrayList<>();
  private Process master;
  private final List<ProcessHandle> seen = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  LocalCluster(Path dir, int workers) throws Exception {
    this.dir = dir;
    startMaster("master");
    awaitState(json -> json.contains("\"aliveworkers\":0"), "the master to answer");
    for (int i = 0; i < workers; i++) {
      Process worker = start("worker-" + i, "dev.ember.cluster.worker.Worker", masterUrl(), "--cores", "1",
          "--memory", "512m", "--host", "127.0.0.1", "--work-dir", dir.resolve("work-" + i).toString());
      processes.add(worker);
      workerProcesses.add(worker);
    }
    awaitState(json -> json.contains("\"aliveworkers\":" + workers), workers + " workers to register");
  }

  private void startMaster(String logName) throws IOException {
    master = start(logName, "dev.ember.cluster.master.Master", "--host", "127.0.0.1",
        "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(webUiPort));
    processes.add(master);
  }

  /** Kills the master with SIGKILL and starts a new one on the same ports. */
  void restartMaster() throws Exception {
    master.destroyForcibly().waitFor();
    startMaster("master-restarted");
  }

  /** Kills worker {@code index} with SIGKILL, as a machine that dies would. */
  void killWorker(int index) throws InterruptedException {
    Process worker = workerProcesses.get(index);
    worker.descendants().forEach(seen::add);
    worker.destroyForcibly().waitFor();
  }

  String masterUrl() {
    return "ember://127.0.0.1:" + masterPort;
  }

  /** The master's log so far. */
  String masterLog() throws IOException {
    return masterLog("master");
  }

  String masterLog(String name) throws IOException {
    return Files.readString(dir.resolve(name + ".log"));
  }

  String workerLog(int index) throws IOException {
    return Files.readString(dir.resolve("worker-" + index + ".log"));
  }

  /** The master's state now, failing the test if the master does not answer. */
  String currentState() {
    try {
      return stateJson();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("The master's web UI did not answer", e);
    }
  }

  String stateJson() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json"))
        .timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Waits (at most 30 s) until the master's JSON state satisfies {@code condition}. */
  String awaitState(Predicate<String> condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    String last = "";
    while (System.currentTimeMillis() < deadline) {
      try {
        last = stateJson();
        if (condition.test(last)) {
          return last;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Timed out waiting for " + what + "; last state: " + last);
  }

  /** The pids of the running executors in the master's state (listed under workers and again under apps). */
  List<Long> executorPids(String json) {
    List<Long> pids = new ArrayList<>();
    Matcher matcher = Pattern.compile("\"state\":\"RUNNING\",\"pid\":(\\d+)").matcher(json);
    while (matcher.find()) {
      long pid = Long.parseLong(matcher.group(1));
      if (!pids.contains(pid)) {
        pids.add(pid);
      }
    }
    return pids;
  }

  /** Every process started, and every executor seen under a worker, still alive. */
  List<ProcessHandle> liveProcesses() {
    List<ProcessHandle> alive = new ArrayList<>();
    for (Process process : processes) {
      process.descendants().forEach(seen::add);
      if (process.isAlive()) {
        alive.add(process.toHandle());
      }
    }
    seen.stream().filter(ProcessHandle::isAlive).forEach(alive::add);
    return alive;
  }

  private Process start(String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-Dspark.authenticate=true", "-Dspark.authenticate.secret=" + SECRET,
        "-Dspark.worker.timeout=4s", "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
  }

  @Override
  public void close() throws Exception {
    liveProcesses();
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process process = processes.get(i);
      process.destroy();
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
    long deadline = System.currentTimeMillis() + 10_000;
    for (ProcessHandle handle : seen) {
      while (handle.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      if (handle.isAlive()) {
        handle.destroyForcibly();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

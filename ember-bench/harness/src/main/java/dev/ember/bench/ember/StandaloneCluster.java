package dev.ember.bench.ember;

import java.io.File;
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
import java.util.concurrent.TimeUnit;

/**
 * A standalone Ember cluster on this machine for the benchmark: a master and {@code workers} one-core
 * workers, each a JVM process started from this process's classpath, as {@code bin/ember-master} and
 * {@code bin/ember-worker} start them. Their logs go to {@code logDir}. {@link #close()} stops them all,
 * and the executors the workers launched.
 */
final class StandaloneCluster implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final Path logDir;
  private final int masterPort = freePort();
  private final int webUiPort = freePort();
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * Starts the master and the workers and waits until every worker has registered.
   *
   * @param workerMemoryMb the memory each worker offers, enough for one executor
   */
  StandaloneCluster(Path logDir, int workers, int workerMemoryMb) throws IOException, InterruptedException {
    this.logDir = logDir;
    try {
      start("master", "dev.ember.cluster.master.Master", "--host", "127.0.0.1", "--port",
          String.valueOf(masterPort), "--webui-port", String.valueOf(webUiPort));
      for (int i = 0; i < workers; i++) {
        start("worker-" + i, "dev.ember.cluster.worker.Worker", masterUrl(), "--cores", "1", "--memory",
            workerMemoryMb + "m", "--host", "127.0.0.1", "--work-dir", logDir.resolve("work-" + i).toString());
      }
      awaitWorkers(workers);
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The URL drivers connect to: {@code ember://127.0.0.1:PORT}. */
  String masterUrl() {
    return "ember://127.0.0.1:" + masterPort;
  }

  private void start(String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx256m", "-cp", absoluteClasspath(), mainClass));
    command.addAll(List.of(args));
    processes.add(new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logDir.resolve(name + ".log").toFile()).start());
  }

  private void awaitWorkers(int workers) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IOException("A cluster process exited with " + process.exitValue() + "; see the logs in "
              + logDir);
        }
      }
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json"))
            .timeout(Duration.ofSeconds(5)).build();
        last = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        if (last.contains("\"aliveworkers\":" + workers)) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100);
    }
    throw new IOException("The cluster did not come up within " + STARTUP_TIMEOUT + " (last state: " + last
        + "); see the logs in " + logDir);
  }

  /** Stops the workers (which stop their executors), then the master. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> descendants = new ArrayList<>();
    processes.forEach(process -> process.descendants().forEach(descendants::add));
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process process = processes.get(i);
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    for (ProcessHandle handle : descendants) {
      if (handle.isAlive()) {
        handle.destroyForcibly();
      }
    }
  }

  /** This process's classpath with absolute entries: executors run in the workers' work directories. */
  private static String absoluteClasspath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }

  /** Deletes {@code dir} and everything under it, as far as possible. */
  static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temporary directory left behind is harmless.
    }
  }
}

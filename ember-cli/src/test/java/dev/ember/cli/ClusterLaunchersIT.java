package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a cluster with bin/ember-master and bin/ember-worker and runs the examples on it with run-example. */
class ClusterLaunchersIT {

  private static final Path HOME = Path.of(System.getProperty("ember.home", "..")).toAbsolutePath().normalize();

  @TempDir
  static Path temp;
  private static final List<Process> launched = new ArrayList<>();
  private static final List<ProcessHandle> seen = new ArrayList<>();
  private static int masterPort;
  private static int webUiPort;

  @BeforeAll
  static void startCluster() throws Exception {
    masterPort = freePort();
    webUiPort = freePort();
    launched.add(launch("master.log", HOME.resolve("bin/ember-master").toString(), "--host", "127.0.0.1",
        "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(webUiPort)));
    awaitJson("\"aliveworkers\":0");
    for (int i = 0; i < 2; i++) {
      launched.add(launch("worker-" + i + ".log", HOME.resolve("bin/ember-worker").toString(),
          "ember://127.0.0.1:" + masterPort, "--cores", "1", "--memory", "512m", "--host", "127.0.0.1",
          "--work-dir", temp.resolve("work-" + i).toString()));
    }
    awaitJson("\"aliveworkers\":2");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (Process process : launched) {
      process.descendants().forEach(seen::add);
    }
    for (int i = launched.size() - 1; i >= 0; i--) {
      launched.get(i).destroy();
      if (!launched.get(i).waitFor(15, TimeUnit.SECONDS)) {
        launched.get(i).destroyForcibly();
      }
    }
    long deadline = System.currentTimeMillis() + 10_000;
    while (seen.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(seen.stream().filter(ProcessHandle::isAlive).toList()).as("executors left behind").isEmpty();
  }

  private static Process launch(String log, String... command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true)
        .redirectOutput(temp.resolve(log).toFile());
    builder.environment().put("EMBER_LOG_LEVEL", "info");
    return builder.start();
  }

  private static void awaitJson(String expected) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 60_000;
    String last = "";
    while (System.currentTimeMillis() < deadline) {
      try {
        last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        if (last.contains(expected)) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Timed out waiting for " + expected + " in the master's state: " + last);
  }

  private static List<String> onCluster(String... exampleAndArgs) {
    List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/run-example").toString(),
        "--master", "ember://127.0.0.1:" + masterPort, "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.executor.memory=256m"));
    command.addAll(List.of(exampleAndArgs));
    return command;
  }

  @Test
  void wordCountRunsOnTheCluster() throws Exception {
    Path input = Files.writeString(temp.resolve("words.txt"), "a b a\nc  a\n\nb\n");

    LaunchersIT.Result result = LaunchersIT.run(onCluster("WordCount", input.toString()));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().sorted()).containsExactly("a: 3", "b: 2", "c: 1");
    assertThat(Files.readString(temp.resolve("master.log"))).contains("Registered application");
  }

  @Test
  void pageRankOnTheClusterMatchesHandComputedRanks() throws Exception {
    Path edges = Files.writeString(temp.resolve("edges.txt"), "1 2\n1 3\n2 3\n3 1\n4 1\n1 2\n");

    LaunchersIT.Result result = LaunchersIT.run(onCluster("PageRank", edges.toString(), "10"));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().sorted()).containsExactly(
        "1 has rank: 1.2405670780305078.",
        "2 has rank: 0.6863156877380461.",
        "3 has rank: 1.2699916385721675.");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

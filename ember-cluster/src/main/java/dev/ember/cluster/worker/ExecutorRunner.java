package dev.ember.cluster.worker;

import dev.ember.cluster.deploy.DeployMessages;
import dev.ember.cluster.network.TransportConf;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One executor JVM a worker launched: {@code java -Xmx<memory> -cp <the worker's classpath>
 * dev.ember.cluster.executor.ExecutorMain ...}, with its output in the worker's work directory, and its exit
 * reported to the master.
 */
final class ExecutorRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorRunner.class);

  private final DeployMessages.LaunchExecutor launch;
  private final String host;
  private final Path workDir;
  private final String secret;
  private volatile Process process;

  ExecutorRunner(DeployMessages.LaunchExecutor launch, String host, Path workDir, String secret) {
    this.launch = launch;
    this.host = host;
    this.workDir = workDir;
    this.secret = secret;
  }

  /**
   * Starts the process; {@code onChange} hears {@code RUNNING} with its pid, then {@code EXITED} with its exit
   * code.
   */
  void start(Consumer<DeployMessages.ExecutorStateChanged> onChange) throws IOException {
    Path dir = workDir.resolve(launch.appId()).resolve(launch.executorId());
    Files.createDirectories(dir);
    ProcessBuilder builder = new ProcessBuilder(command())
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile());
    if (secret != null) {
      builder.environment().put(TransportConf.SECRET_ENV, secret);
    }
    process = builder.start();
    LOG.info("Started executor {}/{} as process {}", launch.appId(), launch.executorId(), process.pid());
    onChange.accept(new DeployMessages.ExecutorStateChanged(launch.appId(), launch.executorId(), "RUNNING",
        process.pid(), 0));
    process.onExit().thenAccept(exited -> {
      LOG.info("Executor {}/{} exited with code {}", launch.appId(), launch.executorId(), exited.exitValue());
      onChange.accept(new DeployMessages.ExecutorStateChanged(launch.appId(), launch.executorId(), "EXITED",
          exited.pid(), exited.exitValue()));
    });
  }

  private List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + launch.memoryMb() + "m");
    String logLevel = System.getProperty("org.slf4j.simpleLogger.defaultLogLevel");
    if (logLevel != null) {
      command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + logLevel);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.ember.cluster.executor.ExecutorMain");
    command.addAll(List.of("--driver-host", launch.driverHost(), "--driver-port", String.valueOf(launch.driverPort()),
        "--executor-id", launch.executorId(), "--app-id", launch.appId(), "--hostname", host,
        "--cores", String.valueOf(launch.cores())));
    return command;
  }

  /** Stops the process: politely, then forcibly after a few seconds. */
  void kill() {
    Process running = process;
    if (running == null || !running.isAlive()) {
      return;
    }
    running.destroy();
    try {
      if (!running.waitFor(5, TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      running.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The directory where this executor's output goes. */
  File directory() {
    return workDir.resolve(launch.appId()).resolve(launch.executorId()).toFile();
  }
}

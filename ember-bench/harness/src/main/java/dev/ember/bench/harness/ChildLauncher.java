package dev.ember.bench.harness;

import dev.ember.bench.run.PeakMemory;
import dev.ember.bench.run.ResultLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts one child JVM, reads its result line from standard output, and records its standard error
 * and any other output in a log file. Measures the wall time from launch to the result line (the
 * startup workload's figure) and, in case the child could not, its peak resident set.
 */
final class ChildLauncher {

  private final Duration timeout;

  ChildLauncher(Duration timeout) {
    this.timeout = timeout;
  }

  EngineOutcome launch(List<String> command, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      long start = System.nanoTime();
      Process process = builder.start();
      Optional<ResultLine> result = Optional.empty();
      double wallMs = -1;
      long harnessRss = -1;
      Watchdog watchdog = new Watchdog(process, timeout);
      watchdog.start();
      try (BufferedReader out = new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          Writer logWriter = Files.newBufferedWriter(log.resolveSibling(log.getFileName() + ".out"),
              StandardCharsets.UTF_8)) {
        String line;
        while ((line = out.readLine()) != null) {
          Optional<ResultLine> parsed = ResultLine.parse(line);
          if (parsed.isPresent() && result.isEmpty()) {
            wallMs = (System.nanoTime() - start) / 1e6;
            harnessRss = PeakMemory.peakRssKb(process.pid());
            result = parsed;
          }
          logWriter.write(line);
          logWriter.write('\n');
        }
      }
      boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      watchdog.interrupt();
      if (!exited) {
        process.destroyForcibly();
        return error("timed out after " + timeout + "; see " + log);
      }
      if (watchdog.fired()) {
        return error("timed out after " + timeout + "; see " + log);
      }
      if (result.isEmpty() || process.exitValue() != 0) {
        return error("exit code " + process.exitValue() + ", no result; " + tail(log));
      }
      ResultLine line = result.get();
      Map<String, Double> timings = new LinkedHashMap<>();
      timings.put("wall", wallMs);
      timings.putAll(line.timingsMs());
      long rss = line.peakRssKb() > 0 ? line.peakRssKb() : harnessRss;
      return new EngineOutcome(line.status(), timings, line.answer(), rss, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static EngineOutcome error(String message) {
    return new EngineOutcome(ResultLine.ERROR, Map.of(), List.of(), -1, message);
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    List<String> last = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    return "last lines of " + log + ":\n  " + String.join("\n  ", last);
  }

  /** Stops a child that runs past the timeout, so a hung engine cannot hang the benchmark. */
  private static final class Watchdog extends Thread {
    private final Process process;
    private final Duration timeout;
    private volatile boolean fired;

    Watchdog(Process process, Duration timeout) {
      super("bench-watchdog-" + process.pid());
      setDaemon(true);
      this.process = process;
      this.timeout = timeout;
    }

    @Override
    public void run() {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          fired = true;
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        // The child finished in time.
      }
    }

    boolean fired() {
      return fired;
    }
  }
}

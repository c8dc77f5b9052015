package dev.ember.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's peak resident set size (VmHWM) from Linux's {@code /proc}. */
public final class PeakMemory {

  private PeakMemory() {
  }

  /** This process's peak resident set in KiB, or -1 where {@code /proc} is not available. */
  public static long peakRssKb() {
    return peakRssKb(Path.of("/proc/self/status"));
  }

  /** The peak resident set in KiB of the process with this id, or -1 when it cannot be read. */
  public static long peakRssKb(long pid) {
    return peakRssKb(Path.of("/proc/" + pid + "/status"));
  }

  static long peakRssKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}

package dev.ember.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the benchmark ran on, for the report: cores, memory, CPU model, JDK and OS.
 *
 * @param cores available processors
 * @param memoryKb total memory in KiB, or -1
 * @param cpu CPU model name, or "unknown"
 * @param jdk Java version and VM
 * @param os operating system and version
 */
record MachineInfo(int cores, long memoryKb, String cpu, String jdk, String os) {

  /**
   * The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them, or "unknown". Recorded at
   * the start and end of a run: other work on the machine slows every engine and widens the spread.
   */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static MachineInfo current() {
    return new MachineInfo(Runtime.getRuntime().availableProcessors(),
        procValue("/proc/meminfo", "MemTotal:"),
        procText("/proc/cpuinfo", "model name"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"));
  }

  String describe() {
    return String.format("%d cores (%s), %.1f GiB memory, %s, %s", cores, cpu,
        memoryKb / (1024.0 * 1024.0), jdk, os);
  }

  private static long procValue(String file, String key) {
    String text = procText(file, key);
    try {
      return Long.parseLong(text.replace("kB", "").trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String procText(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (String line : lines) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "unknown";
  }
}

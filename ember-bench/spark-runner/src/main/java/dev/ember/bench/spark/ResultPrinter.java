package dev.ember.bench.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Formats the result line the harness reads ({@code BENCH-RESULT status=ok ms.NAME=.. answer=..
 * rssKb=..}). A copy of the harness's {@code ResultLine} writer: this module shares no classpath
 * with Ember's.
 */
final class ResultPrinter {

  private ResultPrinter() {
  }

  static String format(String status, Map<String, Double> timingsMs, List<Double> answer) {
    StringBuilder line = new StringBuilder("BENCH-RESULT status=").append(status);
    timingsMs.forEach((name, ms) -> line.append(" ms.").append(name).append('=').append(ms));
    if (!answer.isEmpty()) {
      line.append(" answer=");
      for (int i = 0; i < answer.size(); i++) {
        line.append(i == 0 ? "" : ",").append(answer.get(i));
      }
    }
    return line.append(" rssKb=").append(peakRssKb()).toString();
  }

  static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}

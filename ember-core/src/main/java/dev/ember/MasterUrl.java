package dev.ember;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed local master URL: {@code local} (one core), {@code local[N]}, {@code local[*]} (all cores) and
 * {@code local[N,F]} (F attempts per task).
 *
 * @param cores the number of task slots
 * @param maxTaskFailures attempts per task, or -1 to use {@code spark.task.maxFailures}
 */
record MasterUrl(int cores, int maxTaskFailures) {

  private static final Pattern LOCAL_N = Pattern.compile("local\\[\\s*([0-9]+|\\*)\\s*]");
  private static final Pattern LOCAL_N_F = Pattern.compile("local\\[\\s*([0-9]+|\\*)\\s*,\\s*([0-9]+)\\s*]");

  static MasterUrl parse(String master) {
    String trimmed = master.trim();
    if (trimmed.equals("local")) {
      return new MasterUrl(1, -1);
    }
    Matcher n = LOCAL_N.matcher(trimmed);
    if (n.matches()) {
      return new MasterUrl(cores(n.group(1), master), -1);
    }
    Matcher nf = LOCAL_N_F.matcher(trimmed);
    if (nf.matches()) {
      return new MasterUrl(cores(nf.group(1), master), Integer.parseInt(nf.group(2)));
    }
    throw new EmberException("INVALID_MASTER_URL", "Could not parse master URL '" + master + "'. Use local, "
        + "local[N], local[*] or local[N,F].");
  }

  private static int cores(String text, String master) {
    if (text.equals("*")) {
      return Runtime.getRuntime().availableProcessors();
    }
    int cores = Integer.parseInt(text);
    if (cores < 1) {
      throw new EmberException("INVALID_MASTER_URL", "Master URL '" + master + "' asks for " + cores
          + " cores; at least 1 is needed.");
    }
    return cores;
  }
}

package dev.ember.scheduler;

import dev.ember.EmberConf;

/**
 * How long a task set waits to launch at a locality level before it accepts the next, farther one:
 * {@code spark.locality.wait} (3 s) for both levels unless {@code spark.locality.wait.process} or
 * {@code spark.locality.wait.node} say otherwise. Tasks that prefer nowhere never wait.
 *
 * @param processMs the wait at {@link TaskLocality#PROCESS_LOCAL}
 * @param nodeMs the wait at {@link TaskLocality#NODE_LOCAL}
 */
record LocalityWaits(long processMs, long nodeMs) {

  static final String WAIT = "ember.locality.wait";
  static final String DEFAULT_WAIT = "3s";

  LocalityWaits {
    if (processMs < 0 || nodeMs < 0) {
      throw new IllegalArgumentException("Locality waits must not be negative: " + processMs + ", " + nodeMs);
    }
  }

  /** The waits configured in {@code conf}. */
  static LocalityWaits fromConf(EmberConf conf) {
    long base = conf.getTimeAsMs(WAIT, DEFAULT_WAIT);
    return new LocalityWaits(levelWait(conf, WAIT + ".process", base), levelWait(conf, WAIT + ".node", base));
  }

  private static long levelWait(EmberConf conf, String key, long base) {
    return conf.contains(key) ? conf.getTimeAsMs(key, DEFAULT_WAIT) : base;
  }

  /** How long to wait at {@code level} before allowing the next one. */
  long waitMs(TaskLocality level) {
    return switch (level) {
      case PROCESS_LOCAL -> processMs;
      case NODE_LOCAL -> nodeMs;
      case NO_PREF, ANY -> 0;
    };
  }
}

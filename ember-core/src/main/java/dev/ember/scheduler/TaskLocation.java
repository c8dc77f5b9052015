package dev.ember.scheduler;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a task would like to run: on a host, or on one executor of a host (the one holding its cached
 * partition). Written as Spark writes them: {@code HOST} or {@code executor_HOST_EXECUTORID}.
 *
 * @param host the host name or address, never {@code null}
 * @param executorId the executor, or {@code null} for any executor on {@code host}
 */
public record TaskLocation(String host, String executorId) implements Serializable {

  private static final String EXECUTOR_PREFIX = "executor_";

  public TaskLocation {
    Objects.requireNonNull(host, "host is null");
  }

  /** Any executor on {@code host}. */
  public static TaskLocation host(String host) {
    return new TaskLocation(host, null);
  }

  /** Executor {@code executorId} on {@code host}, which holds a cached block the task reads. */
  public static TaskLocation executor(String host, String executorId) {
    return new TaskLocation(host, Objects.requireNonNull(executorId, "executorId is null"));
  }

  /**
   * Parses Spark's string form: {@code executor_HOST_EXECUTORID} names an executor (host names hold no
   * underscore, so the host ends at the first one), anything else a host. This is how RDDs state preferences
   * for executors.
   */
  public static TaskLocation parse(String location) {
    if (location.startsWith(EXECUTOR_PREFIX)) {
      String hostAndExecutor = location.substring(EXECUTOR_PREFIX.length());
      int split = hostAndExecutor.indexOf('_');
      if (split > 0 && split < hostAndExecutor.length() - 1) {
        return executor(hostAndExecutor.substring(0, split), hostAndExecutor.substring(split + 1));
      }
    }
    return host(location);
  }

  /** Whether this names one executor rather than a whole host. */
  public boolean isExecutor() {
    return executorId != null;
  }

  @Override
  public String toString() {
    return executorId == null ? host : EXECUTOR_PREFIX + host + "_" + executorId;
  }
}

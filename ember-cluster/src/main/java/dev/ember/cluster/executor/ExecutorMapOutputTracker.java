package dev.ember.cluster.executor;

import dev.ember.cluster.network.TransportConnection;
import dev.ember.cluster.scheduler.ClusterMessages;
import dev.ember.scheduler.MapStatus;
import dev.ember.shuffle.MapOutputTracker;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An executor's map output tracker: asks the driver where a shuffle's outputs are and caches complete answers
 * per shuffle until a task arrives with a newer epoch (the driver forgot outputs since).
 */
final class ExecutorMapOutputTracker extends MapOutputTracker {

  private final TransportConnection driver;
  private final Duration timeout;
  private final Map<Integer, MapStatus[]> cache = new ConcurrentHashMap<>();
  private long epoch;

  ExecutorMapOutputTracker(TransportConnection driver, Duration timeout) {
    this.driver = driver;
    this.timeout = timeout;
  }

  @Override
  public synchronized long epoch() {
    return epoch;
  }

  @Override
  public synchronized void updateEpoch(long newEpoch) {
    if (newEpoch > epoch) {
      cache.clear();
      epoch = newEpoch;
    }
  }

  @Override
  protected MapStatus[] statusesForRead(int shuffleId) {
    MapStatus[] cached = cache.get(shuffleId);
    if (cached != null) {
      return cached;
    }
    ClusterMessages.MapOutputStatuses reply = driver.askSync(new ClusterMessages.GetMapOutputStatuses(shuffleId),
        timeout);
    MapStatus[] statuses = reply.statuses();
    // An incomplete answer is not kept: the missing outputs are being recomputed.
    if (statuses != null && Arrays.stream(statuses).allMatch(Objects::nonNull)) {
      cache.put(shuffleId, statuses);
    }
    return statuses;
  }
}

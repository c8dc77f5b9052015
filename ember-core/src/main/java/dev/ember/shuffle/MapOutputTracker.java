package dev.ember.shuffle;

import dev.ember.scheduler.MapStatus;
import dev.ember.storage.BlockId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's record of where every map output of every shuffle lives. The DAG scheduler registers outputs
 * as map tasks finish and forgets them when their executor or file is lost; reduce tasks ask it where to
 * fetch their slices.
 *
 * <p>An executor in another process extends this class: it overrides {@link #statusesForRead} to ask the
 * driver and cache the answer per shuffle, and {@link #updateEpoch} to drop that cache when the driver's
 * {@link #epoch()} (raised whenever outputs are forgotten) has moved on.
 */
public class MapOutputTracker {

  private final Map<Integer, MapStatus[]> statuses = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();

  /**
   * A counter raised whenever map outputs are forgotten. Tasks carry the driver's epoch to executors, whose
   * cached locations older than it are stale.
   */
  public long epoch() {
    return epoch.get();
  }

  /** Tells an executor's tracker the driver's current epoch; the driver's own tracker has nothing to do. */
  public void updateEpoch(long newEpoch) {
    // The driver's statuses are the truth; only executor-side caches go stale.
  }

  /** Starts tracking a shuffle with {@code numMaps} map partitions (a no-op if already tracked). */
  public void registerShuffle(int shuffleId, int numMaps) {
    statuses.putIfAbsent(shuffleId, new MapStatus[numMaps]);
  }

  /** Whether the shuffle is tracked. */
  public boolean containsShuffle(int shuffleId) {
    return statuses.containsKey(shuffleId);
  }

  /** Records the output of map partition {@code mapIndex}. */
  public void registerMapOutput(int shuffleId, int mapIndex, MapStatus status) {
    MapStatus[] array = array(shuffleId);
    synchronized (array) {
      array[mapIndex] = status;
    }
  }

  /** Forgets the output of map partition {@code mapIndex} if it is the one with {@code mapId}. */
  public void unregisterMapOutput(int shuffleId, int mapIndex, long mapId) {
    MapStatus[] array = statuses.get(shuffleId);
    if (array == null) {
      return;
    }
    synchronized (array) {
      if (array[mapIndex] != null && (mapId < 0 || array[mapIndex].mapId() == mapId)) {
        array[mapIndex] = null;
        epoch.incrementAndGet();
      }
    }
  }

  /** Forgets every map output that lives on executor {@code executorId}. */
  public void removeOutputsOnExecutor(String executorId) {
    epoch.incrementAndGet();
    for (MapStatus[] array : statuses.values()) {
      synchronized (array) {
        for (int i = 0; i < array.length; i++) {
          if (array[i] != null && array[i].location().executorId().equals(executorId)) {
            array[i] = null;
          }
        }
      }
    }
  }

  /** Stops tracking a shuffle. */
  public void unregisterShuffle(int shuffleId) {
    statuses.remove(shuffleId);
  }

  /** The map partitions whose output is missing. */
  public List<Integer> findMissingPartitions(int shuffleId) {
    MapStatus[] array = array(shuffleId);
    List<Integer> missing = new ArrayList<>();
    synchronized (array) {
      for (int i = 0; i < array.length; i++) {
        if (array[i] == null) {
          missing.add(i);
        }
      }
    }
    return missing;
  }

  /** The registered outputs of a shuffle, indexed by map partition; missing ones are {@code null}. */
  public MapStatus[] statuses(int shuffleId) {
    MapStatus[] array = array(shuffleId);
    synchronized (array) {
      return array.clone();
    }
  }

  /**
   * Where the non-empty slices of reduce partitions {@code [startPartition, endPartition)} live.
   *
   * @throws FetchFailedException if some map output is missing, so the map stage must run again
   */
  public List<MapOutputLocation> getMapSizesByRange(int shuffleId, int startPartition, int endPartition) {
    MapStatus[] array = statusesForRead(shuffleId);
    if (array == null) {
      throw new FetchFailedException(null, shuffleId, -1, -1, startPartition,
          "Missing all map outputs of shuffle " + shuffleId, null);
    }
    List<MapOutputLocation> result = new ArrayList<>();
    for (int mapIndex = 0; mapIndex < array.length; mapIndex++) {
      MapStatus status = array[mapIndex];
      if (status == null) {
        throw new FetchFailedException(null, shuffleId, -1, mapIndex, startPartition,
            "Missing an output location for shuffle " + shuffleId + " map partition " + mapIndex, null);
      }
      for (int reduceId = startPartition; reduceId < endPartition; reduceId++) {
        long size = status.sizeOf(reduceId);
        if (size > 0) {
          result.add(new MapOutputLocation(status.location(),
              new BlockId.ShuffleBlockId(shuffleId, status.mapId(), reduceId), size, mapIndex));
        }
      }
    }
    return result;
  }

  /**
   * A snapshot of the outputs of {@code shuffleId} for a reduce task to read, missing ones {@code null}, or
   * {@code null} if the shuffle is unknown. The driver answers from its own record; an executor's tracker asks
   * the driver.
   */
  protected MapStatus[] statusesForRead(int shuffleId) {
    MapStatus[] array = statuses.get(shuffleId);
    if (array == null) {
      return null;
    }
    synchronized (array) {
      return array.clone();
    }
  }

  private MapStatus[] array(int shuffleId) {
    MapStatus[] array = statuses.get(shuffleId);
    if (array == null) {
      throw new IllegalStateException("Shuffle " + shuffleId + " is not registered with the map output tracker.");
    }
    return array;
  }
}

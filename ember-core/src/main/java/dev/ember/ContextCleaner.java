package dev.ember;

import dev.ember.broadcast.Broadcast;
import dev.ember.broadcast.BroadcastManager;
import dev.ember.shuffle.MapOutputTracker;
import dev.ember.shuffle.ShuffleManager;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes shuffles and broadcasts once the application can no longer use them: it holds weak references to
 * shuffle dependencies and broadcast handles and, when one is garbage collected, forgets the shuffle's map
 * outputs and deletes its files, or removes the broadcast's pieces and copies from every block manager. Runs on
 * a daemon thread of the driver, started by the context ({@code spark.cleaner.referenceTracking}, default
 * true). Shuffle files that remain are deleted when the context stops.
 */
public final class ContextCleaner {

  private static final Logger LOG = LoggerFactory.getLogger(ContextCleaner.class);
  private static final long POLL_MS = 100;

  private final MapOutputTracker mapOutputTracker;
  private final ShuffleManager shuffleManager;
  private final BroadcastManager broadcastManager;
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
  // The weak references themselves must stay reachable until processed, or they would never be enqueued.
  private final Set<Reference<?>> pending = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean stopped;

  /**
   * Creates a cleaner for the shuffles tracked by {@code mapOutputTracker} and stored by {@code shuffleManager},
   * and the broadcasts of {@code broadcastManager}.
   */
  public ContextCleaner(MapOutputTracker mapOutputTracker, ShuffleManager shuffleManager,
      BroadcastManager broadcastManager) {
    this.mapOutputTracker = mapOutputTracker;
    this.shuffleManager = shuffleManager;
    this.broadcastManager = broadcastManager;
    this.thread = new Thread(this::keepCleaning, "ember-context-cleaner");
    thread.setDaemon(true);
  }

  /** Starts the cleaning thread. */
  public void start() {
    thread.start();
  }

  /** Stops the cleaning thread; shuffles not yet cleaned are left to the shuffle manager's stop. */
  public void stop() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Cleans shuffle {@code shuffleId} once {@code dependency} is garbage collected. */
  public void registerShuffleForCleanup(ShuffleDependency<?, ?, ?> dependency, int shuffleId) {
    pending.add(new ShuffleReference(dependency, shuffleId, queue));
  }

  /** Removes {@code broadcast}'s blocks everywhere once the handle is garbage collected. */
  public void registerBroadcastForCleanup(Broadcast<?> broadcast) {
    pending.add(new BroadcastReference(broadcast, broadcast.id(), queue));
  }

  /** Forgets shuffle {@code shuffleId}'s map outputs and deletes its files now. */
  public void doCleanupShuffle(int shuffleId) {
    mapOutputTracker.unregisterShuffle(shuffleId);
    shuffleManager.unregisterShuffle(shuffleId);
    LOG.debug("Cleaned shuffle {}", shuffleId);
  }

  private void keepCleaning() {
    while (!stopped) {
      try {
        Reference<?> reference = queue.remove(POLL_MS);
        if (reference instanceof ShuffleReference shuffle && pending.remove(shuffle)) {
          doCleanupShuffle(shuffle.shuffleId);
        } else if (reference instanceof BroadcastReference broadcast && pending.remove(broadcast)) {
          broadcastManager.unpersist(broadcast.broadcastId, true);
          LOG.debug("Cleaned broadcast {}", broadcast.broadcastId);
        }
      } catch (InterruptedException e) {
        if (!stopped) {
          LOG.warn("The context cleaner was interrupted; it stops cleaning.");
        }
        return;
      } catch (RuntimeException e) {
        LOG.error("Error cleaning a shuffle or broadcast; continuing", e);
      }
    }
  }

  /** A weak reference to a shuffle dependency that remembers its shuffle id. */
  private static final class ShuffleReference extends WeakReference<Object> {
    final int shuffleId;

    ShuffleReference(Object dependency, int shuffleId, ReferenceQueue<Object> queue) {
      super(dependency, queue);
      this.shuffleId = shuffleId;
    }
  }

  /** A weak reference to a broadcast handle that remembers its id. */
  private static final class BroadcastReference extends WeakReference<Object> {
    final long broadcastId;

    BroadcastReference(Object broadcast, long broadcastId, ReferenceQueue<Object> queue) {
      super(broadcast, queue);
      this.broadcastId = broadcastId;
    }
  }
}

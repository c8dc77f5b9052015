package dev.ember;

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
 * Removes a shuffle's map outputs once the application can no longer use them: it holds weak references to
 * shuffle dependencies and, when one is garbage collected, forgets the shuffle's map outputs and deletes its
 * files. Runs on a daemon thread of the driver, started by the context ({@code spark.cleaner.referenceTracking},
 * default true). Shuffle files that remain are deleted when the context stops.
 */
public final class ContextCleaner {

  private static final Logger LOG = LoggerFactory.getLogger(ContextCleaner.class);
  private static final long POLL_MS = 100;

  private final MapOutputTracker mapOutputTracker;
  private final ShuffleManager shuffleManager;
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
  // The weak references themselves must stay reachable until processed, or they would never be enqueued.
  private final Set<ShuffleReference> pending = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean stopped;

  /** Creates a cleaner for the shuffles tracked by {@code mapOutputTracker} and stored by {@code shuffleManager}. */
  public ContextCleaner(MapOutputTracker mapOutputTracker, ShuffleManager shuffleManager) {
    this.mapOutputTracker = mapOutputTracker;
    this.shuffleManager = shuffleManager;
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
        }
      } catch (InterruptedException e) {
        if (!stopped) {
          LOG.warn("The context cleaner was interrupted; it stops cleaning.");
        }
        return;
      } catch (RuntimeException e) {
        LOG.error("Error cleaning a shuffle; continuing", e);
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
}

package dev.ember.scheduler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to listeners on one background thread, so posting never blocks the scheduler. A listener
 * that throws is logged and keeps receiving events.
 */
public final class LiveListenerBus {

  private static final Logger LOG = LoggerFactory.getLogger(LiveListenerBus.class);
  private static final EmberListenerEvent STOP = new EmberListenerEvent() {};

  private final List<EmberListener> listeners = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<EmberListenerEvent> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopped;
  private long processed;
  private long posted;

  public LiveListenerBus() {
    thread = new Thread(this::dispatchLoop, "ember-listener-bus");
    thread.setDaemon(true);
    thread.start();
  }

  public void addListener(EmberListener listener) {
    listeners.add(listener);
  }

  public void removeListener(EmberListener listener) {
    listeners.remove(listener);
  }

  /** Queues {@code event} for delivery; events posted after {@link #stop()} are dropped. */
  public void post(EmberListenerEvent event) {
    if (stopped) {
      return;
    }
    synchronized (this) {
      posted++;
    }
    queue.add(event);
  }

  /**
   * Waits until every event posted so far has been delivered, or {@code timeoutMs} has passed.
   *
   * @return whether the queue drained in time
   */
  public boolean waitUntilEmpty(long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    synchronized (this) {
      while (processed < posted) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        wait(left);
      }
    }
    return true;
  }

  /** Delivers the events already queued, then stops the bus thread. */
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    queue.add(STOP);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void dispatchLoop() {
    while (true) {
      EmberListenerEvent event;
      try {
        event = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (event == STOP) {
        return;
      }
      for (EmberListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.warn("Listener {} failed on {}: {}", listener.getClass().getName(), event.getClass().getSimpleName(),
              e.toString(), e);
        }
      }
      synchronized (this) {
        processed++;
        notifyAll();
      }
    }
  }
}

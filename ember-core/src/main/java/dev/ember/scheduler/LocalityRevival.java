package dev.ember.scheduler;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the backend to offer cores again when a locality wait runs out, for tasks that delay scheduling held
 * back. Its timer thread starts the first time a task is held back, so jobs whose tasks prefer nowhere (and
 * local mode, where the one executor holds every cached block) never pay for it. At most one revival is
 * pending: an earlier one replaces a later one.
 */
final class LocalityRevival {

  private final Runnable revive;
  private ScheduledExecutorService timer;
  private ScheduledFuture<?> pending;
  private long pendingAtMs;
  private boolean stopped;

  LocalityRevival(Runnable revive) {
    this.revive = revive;
  }

  /** Revives offers in {@code delayMs} milliseconds, unless a revival at least as early is already pending. */
  synchronized void reviveIn(long delayMs) {
    if (stopped) {
      return;
    }
    long at = System.currentTimeMillis() + delayMs;
    if (pending != null && pendingAtMs <= at) {
      return;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "locality-revive-timer");
        thread.setDaemon(true);
        return thread;
      });
    }
    pendingAtMs = at;
    try {
      pending = timer.schedule(this::fire, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Stopping.
    }
  }

  private void fire() {
    synchronized (this) {
      // Cleared before reviving, so the offers this revival causes may schedule the next one.
      pending = null;
    }
    revive.run();
  }

  /** Stops the timer; revivals asked for later are ignored. */
  synchronized void stop() {
    stopped = true;
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}

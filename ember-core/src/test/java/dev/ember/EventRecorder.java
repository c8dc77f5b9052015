package dev.ember;

import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A listener for tests that keeps every event and lets a test wait for the ones it expects. */
public final class EventRecorder implements EmberListener {

  private final List<EmberListenerEvent> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(EmberListenerEvent event) {
    events.add(event);
    notifyAll();
  }

  /** The recorded events of {@code type}, in order. */
  public synchronized <E extends EmberListenerEvent> List<E> events(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits until {@code count} events of {@code type} matching {@code filter} have arrived; fails after 10 s. */
  public synchronized <E extends EmberListenerEvent> List<E> await(Class<E> type, Predicate<E> filter, int count)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      List<E> matching = events(type).stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("Timed out waiting for " + count + " " + type.getSimpleName() + " events; got "
            + matching);
      }
      wait(left);
    }
  }
}

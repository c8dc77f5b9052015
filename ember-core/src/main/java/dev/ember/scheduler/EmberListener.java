package dev.ember.scheduler;

/**
 * Receives scheduler events. Register with {@code EmberContext.addEmberListener}. Methods are called on the
 * listener bus thread, one event at a time, never concurrently; a slow listener delays only other listeners.
 */
public interface EmberListener {

  default void onJobStart(EmberListenerEvent.JobStart event) {}

  default void onJobEnd(EmberListenerEvent.JobEnd event) {}

  default void onStageSubmitted(EmberListenerEvent.StageSubmitted event) {}

  default void onStageCompleted(EmberListenerEvent.StageCompleted event) {}

  default void onTaskStart(EmberListenerEvent.TaskStart event) {}

  default void onTaskEnd(EmberListenerEvent.TaskEnd event) {}

  default void onApplicationStart(EmberListenerEvent.ApplicationStart event) {}

  default void onApplicationEnd(EmberListenerEvent.ApplicationEnd event) {}

  /** Receives every event, including kinds added later; the default dispatches to the methods above. */
  default void onEvent(EmberListenerEvent event) {
    if (event instanceof EmberListenerEvent.JobStart e) {
      onJobStart(e);
    } else if (event instanceof EmberListenerEvent.JobEnd e) {
      onJobEnd(e);
    } else if (event instanceof EmberListenerEvent.StageSubmitted e) {
      onStageSubmitted(e);
    } else if (event instanceof EmberListenerEvent.StageCompleted e) {
      onStageCompleted(e);
    } else if (event instanceof EmberListenerEvent.TaskStart e) {
      onTaskStart(e);
    } else if (event instanceof EmberListenerEvent.TaskEnd e) {
      onTaskEnd(e);
    } else if (event instanceof EmberListenerEvent.ApplicationStart e) {
      onApplicationStart(e);
    } else if (event instanceof EmberListenerEvent.ApplicationEnd e) {
      onApplicationEnd(e);
    }
  }
}

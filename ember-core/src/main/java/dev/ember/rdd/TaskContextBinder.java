package dev.ember.rdd;

import dev.ember.TaskContext;

/**
 * Makes a task's context current on a helper thread the task starts (such as the stdin writer of {@code pipe}),
 * so code running there sees {@link TaskContext#get()} as it would on the task's own thread.
 */
abstract class TaskContextBinder extends TaskContext {

  private TaskContextBinder() {}

  /** Binds {@code context} to the current thread; {@code null} unbinds. */
  static void bind(TaskContext context) {
    setCurrent(context);
  }
}

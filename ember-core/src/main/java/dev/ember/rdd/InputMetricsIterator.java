package dev.ember.rdd;

import dev.ember.TaskContext;
import dev.ember.executor.TaskMetrics;
import java.util.Iterator;

/**
 * Counts the records a source RDD hands out into its task's input metrics. The count is one field increment
 * per record on the task's own thread, cheap enough for every source.
 */
final class InputMetricsIterator<T> implements Iterator<T> {

  private final Iterator<T> input;
  private final TaskMetrics metrics;

  private InputMetricsIterator(Iterator<T> input, TaskMetrics metrics) {
    this.input = input;
    this.metrics = metrics;
  }

  /** {@code input}, counting into the metrics of {@code context}; unchanged outside a task. */
  static <T> Iterator<T> wrap(Iterator<T> input, TaskContext context) {
    TaskContext task = context != null ? context : TaskContext.get();
    return task == null ? input : new InputMetricsIterator<>(input, task.taskMetrics());
  }

  @Override
  public boolean hasNext() {
    return input.hasNext();
  }

  @Override
  public T next() {
    T value = input.next();
    metrics.incInput(1, 0);
    return value;
  }
}

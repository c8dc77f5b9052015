package dev.ember.scheduler;

import dev.ember.TaskContext;
import java.io.Serializable;
import java.util.Iterator;

/** What a result task does with its partition: turns the records into one result sent to the driver. */
@FunctionalInterface
public interface PartitionFunction<T, U> extends Serializable {

  /** Computes the partition's result from its records. */
  U apply(TaskContext context, Iterator<T> records) throws Exception;
}

package dev.ember.sql.plan.objects;

import java.io.Serializable;
import java.util.Iterator;

/**
 * A user's typed function as it runs over one partition: deserialized input objects in, output objects out.
 * Typed map, filter, flatMap and mapPartitions all become one; it travels to executors inside tasks.
 */
@FunctionalInterface
public interface ObjectPartitionFunction extends Serializable {

  /** The output objects of the partition whose input objects are {@code input}. */
  Iterator<Object> apply(Iterator<Object> input) throws Exception;
}

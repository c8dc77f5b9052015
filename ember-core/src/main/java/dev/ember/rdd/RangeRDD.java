package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.Partition;
import dev.ember.TaskContext;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The numbers of {@code range(start, end, step)}, split evenly; nothing is materialized. */
public final class RangeRDD extends RDD<Long> {

  private static final long serialVersionUID = 1L;
  private final long start;
  private final long end;
  private final long step;
  private final int numSlices;

  public RangeRDD(EmberContext context, long start, long end, long step, int numSlices) {
    super(context, List.of());
    this.start = start;
    this.end = end;
    this.step = step;
    this.numSlices = numSlices;
  }

  /** How many numbers the range holds. */
  long size() {
    if ((step > 0 && start >= end) || (step < 0 && start <= end)) {
      return 0;
    }
    java.math.BigInteger span = java.math.BigInteger.valueOf(end).subtract(java.math.BigInteger.valueOf(start));
    java.math.BigInteger[] qr = span.divideAndRemainder(java.math.BigInteger.valueOf(step));
    return qr[0].longValueExact() + (qr[1].signum() != 0 ? 1 : 0);
  }

  @Override
  protected Partition[] getPartitions() {
    long size = size();
    Partition[] partitions = new Partition[numSlices];
    for (int i = 0; i < numSlices; i++) {
      long from = (long) ((double) i * size / numSlices);
      long to = (long) ((double) (i + 1) * size / numSlices);
      if (i == numSlices - 1) {
        to = size;
      }
      partitions[i] = new Slice(i, from, to - from);
    }
    return partitions;
  }

  @Override
  public Iterator<Long> compute(Partition split, TaskContext context) {
    Slice slice = (Slice) split;
    long first = start + slice.offset() * step;
    return InputMetricsIterator.wrap(new Iterator<>() {
      private long produced;

      @Override
      public boolean hasNext() {
        return produced < slice.count();
      }

      @Override
      public Long next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return first + step * produced++;
      }
    }, context);
  }

  /** Numbers {@code offset} to {@code offset + count - 1} of the range. */
  private record Slice(int index, long offset, long count) implements Partition {}
}

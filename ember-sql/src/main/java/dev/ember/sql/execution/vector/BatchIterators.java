package dev.ember.sql.execution.vector;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Lazy transformations of batch iterators inside tasks: nothing is materialized between operators. */
public final class BatchIterators {

  private BatchIterators() {}

  /** Each batch transformed by {@code f}; batches mapped to null or to zero rows are skipped. */
  public static Iterator<ColumnarBatch> map(Iterator<ColumnarBatch> input, Function<ColumnarBatch, ColumnarBatch> f) {
    return new Iterator<>() {
      private ColumnarBatch next;

      @Override
      public boolean hasNext() {
        while (next == null && input.hasNext()) {
          ColumnarBatch candidate = f.apply(input.next());
          if (candidate != null && candidate.numRows() > 0) {
            next = candidate;
          }
        }
        return next != null;
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ColumnarBatch result = next;
        next = null;
        return result;
      }
    };
  }
}

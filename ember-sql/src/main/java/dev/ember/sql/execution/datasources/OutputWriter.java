package dev.ember.sql.execution.datasources;

import java.io.Closeable;
import java.io.IOException;

/** Writes rows into one output file; closing it finishes the file. */
public interface OutputWriter extends Closeable {

  /** Writes one row of internal values (see {@link dev.ember.sql.plan.expressions.Literal}), in schema order. */
  void write(Object[] row) throws IOException;
}

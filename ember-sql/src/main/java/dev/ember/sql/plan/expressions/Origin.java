package dev.ember.sql.plan.expressions;

import java.io.Serializable;

/**
 * Where a node came from in the query text, for error messages.
 *
 * @param line the line, from 1 (-1 when unknown, e.g. for the DataFrame API)
 * @param startPosition the position in the line, from 0
 */
public record Origin(int line, int startPosition) implements Serializable {

  /** No position known. */
  public static final Origin NONE = new Origin(-1, -1);
}

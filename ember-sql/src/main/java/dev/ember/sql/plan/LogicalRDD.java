package dev.ember.sql.plan;

import dev.ember.rdd.RDD;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;
import java.util.Objects;

/**
 * Rows of a core RDD as a relation ({@code createDataFrame(rdd, schema)}): the RDD's elements are rows of
 * internal values, one per output column. Two such relations are equal only over the same RDD.
 *
 * @param output the columns
 * @param rows the RDD of internal rows
 */
public record LogicalRDD(List<AttributeReference> output, RDD<Object[]> rows) implements LeafNode {

  /** Copies the output. */
  public LogicalRDD {
    output = List.copyOf(output);
    Objects.requireNonNull(rows, "rows is null");
  }

  @Override
  public String simpleString() {
    return "LogicalRDD " + TreeStrings.list(output);
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows held in the plan itself (from VALUES or {@code createDataFrame}), in the internal representation
 * (see {@link dev.ember.sql.plan.expressions.Literal}).
 *
 * @param output the columns
 * @param rows the rows; each has one value per column, null for NULL
 */
public record LocalRelation(List<AttributeReference> output, List<List<Object>> rows) implements LeafNode {

  /** Copies the rows, which may hold nulls. */
  public LocalRelation {
    output = List.copyOf(output);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != output.size()) {
        throw new IllegalArgumentException("row " + row + " does not have " + output.size() + " values");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  @Override
  public String simpleString() {
    return "LocalRelation " + TreeStrings.list(output);
  }
}

package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The window of an {@code OVER (PARTITION BY ... ORDER BY ... frame)} clause. Its children are the
 * partition expressions then the sort keys, so names in them resolve like any other expression.
 *
 * @param partitionSpec the expressions rows are partitioned by
 * @param orderSpec the order of rows within a partition
 * @param frame the frame, or null when none was written (the analyzer then picks Spark's default)
 */
public record WindowSpecDefinition(List<Expression> partitionSpec, List<SortOrder> orderSpec, WindowFrame frame)
    implements Expression {

  /** Copies the lists. */
  public WindowSpecDefinition {
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
  }

  /** The same window with {@code newFrame}. */
  public WindowSpecDefinition withFrame(WindowFrame newFrame) {
    return new WindowSpecDefinition(partitionSpec, orderSpec, newFrame);
  }

  @Override
  public List<Expression> children() {
    List<Expression> all = new ArrayList<>(partitionSpec);
    all.addAll(orderSpec);
    return all;
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    int n = partitionSpec.size();
    List<SortOrder> order = new ArrayList<>();
    for (Expression e : c.subList(n, c.size())) {
      order.add((SortOrder) e);
    }
    return new WindowSpecDefinition(c.subList(0, n), order, frame);
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("a window specification has no value");
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public String sql() {
    List<String> parts = new ArrayList<>();
    if (!partitionSpec.isEmpty()) {
      parts.add("PARTITION BY " + String.join(", ", partitionSpec.stream().map(Expression::sql).toList()));
    }
    if (!orderSpec.isEmpty()) {
      parts.add("ORDER BY " + String.join(", ", orderSpec.stream().map(Expression::sql).toList()));
    }
    if (frame != null) {
      parts.add(frame.sql());
    }
    return String.join(" ", parts);
  }
}

package dev.ember.sql.expressions;

import dev.ember.sql.Column;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.FrameBoundary;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.plan.expressions.WindowFrame;
import dev.ember.sql.plan.expressions.WindowSpecDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A window: partitioning, ordering and frame, built with {@link Window}'s static methods and used with
 * {@code Column.over(spec)}. Immutable: each method returns a new spec.
 *
 * <pre>{@code
 * WindowSpec w = Window.partitionBy("dept").orderBy(col("salary").desc()).rowsBetween(Window.unboundedPreceding(),
 *     Window.currentRow());
 * df.select(col("name"), rank().over(w), sum("salary").over(w));
 * }</pre>
 */
public final class WindowSpec {

  private final List<Expression> partitionSpec;
  private final List<SortOrder> orderSpec;
  private final WindowFrame frame;

  WindowSpec(List<Expression> partitionSpec, List<SortOrder> orderSpec, WindowFrame frame) {
    this.partitionSpec = List.copyOf(partitionSpec);
    this.orderSpec = List.copyOf(orderSpec);
    this.frame = frame;
  }

  /** This window partitioned by the named columns. */
  public WindowSpec partitionBy(String... columns) {
    return partitionBy(columnsOf(columns));
  }

  /** This window partitioned by {@code columns}. */
  public WindowSpec partitionBy(Column... columns) {
    return new WindowSpec(Arrays.stream(columns).map(Column::expr).toList(), orderSpec, frame);
  }

  /** This window ordered by the named columns, ascending. */
  public WindowSpec orderBy(String... columns) {
    return orderBy(columnsOf(columns));
  }

  /** This window ordered by {@code columns} (ascending unless a column is a sort key such as {@code desc()}). */
  public WindowSpec orderBy(Column... columns) {
    List<SortOrder> order = new ArrayList<>();
    for (Column c : columns) {
      order.add(c.expr() instanceof SortOrder key ? key : SortOrder.of(c.expr(), true));
    }
    return new WindowSpec(partitionSpec, order, frame);
  }

  /**
   * A ROWS frame from {@code start} to {@code end} rows from the current one: negative before, positive
   * after, 0 the current row; {@link Window#unboundedPreceding()} and {@link Window#unboundedFollowing()}
   * for the partition's ends.
   */
  public WindowSpec rowsBetween(long start, long end) {
    return new WindowSpec(partitionSpec, orderSpec, new WindowFrame(WindowFrame.FrameType.ROWS, bound(start),
        bound(end)));
  }

  /** A RANGE frame from {@code start} to {@code end} in units of the single sort key (see rowsBetween). */
  public WindowSpec rangeBetween(long start, long end) {
    return new WindowSpec(partitionSpec, orderSpec, new WindowFrame(WindowFrame.FrameType.RANGE, bound(start),
        bound(end)));
  }

  private static FrameBoundary bound(long offset) {
    if (offset <= Window.unboundedPreceding()) {
      return FrameBoundary.UNBOUNDED_PRECEDING;
    }
    if (offset >= Window.unboundedFollowing()) {
      return FrameBoundary.UNBOUNDED_FOLLOWING;
    }
    if (offset == 0) {
      return FrameBoundary.CURRENT_ROW;
    }
    Number distance = Math.abs(offset) <= Integer.MAX_VALUE ? (Number) (int) Math.abs(offset)
        : (Number) Math.abs(offset);
    return new FrameBoundary(offset < 0 ? FrameBoundary.Kind.PRECEDING : FrameBoundary.Kind.FOLLOWING, distance);
  }

  /** The window as a plan expression. */
  public WindowSpecDefinition toDefinition() {
    return new WindowSpecDefinition(partitionSpec, orderSpec, frame);
  }

  private static Column[] columnsOf(String[] names) {
    Column[] columns = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = new Column(new UnresolvedAttribute(Arrays.asList(names[i].split("\\.")), Origin.NONE));
    }
    return columns;
  }

  @Override
  public String toString() {
    return toDefinition().sql();
  }
}

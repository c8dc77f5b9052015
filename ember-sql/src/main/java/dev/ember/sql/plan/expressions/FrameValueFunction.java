package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * {@code first_value(input)}, {@code last_value(input)} and {@code nth_value(input, n)}: the value of
 * {@code input} at the first, last or n-th row of the current row's frame, NULL when the frame is shorter.
 *
 * @param kind which function
 * @param input the value read
 * @param n the position for nth_value (from 1), else 1
 */
public record FrameValueFunction(Kind kind, Expression input, int n) implements WindowFunction {

  /** The functions. */
  public enum Kind { FIRST_VALUE, LAST_VALUE, NTH_VALUE }

  /** Validates the function. */
  public FrameValueFunction {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(input, "input is null");
  }

  @Override
  public String prettyName() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean requiresOrder() {
    return false;
  }

  @Override
  public boolean usesFrame() {
    return true;
  }

  @Override
  public List<Expression> children() {
    return List.of(input);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new FrameValueFunction(kind, c.get(0), n);
  }

  @Override
  public DataType dataType() {
    return input.dataType();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public String sql() {
    return prettyName() + "(" + input.sql() + (kind == Kind.NTH_VALUE ? ", " + n : "") + ")";
  }
}

package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * {@code lag(input, offset, default)} and {@code lead(input, offset, default)}: the value of {@code input}
 * {@code offset} rows before (lag) or after (lead) the current row in its partition, or {@code default} when
 * there is no such row. A negative offset looks the other way, as in Spark.
 *
 * @param lead whether this is lead (else lag)
 * @param input the value read from the other row
 * @param offset the number of rows
 * @param defaultValue the value when the row does not exist, of the input's type
 */
public record OffsetWindowFunction(boolean lead, Expression input, int offset, Expression defaultValue)
    implements WindowFunction {

  /** Validates the function. */
  public OffsetWindowFunction {
    Objects.requireNonNull(input, "input is null");
    Objects.requireNonNull(defaultValue, "defaultValue is null");
  }

  @Override
  public String prettyName() {
    return lead ? "lead" : "lag";
  }

  /** The signed distance from the current row to the row read: negative for lag. */
  public int signedOffset() {
    return lead ? offset : -offset;
  }

  @Override
  public List<Expression> children() {
    return List.of(input, defaultValue);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new OffsetWindowFunction(lead, c.get(0), offset, c.get(1));
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
    return prettyName() + "(" + input.sql() + ", " + offset + ", " + defaultValue.sql() + ")";
  }
}

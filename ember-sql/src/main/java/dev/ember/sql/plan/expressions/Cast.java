package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code CAST(child AS type)}. In Spark's default (non-ANSI) mode a value that does not convert becomes
 * NULL; with {@code ansi} it fails the query (CAST_INVALID_INPUT, CAST_OVERFLOW). Casts between timestamps,
 * dates and strings use {@code timeZone}, the session time zone the analyzer fills in.
 *
 * @param child the value
 * @param dataType the target type
 * @param ansi whether a value that does not convert is an error
 * @param timeZone the session time zone id, or null until analysis sets it
 */
public record Cast(Expression child, DataType dataType, boolean ansi, String timeZone) implements Expression {

  /** A non-ANSI cast whose time zone the analyzer fills in. */
  public Cast(Expression child, DataType dataType) {
    this(child, dataType, false, null);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new Cast(c.get(0), dataType, ansi, timeZone);
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    return child.foldable();
  }

  @Override
  public String sql() {
    return "CAST(" + child.sql() + " AS " + dataType.sql() + ")";
  }
}

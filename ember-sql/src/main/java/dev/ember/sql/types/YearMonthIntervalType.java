package dev.ember.sql.types;

/**
 * Spark's year-month interval type ({@code INTERVAL '1' YEAR}): a whole number of months, held as an int. Use the
 * singleton {@link DataTypes#YearMonthIntervalType}.
 */
public final class YearMonthIntervalType extends DataType {

  private static final long serialVersionUID = 1L;

  static final YearMonthIntervalType INSTANCE = new YearMonthIntervalType();

  private YearMonthIntervalType() {}

  @Override
  public String simpleString() {
    return "interval year to month";
  }

  @Override
  public String typeName() {
    return "interval year to month";
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

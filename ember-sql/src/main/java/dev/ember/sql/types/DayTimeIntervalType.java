package dev.ember.sql.types;

/**
 * Spark's day-time interval type ({@code INTERVAL '90' DAY}): a duration in microseconds, held as a long. Use the
 * singleton {@link DataTypes#DayTimeIntervalType}.
 */
public final class DayTimeIntervalType extends DataType {

  private static final long serialVersionUID = 1L;

  static final DayTimeIntervalType INSTANCE = new DayTimeIntervalType();

  private DayTimeIntervalType() {}

  @Override
  public String simpleString() {
    return "interval day to second";
  }

  @Override
  public String typeName() {
    return "interval day to second";
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

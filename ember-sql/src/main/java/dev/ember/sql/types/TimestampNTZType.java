package dev.ember.sql.types;

/**
 * Spark's {@code timestamp_ntz} type: a local date-time without time zone, as microseconds since
 * 1970-01-01T00:00:00. Use the singleton {@link DataTypes#TimestampNTZType}.
 */
public final class TimestampNTZType extends DataType {

  private static final long serialVersionUID = 1L;

  static final TimestampNTZType INSTANCE = new TimestampNTZType();

  private TimestampNTZType() {}

  @Override
  public String simpleString() {
    return "timestamp_ntz";
  }

  @Override
  public String typeName() {
    return "timestamp_ntz";
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

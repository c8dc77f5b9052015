package dev.ember.sql.types;

/**
 * Spark's {@code timestamp} type: an instant as microseconds since 1970-01-01T00:00:00Z, shown in the session time
 * zone. Use the singleton {@link DataTypes#TimestampType}.
 */
public final class TimestampType extends DataType {

  private static final long serialVersionUID = 1L;

  static final TimestampType INSTANCE = new TimestampType();

  private TimestampType() {}

  @Override
  public String simpleString() {
    return "timestamp";
  }

  @Override
  public String typeName() {
    return "timestamp";
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

package dev.ember.sql.types;

/** Spark's {@code date} type. Use the singleton {@link DataTypes#DateType}. */
public final class DateType extends DataType {

  private static final long serialVersionUID = 1L;

  static final DateType INSTANCE = new DateType();

  private DateType() {}

  @Override
  public String simpleString() {
    return "date";
  }

  @Override
  public String typeName() {
    return "date";
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

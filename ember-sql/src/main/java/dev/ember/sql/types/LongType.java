package dev.ember.sql.types;

/** Spark's {@code long} type. Use the singleton {@link DataTypes#LongType}. */
public final class LongType extends DataType {

  private static final long serialVersionUID = 1L;

  static final LongType INSTANCE = new LongType();

  private LongType() {}

  @Override
  public String simpleString() {
    return "bigint";
  }

  @Override
  public String typeName() {
    return "long";
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

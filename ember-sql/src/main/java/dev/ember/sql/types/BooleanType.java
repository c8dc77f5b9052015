package dev.ember.sql.types;

/** Spark's {@code boolean} type. Use the singleton {@link DataTypes#BooleanType}. */
public final class BooleanType extends DataType {

  private static final long serialVersionUID = 1L;

  static final BooleanType INSTANCE = new BooleanType();

  private BooleanType() {}

  @Override
  public String simpleString() {
    return "boolean";
  }

  @Override
  public String typeName() {
    return "boolean";
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

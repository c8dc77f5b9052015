package dev.ember.sql.types;

/** Spark's {@code integer} type. Use the singleton {@link DataTypes#IntegerType}. */
public final class IntegerType extends DataType {

  private static final long serialVersionUID = 1L;

  static final IntegerType INSTANCE = new IntegerType();

  private IntegerType() {}

  @Override
  public String simpleString() {
    return "int";
  }

  @Override
  public String typeName() {
    return "integer";
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

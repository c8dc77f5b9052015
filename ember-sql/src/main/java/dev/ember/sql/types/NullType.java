package dev.ember.sql.types;

/** Spark's {@code void} type. Use the singleton {@link DataTypes#NullType}. */
public final class NullType extends DataType {

  private static final long serialVersionUID = 1L;

  static final NullType INSTANCE = new NullType();

  private NullType() {}

  @Override
  public String simpleString() {
    return "void";
  }

  @Override
  public String typeName() {
    return "void";
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

package dev.ember.sql.types;

/**
 * Spark's {@code float} type: 32-bit floating point, held in double vectors rounded to float. Use the singleton
 * {@link DataTypes#FloatType}.
 */
public final class FloatType extends DataType {

  private static final long serialVersionUID = 1L;

  static final FloatType INSTANCE = new FloatType();

  private FloatType() {}

  @Override
  public String simpleString() {
    return "float";
  }

  @Override
  public String typeName() {
    return "float";
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

package dev.ember.sql.types;

/**
 * Spark's {@code byte} type: 8-bit signed integers, held in int vectors and wrapped to 8 bits. Use the singleton
 * {@link DataTypes#ByteType}.
 */
public final class ByteType extends DataType {

  private static final long serialVersionUID = 1L;

  static final ByteType INSTANCE = new ByteType();

  private ByteType() {}

  @Override
  public String simpleString() {
    return "tinyint";
  }

  @Override
  public String typeName() {
    return "byte";
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

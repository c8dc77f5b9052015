package dev.ember.sql.types;

/** Spark's {@code binary} type: byte strings, held as {@code byte[]}; use {@link DataTypes#BinaryType}. */
public final class BinaryType extends DataType {

  private static final long serialVersionUID = 1L;

  static final BinaryType INSTANCE = new BinaryType();

  private BinaryType() {}

  @Override
  public String simpleString() {
    return "binary";
  }

  @Override
  public String typeName() {
    return "binary";
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

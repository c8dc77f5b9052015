package dev.ember.sql.types;

/**
 * Spark's {@code short} type: 16-bit signed integers, held in int vectors and wrapped to 16 bits. Use the
 * singleton {@link DataTypes#ShortType}.
 */
public final class ShortType extends DataType {

  private static final long serialVersionUID = 1L;

  static final ShortType INSTANCE = new ShortType();

  private ShortType() {}

  @Override
  public String simpleString() {
    return "smallint";
  }

  @Override
  public String typeName() {
    return "short";
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}

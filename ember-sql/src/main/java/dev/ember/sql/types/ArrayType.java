package dev.ember.sql.types;

import java.util.Objects;

/**
 * Spark's {@code array<elementType>}: a variable-length sequence of values of one type. Rows hold arrays as
 * {@link java.util.List}s; batches as an offsets-and-lengths vector over one child vector of the elements.
 *
 * <pre>{@code
 * DataType ints = DataTypes.createArrayType(DataTypes.IntegerType);   // array<int>
 * }</pre>
 */
public final class ArrayType extends DataType {

  private static final long serialVersionUID = 1L;
  private final DataType elementType;
  private final boolean containsNull;

  /** {@code array<elementType>}; {@code containsNull} says whether elements may be NULL. */
  public ArrayType(DataType elementType, boolean containsNull) {
    this.elementType = Objects.requireNonNull(elementType, "elementType is null");
    this.containsNull = containsNull;
  }

  /** The type of the elements. */
  public DataType elementType() {
    return elementType;
  }

  /** Whether elements may be NULL. */
  public boolean containsNull() {
    return containsNull;
  }

  @Override
  public String simpleString() {
    return "array<" + elementType.simpleString() + ">";
  }

  @Override
  public String typeName() {
    return "array";
  }

  @Override
  public String sql() {
    return "ARRAY<" + elementType.sql() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ArrayType that && elementType.equals(that.elementType)
        && containsNull == that.containsNull;
  }

  @Override
  public int hashCode() {
    return elementType.hashCode() * 31 + (containsNull ? 1 : 0);
  }

  @Override
  public String toString() {
    return "ArrayType(" + elementType + "," + containsNull + ")";
  }
}

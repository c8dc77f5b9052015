package dev.ember.sql.types;

import java.util.Objects;

/**
 * Spark's {@code map<keyType,valueType>}: keys (never NULL) mapped to values. Rows hold maps as
 * {@link java.util.Map}s that keep the insertion order; batches as offsets and lengths over a key vector and
 * a value vector.
 *
 * <pre>{@code
 * DataType m = DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType);   // map<string,int>
 * }</pre>
 */
public final class MapType extends DataType {

  private static final long serialVersionUID = 1L;
  private final DataType keyType;
  private final DataType valueType;
  private final boolean valueContainsNull;

  /** {@code map<keyType,valueType>}; {@code valueContainsNull} says whether values may be NULL. */
  public MapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
    this.keyType = Objects.requireNonNull(keyType, "keyType is null");
    this.valueType = Objects.requireNonNull(valueType, "valueType is null");
    this.valueContainsNull = valueContainsNull;
  }

  /** The type of the keys. */
  public DataType keyType() {
    return keyType;
  }

  /** The type of the values. */
  public DataType valueType() {
    return valueType;
  }

  /** Whether values may be NULL. */
  public boolean valueContainsNull() {
    return valueContainsNull;
  }

  @Override
  public String simpleString() {
    return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
  }

  @Override
  public String typeName() {
    return "map";
  }

  @Override
  public String sql() {
    return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MapType that && keyType.equals(that.keyType) && valueType.equals(that.valueType)
        && valueContainsNull == that.valueContainsNull;
  }

  @Override
  public int hashCode() {
    return (keyType.hashCode() * 31 + valueType.hashCode()) * 31 + (valueContainsNull ? 1 : 0);
  }

  @Override
  public String toString() {
    return "MapType(" + keyType + "," + valueType + "," + valueContainsNull + ")";
  }
}

package dev.ember.sql;

import dev.ember.sql.types.StructType;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a DataFrame: values by position, and by name when the row has a schema (rows a query returns
 * always do). Values are Java objects: Boolean, Integer, Long, Double, String, {@link java.time.LocalDate},
 * or null. Equality compares the values only, as Spark's does.
 *
 * <pre>{@code
 * Row row = RowFactory.create("a", 1);
 * row.getString(0);   // "a"
 * row.toString();     // "[a,1]"
 * }</pre>
 */
public final class Row implements Serializable {

  private static final long serialVersionUID = 1L;
  private final Object[] values;
  private final StructType schema;

  Row(Object[] values, StructType schema) {
    this.values = values.clone();
    this.schema = schema;
  }

  /** The number of values. */
  public int size() {
    return values.length;
  }

  /** The number of values (Spark's name). */
  public int length() {
    return values.length;
  }

  /** The schema, or null for a row built without one. */
  public StructType schema() {
    return schema;
  }

  /** The value at {@code i}, null for NULL. */
  public Object get(int i) {
    return values[i];
  }

  /** Whether the value at {@code i} is NULL. */
  public boolean isNullAt(int i) {
    return values[i] == null;
  }

  /** The int at {@code i}; throws NullPointerException for NULL, as Spark does. */
  public int getInt(int i) {
    return (Integer) nonNull(i);
  }

  /** The bigint at {@code i}. */
  public long getLong(int i) {
    return (Long) nonNull(i);
  }

  /** The double at {@code i}. */
  public double getDouble(int i) {
    return (Double) nonNull(i);
  }

  /** The boolean at {@code i}. */
  public boolean getBoolean(int i) {
    return (Boolean) nonNull(i);
  }

  /** The string at {@code i}, null for NULL. */
  public String getString(int i) {
    return (String) values[i];
  }

  /** The date at {@code i}, null for NULL. */
  public java.time.LocalDate getLocalDate(int i) {
    return (java.time.LocalDate) values[i];
  }

  /** The array at {@code i} as a list (Spark's Java API), null for NULL. */
  @SuppressWarnings("unchecked")
  public <T> java.util.List<T> getList(int i) {
    return (java.util.List<T>) values[i];
  }

  /** The map at {@code i} (Spark's Java API), null for NULL. */
  @SuppressWarnings("unchecked")
  public <K, V> java.util.Map<K, V> getJavaMap(int i) {
    return (java.util.Map<K, V>) values[i];
  }

  /** The struct at {@code i} as a row, null for NULL. */
  public Row getStruct(int i) {
    return (Row) values[i];
  }

  /** The value at {@code i}, cast to the caller's type. */
  @SuppressWarnings("unchecked")
  public <T> T getAs(int i) {
    return (T) values[i];
  }

  /** The value of the field named {@code fieldName}; needs a schema. */
  @SuppressWarnings("unchecked")
  public <T> T getAs(String fieldName) {
    return (T) values[fieldIndex(fieldName)];
  }

  /** The position of field {@code name}; needs a schema. */
  public int fieldIndex(String name) {
    if (schema == null) {
      throw new UnsupportedOperationException("fieldIndex on a Row without schema is undefined.");
    }
    return schema.fieldIndex(name);
  }

  private Object nonNull(int i) {
    if (values[i] == null) {
      throw new NullPointerException("Value at index " + i + " is null");
    }
    return values[i];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Row that && Arrays.deepEquals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ",").append(Objects.toString(values[i]));
    }
    return sb.append(']').toString();
  }
}

package dev.ember.sql.types;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The schema of a row: an ordered list of fields. Immutable; {@link #add} returns a new struct, as in Spark.
 *
 * <pre>{@code
 * StructType schema = new StructType().add("name", DataTypes.StringType).add("age", DataTypes.IntegerType);
 * }</pre>
 */
public final class StructType extends DataType implements Iterable<StructField>, Serializable {

  private static final long serialVersionUID = 1L;
  private final List<StructField> fields;

  /** An empty struct. */
  public StructType() {
    this(List.of());
  }

  /** A struct of the given fields. */
  public StructType(List<StructField> fields) {
    this.fields = List.copyOf(Objects.requireNonNull(fields, "fields is null"));
  }

  /** A struct of the given fields. */
  public StructType(StructField[] fields) {
    this(List.of(fields));
  }

  /** This struct with a nullable field appended. */
  public StructType add(String name, DataType dataType) {
    return add(name, dataType, true);
  }

  /** This struct with a field appended. */
  public StructType add(String name, DataType dataType, boolean nullable) {
    return add(new StructField(name, dataType, nullable));
  }

  /** This struct with a field appended. */
  public StructType add(StructField field) {
    List<StructField> copy = new ArrayList<>(fields);
    copy.add(field);
    return new StructType(copy);
  }

  /** The fields in order. */
  public StructField[] fields() {
    return fields.toArray(new StructField[0]);
  }

  /** The fields in order, as an immutable list. */
  public List<StructField> fieldList() {
    return fields;
  }

  /** The field names in order. */
  public String[] fieldNames() {
    return fields.stream().map(StructField::name).toArray(String[]::new);
  }

  /** The number of fields. */
  public int length() {
    return fields.size();
  }

  /** The field at {@code index}. */
  public StructField apply(int index) {
    return fields.get(index);
  }

  /** The index of the field named {@code name} (case-insensitive), or -1. */
  public int fieldIndexOrMinusOne(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the field named {@code name}; throws IllegalArgumentException when there is none. */
  public int fieldIndex(String name) {
    int index = fieldIndexOrMinusOne(name);
    if (index < 0) {
      throw new IllegalArgumentException("Field \"" + name + "\" does not exist. Available fields: "
          + String.join(", ", fieldNames()));
    }
    return index;
  }

  @Override
  public Iterator<StructField> iterator() {
    return fields.iterator();
  }

  @Override
  public String simpleString() {
    StringBuilder sb = new StringBuilder("struct<");
    for (int i = 0; i < fields.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(fields.get(i).name()).append(':')
          .append(fields.get(i).dataType().simpleString());
    }
    return sb.append('>').toString();
  }

  @Override
  public String typeName() {
    return "struct";
  }

  /** Spark's SQL spelling, e.g. {@code STRUCT<a: INT, b: STRING>}. */
  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder("STRUCT<");
    for (int i = 0; i < fields.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(fields.get(i).name()).append(": ")
          .append(fields.get(i).dataType().sql());
    }
    return sb.append('>').toString();
  }

  /** The schema as {@code printSchema} shows it: {@code root} and one {@code |-- name: type} line a field. */
  public String treeString() {
    StringBuilder sb = new StringBuilder("root\n");
    for (StructField field : fields) {
      SchemaTrees.appendField(sb, " |", field.name(), field.dataType(), "nullable", field.nullable());
    }
    return sb.toString();
  }

  /** Writes {@link #treeString()} to standard output, as Spark does. */
  public void printTreeString() {
    // Printing to standard output is this method's contract in Spark's API.
    java.io.PrintStream console = System.out;
    console.print(treeString());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StructType that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "StructType(" + String.join(",", fields.stream().map(f -> "StructField(" + f.name() + ","
        + f.dataType() + "," + f.nullable() + ")").toList()) + ")";
  }
}

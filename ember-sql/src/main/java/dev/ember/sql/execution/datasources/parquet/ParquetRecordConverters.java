package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * parquet-java converters that assemble nested Parquet values into Ember's internal values (unmodifiable
 * {@code List}s for arrays and structs, {@code Map}s, and the flat types' values), following the schema
 * mapping of {@link ParquetNestedSchemas}. Record assembly calls a group converter's {@code start}/{@code end}
 * only when the group is defined, and a repeated field's converter once per occurrence, so a NULL list, an
 * empty list and a list of NULLs come out distinct, and so do a NULL struct and a struct of NULLs.
 */
final class ParquetRecordConverters {

  private ParquetRecordConverters() {}

  /** Receives each value a converter assembles. */
  @FunctionalInterface
  interface Sink {
    void accept(Object value);
  }

  /** The converter of a group whose fields form {@code type}: each defined group becomes a struct value. */
  static StructConverter struct(GroupType group, StructType type, Sink sink) {
    return new StructConverter(group, type, sink);
  }

  /** The converter of one value of {@code field} (its repetition handled by the enclosing group). */
  static Converter converter(Type field, DataType type, Sink sink) {
    if (field.isPrimitive()) {
      return new LeafConverter(field.asPrimitiveType(), type, sink);
    }
    GroupType group = field.asGroupType();
    LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
    if (type instanceof ArrayType array && logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return new ListConverter(group, array, sink);
    }
    if (type instanceof MapType map) {
      return new MapConverter(group, map, sink);
    }
    return new StructConverter(group, (StructType) type, sink);
  }

  /** A group of fields: collects one value per field (a list per repeated field) and emits them as a list. */
  static final class StructConverter extends GroupConverter {
    private final Converter[] children;
    private final boolean[] repeated;
    private final Sink sink;
    private Object[] values;

    StructConverter(GroupType group, StructType type, Sink sink) {
      this.sink = sink;
      int n = group.getFieldCount();
      this.children = new Converter[n];
      this.repeated = new boolean[n];
      this.values = new Object[n];
      for (int i = 0; i < n; i++) {
        Type field = group.getType(i);
        DataType fieldType = type.apply(i).dataType();
        int index = i;
        if (field.getRepetition() == Type.Repetition.REPEATED) {
          repeated[i] = true;
          children[i] = converter(field, ((ArrayType) fieldType).elementType(), v -> addTo(index, v));
        } else {
          children[i] = converter(field, fieldType, v -> values[index] = v);
        }
      }
    }

    @SuppressWarnings("unchecked")
    private void addTo(int index, Object value) {
      ((List<Object>) values[index]).add(value);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
      values = new Object[children.length];
      for (int i = 0; i < children.length; i++) {
        if (repeated[i]) {
          values[i] = new ArrayList<>();
        }
      }
    }

    @Override
    public void end() {
      for (int i = 0; i < children.length; i++) {
        if (repeated[i]) {
          values[i] = Collections.unmodifiableList((List<?>) values[i]);
        }
      }
      sink.accept(Collections.unmodifiableList(Arrays.asList(values)));
    }
  }

  /** A LIST group: its repeated child is the element (2-level) or a wrapper holding it (3-level). */
  private static final class ListConverter extends GroupConverter {
    private final Converter child;
    private final Sink sink;
    private List<Object> elements = new ArrayList<>();

    ListConverter(GroupType list, ArrayType type, Sink sink) {
      this.sink = sink;
      Type repeated = ParquetNestedSchemas.listChild(list);
      if (ParquetNestedSchemas.isLegacyElement(repeated, list.getName())) {
        this.child = converter(repeated, type.elementType(), v -> elements.add(v));
      } else {
        GroupType wrapper = repeated.asGroupType();
        StructType wrapperType = new StructType(List.of(new StructField(wrapper.getType(0).getName(),
            type.elementType(), true)));
        this.child = new StructConverter(wrapper, wrapperType, v -> elements.add(((List<?>) v).get(0)));
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return child;
    }

    @Override
    public void start() {
      elements = new ArrayList<>();
    }

    @Override
    public void end() {
      sink.accept(Collections.unmodifiableList(elements));
    }
  }

  /** A MAP group: one entry per occurrence of its repeated key-value group. */
  private static final class MapConverter extends GroupConverter {
    private final Converter child;
    private final Sink sink;
    private Map<Object, Object> entries = new LinkedHashMap<>();

    MapConverter(GroupType map, MapType type, Sink sink) {
      this.sink = sink;
      GroupType keyValue = ParquetNestedSchemas.mapChild(map);
      StructType entryType = new StructType(List.of(
          new StructField(keyValue.getType(0).getName(), type.keyType(), false),
          new StructField(keyValue.getType(1).getName(), type.valueType(), true)));
      this.child = new StructConverter(keyValue, entryType, v -> {
        List<?> entry = (List<?>) v;
        entries.put(entry.get(0), entry.get(1));
      });
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return child;
    }

    @Override
    public void start() {
      entries = new LinkedHashMap<>();
    }

    @Override
    public void end() {
      sink.accept(Collections.unmodifiableMap(entries));
    }
  }

  /** A primitive: converted by {@link ParquetValues} through a one-row vector, so flat and nested agree. */
  private static final class LeafConverter extends PrimitiveConverter {
    private final ParquetValues values;
    private final ColumnVector scratch;
    private final Sink sink;

    LeafConverter(PrimitiveType column, DataType type, Sink sink) {
      this.values = new ParquetValues(column);
      this.scratch = ColumnVectors.allocate(type, 1);
      this.sink = sink;
    }

    @Override
    public void addBinary(Binary value) {
      ParquetValues.setBinary(scratch, 0, value);
      sink.accept(scratch.getBoxed(0));
    }

    @Override
    public void addBoolean(boolean value) {
      sink.accept(value);
    }

    @Override
    public void addDouble(double value) {
      sink.accept(value);
    }

    @Override
    public void addFloat(float value) {
      sink.accept((double) value);
    }

    @Override
    public void addInt(int value) {
      values.setInt(scratch, 0, value);
      sink.accept(scratch.getBoxed(0));
    }

    @Override
    public void addLong(long value) {
      values.setLong(scratch, 0, value);
      sink.accept(scratch.getBoxed(0));
    }
  }
}

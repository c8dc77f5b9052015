package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Sends arrays, maps and structs to a {@link RecordConsumer} in the layout of
 * {@link ParquetNestedSchemas#toParquet}: an array as a group with one {@code list} group per element holding
 * its {@code element} unless NULL (no {@code list} field at all for an empty array), a map as a group with one
 * {@code key_value} group per entry, a struct as a group of its non-NULL fields. A NULL value is a missing
 * field, written by the caller leaving the field out.
 */
final class ParquetNestedWriter {

  /** Writes a flat (non-nested) value of a type. */
  @FunctionalInterface
  interface FlatWriter {
    void write(DataType type, Object value);
  }

  private final RecordConsumer consumer;
  private final FlatWriter flat;

  ParquetNestedWriter(RecordConsumer consumer, FlatWriter flat) {
    this.consumer = consumer;
    this.flat = flat;
  }

  /** Whether values of {@code type} are written here. */
  static boolean isNested(DataType type) {
    return type instanceof ArrayType || type instanceof MapType || type instanceof StructType;
  }

  /** Writes a non-NULL value of any type as the current field's value. */
  void write(DataType type, Object value) {
    if (type instanceof ArrayType array) {
      writeArray(array, (List<?>) value);
    } else if (type instanceof MapType map) {
      writeMap(map, (Map<?, ?>) value);
    } else if (type instanceof StructType struct) {
      writeStruct(struct, (List<?>) value);
    } else {
      flat.write(type, value);
    }
  }

  private void writeArray(ArrayType type, List<?> elements) {
    consumer.startGroup();
    if (!elements.isEmpty()) {
      consumer.startField("list", 0);
      for (Object element : elements) {
        consumer.startGroup();
        if (element != null) {
          consumer.startField("element", 0);
          write(type.elementType(), element);
          consumer.endField("element", 0);
        }
        consumer.endGroup();
      }
      consumer.endField("list", 0);
    }
    consumer.endGroup();
  }

  private void writeMap(MapType type, Map<?, ?> entries) {
    consumer.startGroup();
    if (!entries.isEmpty()) {
      consumer.startField("key_value", 0);
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        consumer.startGroup();
        consumer.startField("key", 0);
        write(type.keyType(), entry.getKey());
        consumer.endField("key", 0);
        if (entry.getValue() != null) {
          consumer.startField("value", 1);
          write(type.valueType(), entry.getValue());
          consumer.endField("value", 1);
        }
        consumer.endGroup();
      }
      consumer.endField("key_value", 0);
    }
    consumer.endGroup();
  }

  private void writeStruct(StructType type, List<?> fields) {
    consumer.startGroup();
    for (int i = 0; i < type.length(); i++) {
      Object value = fields.get(i);
      if (value != null) {
        String name = type.apply(i).name();
        consumer.startField(name, i);
        write(type.apply(i).dataType(), value);
        consumer.endField(name, i);
      }
    }
    consumer.endGroup();
  }
}

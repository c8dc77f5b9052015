package dev.ember.sql.execution.datasources.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.sql.execution.datasources.DateTimeFormats;
import dev.ember.sql.execution.datasources.ValueParsers;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.StringWriter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON values and Ember's internal values, as Spark's JacksonParser, JsonInferSchema and JacksonGenerator
 * map them: objects are structs (inferred fields sorted by name) or maps, arrays are arrays, binary values
 * Base64 strings; an object or array read into a string column keeps its JSON text.
 */
final class JsonValues {

  /** What {@link #read} returns for a value that does not fit the type: the record is malformed. */
  static final Object MISMATCH = new Object();

  private JsonValues() {}

  /** The type of the value at {@code token}, before {@link #canonical}: nulls are NullType. */
  static DataType infer(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? DataTypes.DoubleType
            : DataTypes.LongType;
      case VALUE_NUMBER_FLOAT:
        return DataTypes.DoubleType;
      case VALUE_TRUE:
      case VALUE_FALSE:
        return DataTypes.BooleanType;
      case VALUE_NULL:
        return DataTypes.NullType;
      case START_OBJECT: {
        Map<String, DataType> fields = new TreeMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          if (value == null) {
            throw new IOException("unexpected end of the line");
          }
          fields.merge(name, infer(parser, value), JsonValues::merge);
        }
        List<StructField> out = new ArrayList<>();
        fields.forEach((name, type) -> out.add(new StructField(name, type, true)));
        return new StructType(out);
      }
      case START_ARRAY: {
        DataType element = DataTypes.NullType;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          if (t == null) {
            throw new IOException("unexpected end of the line");
          }
          element = merge(element, infer(parser, t));
        }
        return new ArrayType(element, true);
      }
      default:
        return DataTypes.StringType;
    }
  }

  /** The type holding both: structs merge their fields, arrays their elements, other conflicts are string. */
  static DataType merge(DataType a, DataType b) {
    if (a.equals(b) || b == DataTypes.NullType) {
      return a;
    }
    if (a == DataTypes.NullType) {
      return b;
    }
    if (a instanceof StructType x && b instanceof StructType y) {
      Map<String, DataType> fields = new TreeMap<>();
      x.fieldList().forEach(f -> fields.merge(f.name(), f.dataType(), JsonValues::merge));
      y.fieldList().forEach(f -> fields.merge(f.name(), f.dataType(), JsonValues::merge));
      List<StructField> out = new ArrayList<>();
      fields.forEach((name, type) -> out.add(new StructField(name, type, true)));
      return new StructType(out);
    }
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      return new ArrayType(merge(x.elementType(), y.elementType()), true);
    }
    if (isNested(a) || isNested(b)) {
      return DataTypes.StringType;
    }
    return ValueParsers.merge(a, b);
  }

  /** {@code type} with the types of values only ever null (or of empty arrays) made string, as Spark does. */
  static DataType canonical(DataType type) {
    if (type == DataTypes.NullType) {
      return DataTypes.StringType;
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(canonical(array.elementType()), true);
    }
    if (type instanceof StructType struct) {
      return new StructType(struct.fieldList().stream()
          .map(f -> new StructField(f.name(), canonical(f.dataType()), true)).toList());
    }
    return type;
  }

  /** Whether values of {@code type} are written by {@link #write} rather than as text. */
  static boolean isNested(DataType type) {
    return type instanceof ArrayType || type instanceof MapType || type instanceof StructType
        || type == DataTypes.BinaryType;
  }

  /** The internal value of {@code type} at {@code token}, or {@link #MISMATCH}. */
  static Object read(JsonParser parser, JsonToken token, DataType type, DateTimeFormats formats,
      JsonFactory factory) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (type instanceof ArrayType array) {
      if (token != JsonToken.START_ARRAY) {
        return MISMATCH;
      }
      List<Object> values = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        Object value = t == null ? MISMATCH : read(parser, t, array.elementType(), formats, factory);
        if (value == MISMATCH) {
          return MISMATCH;
        }
        values.add(value);
      }
      return Collections.unmodifiableList(values);
    }
    if (type instanceof StructType || type instanceof MapType) {
      return token == JsonToken.START_OBJECT ? readObject(parser, type, formats, factory) : MISMATCH;
    }
    return scalar(parser, token, type, formats, factory);
  }

  private static Object readObject(JsonParser parser, DataType type, DateTimeFormats formats, JsonFactory factory)
      throws IOException {
    StructType struct = type instanceof StructType s ? s : null;
    Object[] fields = struct == null ? null : new Object[struct.length()];
    Map<Object, Object> entries = struct == null ? new LinkedHashMap<>() : null;
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      if (token == null) {
        return MISMATCH;
      }
      int index = struct == null ? -2 : struct.fieldIndexOrMinusOne(name);
      if (index == -1) {
        parser.skipChildren();
        continue;
      }
      DataType valueType = struct == null ? ((MapType) type).valueType() : struct.apply(index).dataType();
      Object value = read(parser, token, valueType, formats, factory);
      if (value == MISMATCH) {
        return MISMATCH;
      }
      if (struct != null) {
        fields[index] = value;
      } else {
        try {
          entries.put(ValueParsers.parse(name, ((MapType) type).keyType(), formats.dates()), value);
        } catch (RuntimeException e) {
          return MISMATCH;
        }
      }
    }
    return struct != null ? Collections.unmodifiableList(Arrays.asList(fields))
        : Collections.unmodifiableMap(entries);
  }

  private static Object scalar(JsonParser parser, JsonToken value, DataType type, DateTimeFormats formats,
      JsonFactory factory) throws IOException {
    Object result = null;
    if (type == DataTypes.StringType) {
      result = value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY ? rawJson(parser, factory)
          : parser.getText();
    } else if (type == DataTypes.LongType && value == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      result = parser.getLongValue();
    } else if (type == DataTypes.IntegerType && value == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() == JsonParser.NumberType.INT) {
      result = parser.getIntValue();
    } else if (type == DataTypes.DoubleType && (value == JsonToken.VALUE_NUMBER_INT
        || value == JsonToken.VALUE_NUMBER_FLOAT)) {
      result = parser.getDoubleValue();
    } else if (type == DataTypes.BooleanType && (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE)) {
      result = value == JsonToken.VALUE_TRUE;
    } else if (DateTimeFormats.handles(type) && value == JsonToken.VALUE_STRING) {
      try {
        result = formats.parse(parser.getText(), type);
      } catch (DateTimeParseException e) {
        result = null;
      }
    } else if (type == DataTypes.BinaryType && value == JsonToken.VALUE_STRING) {
      try {
        result = Base64.getDecoder().decode(parser.getText());
      } catch (IllegalArgumentException e) {
        result = null;
      }
    }
    if (result == null) {
      parser.skipChildren();
      return MISMATCH;
    }
    return result;
  }

  private static String rawJson(JsonParser parser, JsonFactory factory) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = factory.createGenerator(text)) {
      generator.copyCurrentStructure(parser);
    }
    return text.toString();
  }

  /** Writes the internal value {@code value} of a nested or binary {@code type}; NULL struct fields are left out
   * when {@code ignoreNullFields}. */
  static void write(JsonGenerator generator, Object value, DataType type, DateTimeFormats formats,
      boolean ignoreNullFields) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (type instanceof ArrayType array) {
      generator.writeStartArray();
      for (Object element : (List<?>) value) {
        write(generator, element, array.elementType(), formats, ignoreNullFields);
      }
      generator.writeEndArray();
    } else if (type instanceof StructType struct) {
      generator.writeStartObject();
      List<?> fields = (List<?>) value;
      for (int i = 0; i < struct.length(); i++) {
        if (fields.get(i) != null || !ignoreNullFields) {
          generator.writeFieldName(struct.apply(i).name());
          write(generator, fields.get(i), struct.apply(i).dataType(), formats, ignoreNullFields);
        }
      }
      generator.writeEndObject();
    } else if (type instanceof MapType map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        generator.writeFieldName(ValueParsers.format(entry.getKey(), map.keyType(), formats.dates()));
        write(generator, entry.getValue(), map.valueType(), formats, ignoreNullFields);
      }
      generator.writeEndObject();
    } else if (type == DataTypes.BinaryType) {
      generator.writeBinary((byte[]) value);
    } else if (type == DataTypes.IntegerType) {
      generator.writeNumber((Integer) value);
    } else if (type == DataTypes.LongType) {
      generator.writeNumber((Long) value);
    } else if (type == DataTypes.DoubleType) {
      generator.writeNumber((Double) value);
    } else if (type == DataTypes.BooleanType) {
      generator.writeBoolean((Boolean) value);
    } else {
      generator.writeString(formats.format(value, type));
    }
  }
}

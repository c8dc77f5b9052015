package dev.ember.sql.execution.datasources.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.execution.datasources.FileInputs;
import dev.ember.sql.execution.datasources.MalformedRecords;
import dev.ember.sql.execution.datasources.ParseMode;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spark's JSON schema inference over every line: integers are bigint (double when they do not fit), other
 * numbers double, strings string, true/false boolean; a field seen with different types gets the wider numeric
 * type or string; a field only ever null is string; fields are sorted by name. Objects are structs (their
 * fields merged over the lines and sorted by name) and arrays arrays of their elements' merged type, as
 * {@link JsonValues} infers them; an object seen where an array was (or a scalar) makes the field a string
 * holding the JSON text. In PERMISSIVE mode malformed lines add the corrupt-record column.
 */
final class JsonSchemaInference {

  private JsonSchemaInference() {}

  static StructType infer(List<Path> files, JsonOptions options, boolean multiLine) throws IOException {
    JsonFactory factory = new JsonFactory();
    Map<String, DataType> fields = new TreeMap<>();
    boolean corrupt = false;
    for (Path file : files) {
      FileSplit whole = new FileSplit(file.toString(), 0, Files.size(file), false);
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(FileInputs.openWhole(whole),
          StandardCharsets.UTF_8))) {
        long lineNumber = 0;
        Iterator<String> records = multiLine ? JsonDocuments.records(file).iterator() : reader.lines().iterator();
        while (records.hasNext()) {
          String line = records.next();
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          Map<String, DataType> record = new TreeMap<>();
          try (JsonParser parser = factory.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
              throw new IOException("the line is not a JSON object");
            }
            readObject(parser, record);
            if (parser.nextToken() != null) {
              throw new IOException("unexpected text after the JSON object");
            }
          } catch (IOException e) {
            if (options.mode() == ParseMode.FAILFAST) {
              throw MalformedRecords.failFast(line, file.toString(), String.valueOf(lineNumber), e.getMessage());
            }
            corrupt |= options.mode() == ParseMode.PERMISSIVE;
            continue;
          }
          record.forEach((name, type) -> fields.merge(name, type, JsonValues::merge));
        }
      }
    }
    if (fields.isEmpty() && !corrupt) {
      return null;
    }
    List<StructField> out = new ArrayList<>();
    fields.forEach((name, type) -> out.add(new StructField(name, JsonValues.canonical(type), true)));
    if (corrupt && !fields.containsKey(options.corruptColumn())) {
      out.add(new StructField(options.corruptColumn(), DataTypes.StringType, true));
    }
    return new StructType(out);
  }

  /** Adds the object's fields and their types. */
  private static void readObject(JsonParser parser, Map<String, DataType> record) throws IOException {
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == null) {
        throw new IOException("unexpected end of the line");
      }
      record.merge(name, JsonValues.infer(parser, value), JsonValues::merge);
    }
  }
}

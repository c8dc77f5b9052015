package dev.ember.sql.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the small JSON file that keeps a table's metadata in its warehouse directory:
 *
 * <pre>{@code
 * {"version":1,"name":"t","provider":"parquet","managed":true,"location":null,
 *  "schema":[{"name":"a","type":"int","nullable":true}],"partitionColumns":["b"],"options":{}}
 * }</pre>
 *
 * A managed table's location is not stored: it is its warehouse directory, so a warehouse can be moved.
 */
final class TableMetadataFile {

  /** The file's name; it starts with an underscore so that scans of the table's data skip it. */
  static final String FILE_NAME = dev.ember.sql.execution.datasources.FileWriteJob.TABLE_METADATA;

  private static final JsonFactory JSON = new JsonFactory();

  private TableMetadataFile() {}

  /** Writes {@code table} into {@code dir}, replacing the file atomically. */
  static void write(Path dir, CatalogTable table) {
    Path file = dir.resolve(FILE_NAME);
    Path temporary = dir.resolve(FILE_NAME + ".tmp");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(temporary);
          JsonGenerator json = JSON.createGenerator(out)) {
        json.writeStartObject();
        json.writeNumberField("version", 1);
        json.writeStringField("name", table.name());
        json.writeStringField("provider", table.provider());
        json.writeBooleanField("managed", table.managed());
        json.writeStringField("location", table.managed() ? null : table.location());
        json.writeArrayFieldStart("schema");
        for (StructField field : table.schema()) {
          json.writeStartObject();
          json.writeStringField("name", field.name());
          json.writeStringField("type", field.dataType().simpleString());
          json.writeBooleanField("nullable", field.nullable());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("partitionColumns");
        for (String column : table.partitionColumns()) {
          json.writeString(column);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("options");
        for (Map.Entry<String, String> option : new java.util.TreeMap<>(table.options()).entrySet()) {
          json.writeStringField(option.getKey(), option.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the metadata of table " + table.name() + " to " + file, e);
    }
  }

  /** Reads the table of {@code database} kept in {@code dir}, or null when there is no metadata file. */
  static CatalogTable read(Path dir, String database) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (JsonParser json = JSON.createParser(file.toFile())) {
      Map<String, Object> fields = new LinkedHashMap<>();
      List<StructField> schema = new ArrayList<>();
      List<String> partitionColumns = new ArrayList<>();
      Map<String, String> options = new LinkedHashMap<>();
      expect(json.nextToken(), JsonToken.START_OBJECT, file);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.getCurrentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "schema" -> readSchema(json, schema, file);
          case "partitionColumns" -> {
            while (json.nextToken() == JsonToken.VALUE_STRING) {
              partitionColumns.add(json.getText());
            }
          }
          case "options" -> {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
              String key = json.getCurrentName();
              json.nextToken();
              options.put(key, json.getText());
            }
          }
          default -> fields.put(field, value == JsonToken.VALUE_NULL ? null
              : value.isBoolean() ? json.getBooleanValue() : json.getText());
        }
      }
      boolean managed = Boolean.TRUE.equals(fields.get("managed"));
      String location = managed ? dir.toAbsolutePath().normalize().toString() : (String) fields.get("location");
      return new CatalogTable(database, (String) fields.get("name"), new StructType(schema),
          (String) fields.get("provider"), partitionColumns, options, location, managed);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read the table metadata in " + file + ": " + e.getMessage(), e);
    }
  }

  private static void readSchema(JsonParser json, List<StructField> schema, Path file) throws IOException {
    while (json.nextToken() == JsonToken.START_OBJECT) {
      String name = null;
      DataType type = null;
      boolean nullable = true;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.getCurrentName();
        json.nextToken();
        switch (field) {
          case "name" -> name = json.getText();
          case "type" -> type = DataTypes.fromSqlName(json.getText());
          case "nullable" -> nullable = json.getBooleanValue();
          default -> json.skipChildren();
        }
      }
      if (name == null || type == null) {
        throw new IOException("a column without a name or with an unknown type in " + file);
      }
      schema.add(new StructField(name, type, nullable));
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, Path file) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " but found " + actual + " in " + file);
    }
  }
}

package dev.ember.sql.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes the small JSON file that records one database in the warehouse's
 * {@code _ember_databases} directory:
 *
 * <pre>{@code
 * {"version":1,"name":"sales","comment":"EU sales","location":null}
 * }</pre>
 *
 * The location is stored only when CREATE DATABASE named one; otherwise it is {@code <warehouse>/<name>.db},
 * so a warehouse can be moved.
 */
final class DatabaseMetadataFile {

  private static final JsonFactory JSON = new JsonFactory();

  private DatabaseMetadataFile() {}

  /** Writes the record of a database into {@code file}, replacing it atomically. */
  static void write(Path file, String name, String comment, String location) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(temporary);
          JsonGenerator json = JSON.createGenerator(out)) {
        json.writeStartObject();
        json.writeNumberField("version", 1);
        json.writeStringField("name", name);
        json.writeStringField("comment", comment);
        json.writeStringField("location", location);
        json.writeEndObject();
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the metadata of database " + name + " to " + file, e);
    }
  }

  /** The string fields of the record in {@code file} (null values kept), or null when there is no file. */
  static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (JsonParser json = JSON.createParser(file.toFile())) {
      Map<String, String> fields = new HashMap<>();
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("expected an object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.getCurrentName();
        JsonToken value = json.nextToken();
        fields.put(field, value == JsonToken.VALUE_NULL ? null : json.getText());
      }
      return fields;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the database metadata in " + file + ": " + e.getMessage(), e);
    }
  }
}

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a table's statistics in {@value #FILE_NAME} next to its metadata file, in the table's directory:
 *
 * <pre>{@code
 * {"sizeInBytes":1234,"rowCount":10,"columns":{"a":{"distinctCount":3,"min":"1","max":"9","nullCount":0}}}
 * }</pre>
 *
 * The underscore keeps scans of the table's data away from it.
 */
final class TableStatisticsFile {

  /** The file's name. */
  static final String FILE_NAME = "_ember_statistics.json";

  private static final JsonFactory JSON = new JsonFactory();

  private TableStatisticsFile() {}

  /** Writes {@code statistics} into the directory {@code dir}, replacing the file atomically. */
  static void write(Path dir, TableStatistics statistics) {
    Path file = dir.resolve(FILE_NAME);
    Path temporary = dir.resolve(FILE_NAME + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary); JsonGenerator json = JSON.createGenerator(out)) {
        json.writeStartObject();
        json.writeNumberField("sizeInBytes", statistics.sizeInBytes());
        if (statistics.rowCount() != null) {
          json.writeNumberField("rowCount", statistics.rowCount());
        }
        json.writeObjectFieldStart("columns");
        for (Map.Entry<String, TableStatistics.ColumnStatistics> column : statistics.columns().entrySet()) {
          TableStatistics.ColumnStatistics stats = column.getValue();
          json.writeObjectFieldStart(column.getKey());
          json.writeNumberField("distinctCount", stats.distinctCount());
          json.writeStringField("min", stats.min());
          json.writeStringField("max", stats.max());
          json.writeNumberField("nullCount", stats.nullCount());
          json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write table statistics to " + file, e);
    }
  }

  /** Deletes the statistics kept in {@code dir}, if any. */
  static void delete(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the table statistics in " + dir, e);
    }
  }

  /** The statistics kept in {@code dir}, if ANALYZE TABLE has computed them. */
  static Optional<TableStatistics> read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (JsonParser json = JSON.createParser(file.toFile())) {
      long size = 0;
      Long rows = null;
      Map<String, TableStatistics.ColumnStatistics> columns = new LinkedHashMap<>();
      json.nextToken();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        if (field.equals("sizeInBytes")) {
          size = json.getLongValue();
        } else if (field.equals("rowCount")) {
          rows = json.getLongValue();
        } else if (field.equals("columns")) {
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String column = json.currentName();
            json.nextToken();
            columns.put(column, readColumn(json));
          }
        } else {
          json.skipChildren();
        }
      }
      return Optional.of(new TableStatistics(size, rows, columns));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read table statistics from " + file, e);
    }
  }

  private static TableStatistics.ColumnStatistics readColumn(JsonParser json) throws IOException {
    long distinct = 0;
    long nulls = 0;
    String min = null;
    String max = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "distinctCount" -> distinct = json.getLongValue();
        case "nullCount" -> nulls = json.getLongValue();
        case "min" -> min = value == JsonToken.VALUE_NULL ? null : json.getText();
        case "max" -> max = value == JsonToken.VALUE_NULL ? null : json.getText();
        default -> json.skipChildren();
      }
    }
    return new TableStatistics.ColumnStatistics(distinct, min, max, nulls);
  }
}

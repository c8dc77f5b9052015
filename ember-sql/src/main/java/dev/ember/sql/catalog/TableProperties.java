package dev.ember.sql.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The user's properties of a persistent table (ALTER TABLE ... SET TBLPROPERTIES) and its column comments, kept
 * beside the table's metadata file. The file names start with the metadata file's, so TRUNCATE TABLE keeps them
 * and scans skip them (hidden names start with {@code _}).
 */
public final class TableProperties {

  static final String PROPERTIES_FILE = TableMetadataFile.FILE_NAME + ".properties";
  static final String COMMENTS_FILE = TableMetadataFile.FILE_NAME + ".comments";

  private TableProperties() {}

  /** The table's properties, sorted by key; empty when none were set. */
  public static Map<String, String> properties(WarehouseCatalog warehouse, TableIdentifier table) {
    return read(warehouse.defaultLocation(table).resolve(PROPERTIES_FILE));
  }

  /** The comments of the table's columns, by lower-case column name. */
  public static Map<String, String> columnComments(WarehouseCatalog warehouse, TableIdentifier table) {
    return read(warehouse.defaultLocation(table).resolve(COMMENTS_FILE));
  }

  static void writeProperties(WarehouseCatalog warehouse, TableIdentifier table, Map<String, String> values) {
    write(warehouse.defaultLocation(table).resolve(PROPERTIES_FILE), values);
  }

  static void writeColumnComments(WarehouseCatalog warehouse, TableIdentifier table, Map<String, String> values) {
    write(warehouse.defaultLocation(table).resolve(COMMENTS_FILE), values);
  }

  private static Map<String, String> read(Path file) {
    Map<String, String> values = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return values;
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the table properties in " + file, e);
    }
    for (String key : properties.stringPropertyNames()) {
      values.put(key, properties.getProperty(key));
    }
    return values;
  }

  private static void write(Path file, Map<String, String> values) {
    Properties properties = new Properties();
    properties.putAll(values);
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        properties.store(out, null);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the table properties to " + file, e);
    }
  }
}

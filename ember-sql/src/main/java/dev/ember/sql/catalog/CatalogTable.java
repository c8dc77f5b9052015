package dev.ember.sql.catalog;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the catalog knows of one persistent table (Spark's {@code CatalogTable}): its columns (data columns
 * first, partition columns last, as Spark orders them), the file format its data is kept in, the format's
 * options, the partition columns and where the files are.
 *
 * @param database the database holding the table, lower case
 * @param name the table name, lower case (Spark's catalog is case-insensitive)
 * @param schema every column: the data columns, then the partition columns
 * @param provider the file format ({@code parquet}, {@code csv}, {@code json}, {@code text})
 * @param partitionColumns the partition column names, in directory order
 * @param options the format's options
 * @param location the absolute directory of the data files
 * @param managed whether the catalog owns the data (DROP TABLE deletes it) or only points at it (LOCATION)
 */
public record CatalogTable(String database, String name, StructType schema, String provider,
    List<String> partitionColumns, Map<String, String> options, String location, boolean managed) {

  /** Validates and copies. */
  public CatalogTable {
    requireNonNull(database, "database is null");
    requireNonNull(name, "name is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(provider, "provider is null");
    requireNonNull(location, "location is null");
    database = database.toLowerCase(Locale.ROOT);
    name = name.toLowerCase(Locale.ROOT);
    partitionColumns = List.copyOf(partitionColumns);
    options = Map.copyOf(options);
  }

  /** The table's database and name. */
  public TableIdentifier identifier() {
    return new TableIdentifier(database, name);
  }

  /** The name as Spark prints it in messages: {@code `spark_catalog`.`db`.`t`}. */
  public String qualifiedName() {
    return identifier().quoted();
  }

  /** This table under another identifier (a managed table moving to {@code location}). */
  public CatalogTable renamed(TableIdentifier id, String newLocation) {
    return new CatalogTable(id.database(), id.table(), schema, provider, partitionColumns, options, newLocation,
        managed);
  }

  /** Whether {@code column} is a partition column (case-insensitively). */
  public boolean isPartitionColumn(String column) {
    return partitionColumns.stream().anyMatch(p -> p.equalsIgnoreCase(column));
  }

  /** The columns stored in the files. */
  public StructType dataSchema() {
    List<StructField> fields = new ArrayList<>();
    for (StructField field : schema) {
      if (!isPartitionColumn(field.name())) {
        fields.add(field);
      }
    }
    return new StructType(fields);
  }

  /** The partition columns, in directory order. */
  public StructType partitionSchema() {
    List<StructField> fields = new ArrayList<>();
    for (String column : partitionColumns) {
      fields.add(schema.apply(schema.fieldIndex(column)));
    }
    return new StructType(fields);
  }
}

package dev.ember.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * What the catalog knows of one database (Spark's {@code CatalogDatabase}).
 *
 * @param name the database name, lower case
 * @param description the COMMENT it was created with, or null
 * @param location the absolute directory of its managed tables
 */
public record CatalogDatabase(String name, String description, String location) {

  /** Validates and lower-cases the name. */
  public CatalogDatabase {
    requireNonNull(name, "name is null");
    requireNonNull(location, "location is null");
    name = name.toLowerCase(Locale.ROOT);
  }

  /** The name as Spark prints a schema in messages: {@code `spark_catalog`.`db`}. */
  public static String quoted(String name) {
    return "`" + WarehouseCatalog.CATALOG_NAME + "`.`" + name.toLowerCase(Locale.ROOT) + "`";
  }
}

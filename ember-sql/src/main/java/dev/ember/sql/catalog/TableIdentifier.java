package dev.ember.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A persistent table's name in the session catalog: its database and its name, both lower case (Spark's
 * catalog is case-insensitive).
 *
 * @param database the database (namespace) holding the table
 * @param table the table name
 */
public record TableIdentifier(String database, String table) {

  /** Validates and lower-cases. */
  public TableIdentifier {
    requireNonNull(database, "database is null");
    requireNonNull(table, "table is null");
    database = database.toLowerCase(Locale.ROOT);
    table = table.toLowerCase(Locale.ROOT);
  }

  /** The name as Spark prints it in messages: {@code `spark_catalog`.`db`.`t`}. */
  public String quoted() {
    return "`" + WarehouseCatalog.CATALOG_NAME + "`.`" + database + "`.`" + table + "`";
  }
}

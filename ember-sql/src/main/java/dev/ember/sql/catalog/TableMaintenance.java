package dev.ember.sql.catalog;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Changes persistent tables in place: TRUNCATE TABLE (delete the rows, keep the table) and ALTER TABLE ...
 * RENAME TO (a managed table's directory moves with its name; an external table keeps its files).
 */
public final class TableMaintenance {

  private TableMaintenance() {}

  /**
   * Deletes every data file of the managed table {@code nameParts}, keeping its definition.
   *
   * @throws AnalysisException {@code TABLE_OR_VIEW_NOT_FOUND}, or {@code UNSUPPORTED_FEATURE} for an external
   *     table (Spark refuses those too: their files belong to someone else)
   */
  public static void truncate(WarehouseCatalog warehouse, List<String> nameParts, Origin origin) {
    CatalogTable table = lookup(warehouse, nameParts, origin);
    if (!table.managed()) {
      throw new AnalysisException("UNSUPPORTED_FEATURE", Map.of("feature", "TRUNCATE TABLE on the external table "
          + table.qualifiedName()), origin.line(), origin.startPosition(), "");
    }
    Path dir = Paths.get(table.location());
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().startsWith(TableMetadataFile.FILE_NAME)) {
          WarehouseCatalog.deleteRecursively(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot truncate the table directory " + dir, e);
    }
  }

  /**
   * Renames the table {@code from} to {@code to} (in {@code from}'s database when {@code to} names none); errors
   * about the new name are reported at {@code origin}.
   *
   * @throws AnalysisException {@code TABLE_OR_VIEW_NOT_FOUND} for {@code from}, {@code SCHEMA_NOT_FOUND} for an
   *     unknown database in {@code to}, {@code UNSUPPORTED_FEATURE} for another database than {@code from}'s (as
   *     Spark's session catalog), {@code TABLE_OR_VIEW_ALREADY_EXISTS} when {@code to} exists
   */
  public static void rename(WarehouseCatalog warehouse, List<String> from, List<String> to, Origin fromOrigin,
      Origin origin) {
    CatalogTable table = lookup(warehouse, from, fromOrigin);
    List<String> qualified = to.size() == 1 ? List.of(table.database(), to.get(0)) : to;
    TableIdentifier newName = warehouse.identifier(qualified).orElseThrow(() -> WarehouseCatalog.schemaNotFound(
        String.join(".", to.subList(0, to.size() - 1)), origin));
    warehouse.requireDatabase(newName.database(), origin);
    if (!newName.database().equals(table.database())) {
      throw new AnalysisException("UNSUPPORTED_FEATURE", Map.of("feature", "renaming the table "
          + table.qualifiedName() + " into another database"), origin.line(), origin.startPosition(), "");
    }
    if (warehouse.tableExists(newName)) {
      throw new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", Map.of("relationName", newName.quoted()),
          origin.line(), origin.startPosition(), "");
    }
    Path oldDir = warehouse.defaultLocation(table.identifier());
    Path newDir = warehouse.defaultLocation(newName);
    CatalogTable renamed = table.renamed(newName, table.managed() ? newDir.toString() : table.location());
    try {
      Files.move(oldDir, newDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move the table directory " + oldDir + " to " + newDir, e);
    }
    TableMetadataFile.write(newDir, renamed);
  }

  private static CatalogTable lookup(WarehouseCatalog warehouse, List<String> nameParts, Origin origin) {
    return warehouse.identifier(nameParts).flatMap(warehouse::getTable)
        .orElseThrow(() -> new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName",
            String.join(".", nameParts.stream().map(p -> "`" + p + "`").toList())), origin.line(),
            origin.startPosition(), ""));
  }
}

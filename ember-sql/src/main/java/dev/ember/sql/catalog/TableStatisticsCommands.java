package dev.ember.sql.catalog;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.plan.AnalyzeTableCommand;
import dev.ember.sql.plan.DescribeColumnCommand;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * ANALYZE TABLE and the statistics DESCRIBE shows: the row count and per-column statistics come from one
 * aggregate query over the table (count, approx_count_distinct, min, max, count of non-NULLs per column),
 * the size from the bytes of its data files; they are kept with the table's metadata in the warehouse.
 */
public final class TableStatisticsCommands {

  private TableStatisticsCommands() {}

  /** Runs {@code ANALYZE TABLE}. */
  public static void analyze(EmberSession session, AnalyzeTableCommand command) {
    CatalogTable table = lookup(session, command.name(), command.origin());
    List<String> columns = new ArrayList<>();
    if (command.allColumns()) {
      table.schema().forEach(field -> columns.add(field.name()));
    }
    for (String column : command.columns()) {
      columns.add(field(table, column, command.origin()).name());
    }
    long size = dataBytes(Path.of(table.location()));
    Long rows = null;
    Map<String, TableStatistics.ColumnStatistics> stats = new LinkedHashMap<>();
    if (!command.noScan()) {
      List<String> aggregates = new ArrayList<>(List.of("count(1)"));
      for (String column : columns) {
        String quoted = "`" + column.replace("`", "``") + "`";
        boolean ordered = field(table, column, command.origin()).dataType() != DataTypes.StringType;
        aggregates.add("approx_count_distinct(" + quoted + ")");
        aggregates.add(ordered ? "CAST(min(" + quoted + ") AS STRING)" : "CAST(NULL AS STRING)");
        aggregates.add(ordered ? "CAST(max(" + quoted + ") AS STRING)" : "CAST(NULL AS STRING)");
        aggregates.add("count(" + quoted + ")");
      }
      Row result = session.sql("SELECT " + String.join(", ", aggregates) + " FROM `" + table.database() + "`.`"
          + table.name() + "`").first();
      rows = ((Number) result.get(0)).longValue();
      for (int i = 0; i < columns.size(); i++) {
        int at = 1 + 4 * i;
        stats.put(columns.get(i).toLowerCase(Locale.ROOT), new TableStatistics.ColumnStatistics(
            ((Number) result.get(at)).longValue(), result.getString(at + 1), result.getString(at + 2),
            rows - ((Number) result.get(at + 3)).longValue()));
      }
    }
    Path dir = session.warehouseCatalog().defaultLocation(table.identifier());
    TableStatisticsFile.write(dir, new TableStatistics(size, rows, stats));
  }

  /** Drops the statistics of the persistent table {@code name}, when its data changes. */
  static void forget(EmberSession session, TableIdentifier name) {
    TableStatisticsFile.delete(session.warehouseCatalog().defaultLocation(name));
  }

  /** The statistics ANALYZE TABLE kept for the persistent table {@code name}, if any. */
  public static Optional<TableStatistics> statistics(EmberSession session, TableIdentifier name) {
    if (!session.warehouseCatalog().tableExists(name)) {
      return Optional.empty();
    }
    return TableStatisticsFile.read(session.warehouseCatalog().defaultLocation(name));
  }

  /**
   * The rows DESCRIBE EXTENDED adds after the columns of a persistent table (Spark's "# Detailed Table
   * Information"), or none for a view.
   */
  public static List<List<Object>> detailRows(EmberSession session, List<String> name) {
    WarehouseCatalog warehouse = session.warehouseCatalog();
    Optional<CatalogTable> found = warehouse.identifier(name).flatMap(warehouse::getTable);
    if (found.isEmpty() || name.size() == 1 && session.sessionCatalog().lookupTempView(name.get(0)).isPresent()) {
      return List.of();
    }
    CatalogTable table = found.get();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(Arrays.asList("", "", ""));
    rows.add(Arrays.asList("# Detailed Table Information", "", ""));
    rows.add(Arrays.asList("Catalog", "spark_catalog", ""));
    rows.add(Arrays.asList("Database", table.database(), ""));
    rows.add(Arrays.asList("Table", table.name(), ""));
    rows.add(Arrays.asList("Type", table.managed() ? "MANAGED" : "EXTERNAL", ""));
    rows.add(Arrays.asList("Provider", table.provider(), ""));
    Map<String, String> properties = TableProperties.properties(warehouse, table.identifier());
    if (!properties.isEmpty()) {
      rows.add(Arrays.asList("Table Properties", properties.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).toList().toString(), ""));
    }
    statistics(session, table.identifier())
        .ifPresent(s -> rows.add(Arrays.asList("Statistics", s.simpleString(), "")));
    rows.add(Arrays.asList("Location", table.location(), ""));
    return rows;
  }

  /**
   * The rows of {@code DESCRIBE [EXTENDED] table column} (info_name, info_value): name, type and comment, and
   * with EXTENDED the column's statistics (NULL where not computed), as Spark.
   */
  public static List<List<Object>> describeColumn(EmberSession session, DescribeColumnCommand command) {
    CatalogTable table = lookup(session, command.name(), command.origin());
    StructField field = field(table, command.column(), command.origin());
    List<List<Object>> rows = new ArrayList<>();
    rows.add(Arrays.asList("col_name", field.name()));
    rows.add(Arrays.asList("data_type", field.dataType().simpleString()));
    rows.add(Arrays.asList("comment", "NULL"));
    if (command.extended()) {
      TableStatistics.ColumnStatistics stats = statistics(session, table.identifier())
          .map(s -> s.columns().get(field.name().toLowerCase(Locale.ROOT))).orElse(null);
      rows.add(Arrays.asList("min", stats == null || stats.min() == null ? "NULL" : stats.min()));
      rows.add(Arrays.asList("max", stats == null || stats.max() == null ? "NULL" : stats.max()));
      rows.add(Arrays.asList("num_nulls", stats == null ? "NULL" : String.valueOf(stats.nullCount())));
      rows.add(Arrays.asList("distinct_count", stats == null ? "NULL" : String.valueOf(stats.distinctCount())));
      rows.add(Arrays.asList("avg_col_len", "NULL"));
      rows.add(Arrays.asList("max_col_len", "NULL"));
      rows.add(Arrays.asList("histogram", "NULL"));
    }
    return rows;
  }

  private static CatalogTable lookup(EmberSession session, List<String> name, Origin origin) {
    return session.warehouseCatalog().identifier(name).flatMap(session.warehouseCatalog()::getTable)
        .orElseThrow(() -> new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName",
            String.join(".", name.stream().map(p -> "`" + p + "`").toList())), origin.line(),
            origin.startPosition(), ""));
  }

  private static StructField field(CatalogTable table, String column, Origin origin) {
    for (StructField field : table.schema()) {
      if (field.name().equalsIgnoreCase(column)) {
        return field;
      }
    }
    throw new AnalysisException("COLUMN_NOT_FOUND", Map.of("colName", "`" + column + "`",
        "caseSensitiveConfig", "\"spark.sql.caseSensitive\""), origin.line(), origin.startPosition(), "");
  }

  private static long dataBytes(Path location) {
    if (!Files.isDirectory(location)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(location)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("_")
          && !p.getFileName().toString().startsWith(".")).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the files of " + location, e);
    }
  }
}

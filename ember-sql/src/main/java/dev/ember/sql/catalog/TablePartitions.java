package dev.ember.sql.catalog;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.datasources.PartitionPaths;
import dev.ember.sql.plan.AlterTableCommand;
import dev.ember.sql.plan.expressions.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The partitions of a partitioned file table: the {@code p=v} directories under its location, which every scan
 * discovers afresh. ADD PARTITION creates a directory, DROP PARTITION deletes one with its files, SHOW
 * PARTITIONS lists them; RECOVER PARTITIONS and MSCK REPAIR TABLE have nothing to record, since directories
 * written outside Ember are found by the next scan.
 */
public final class TablePartitions {

  private TablePartitions() {}

  /** Applies a partition action to {@code table}. */
  static void apply(CatalogTable table, AlterTableCommand.Action action, Origin origin) {
    if (action instanceof AlterTableCommand.AddPartition add) {
      requirePartitioned(table, "ALTER TABLE ADD PARTITION", origin);
      if (add.location() != null) {
        throw new AnalysisException("UNSUPPORTED_FEATURE", Map.of("feature", "ALTER TABLE ADD PARTITION with a "
            + "LOCATION (partitions are the directories under the table's location)"), origin.line(),
            origin.startPosition(), "");
      }
      Path dir = directory(table, add.spec(), origin);
      if (Files.isDirectory(dir)) {
        if (!add.ifNotExists()) {
          throw new AnalysisException("PARTITIONS_ALREADY_EXIST", Map.of("partitionList",
              partitionList(table, add.spec()), "tableName", table.qualifiedName()), origin.line(),
              origin.startPosition(), "");
        }
        return;
      }
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the partition directory " + dir, e);
      }
    } else if (action instanceof AlterTableCommand.DropPartitions drop) {
      requirePartitioned(table, "ALTER TABLE DROP PARTITION", origin);
      List<Path> dirs = new ArrayList<>();
      for (Map<String, String> spec : drop.specs()) {
        Path dir = directory(table, spec, origin);
        if (!Files.isDirectory(dir) && !drop.ifExists()) {
          throw new AnalysisException("PARTITIONS_NOT_FOUND", Map.of("partitionList", partitionList(table, spec),
              "tableName", table.qualifiedName()), origin.line(), origin.startPosition(), "");
        }
        dirs.add(dir);
      }
      dirs.forEach(WarehouseCatalog::deleteRecursively);
    } else if (action instanceof AlterTableCommand.RecoverPartitions recover) {
      requirePartitioned(table, recover.operation(), origin);
    }
  }

  /** The rows of SHOW PARTITIONS: each partition's path ({@code day=mon/hour=1}), sorted. */
  static List<List<Object>> show(CatalogTable table, Map<String, String> spec, Origin origin) {
    requirePartitioned(table, "SHOW PARTITIONS", origin);
    Map<String, String> wanted = new LinkedHashMap<>();
    spec.forEach((column, value) -> wanted.put(partitionColumn(table, column, origin), value));
    List<String> paths = new ArrayList<>();
    collect(Paths.get(table.location()), table, 0, new ArrayList<>(), wanted, paths);
    paths.sort(null);
    List<List<Object>> rows = new ArrayList<>();
    paths.forEach(p -> rows.add(List.of(p)));
    return rows;
  }

  private static void collect(Path dir, CatalogTable table, int level, List<String> segments,
      Map<String, String> wanted, List<String> out) {
    if (level == table.partitionColumns().size()) {
      out.add(String.join("/", segments));
      return;
    }
    String column = table.partitionColumns().get(level);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.filter(Files::isDirectory).toList()) {
        String name = child.getFileName().toString();
        int eq = name.indexOf('=');
        if (eq < 0 || !PartitionPaths.unescape(name.substring(0, eq)).equalsIgnoreCase(column)) {
          continue;
        }
        String value = PartitionPaths.unescape(name.substring(eq + 1));
        String expected = wanted.get(column);
        if (expected == null || expected.equals(value)) {
          segments.add(column + "=" + PartitionPaths.escape(value));
          collect(child, table, level + 1, segments, wanted, out);
          segments.remove(segments.size() - 1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the partitions under " + dir, e);
    }
  }

  /** The directory of the partition {@code spec} names, which must give every partition column a value. */
  private static Path directory(CatalogTable table, Map<String, String> spec, Origin origin) {
    Map<String, String> values = new LinkedHashMap<>();
    spec.forEach((column, value) -> values.put(partitionColumn(table, column, origin), value));
    if (values.size() != table.partitionColumns().size()) {
      throw new AnalysisException("_LEGACY_ERROR_TEMP_1232", Map.of("specKeys", String.join(", ", spec.keySet()),
          "partitionColumnNames", String.join(", ", table.partitionColumns()), "tableName",
          table.qualifiedName()), origin.line(), origin.startPosition(), "");
    }
    Path dir = Paths.get(table.location());
    for (String column : table.partitionColumns()) {
      dir = dir.resolve(PartitionPaths.escape(column) + "=" + PartitionPaths.escape(values.get(column)));
    }
    return dir;
  }

  private static String partitionColumn(CatalogTable table, String column, Origin origin) {
    for (String partitionColumn : table.partitionColumns()) {
      if (partitionColumn.equalsIgnoreCase(column)) {
        return partitionColumn;
      }
    }
    throw new AnalysisException("NON_PARTITION_COLUMN", Map.of("columnName", "`" + column + "`"), origin.line(),
        origin.startPosition(), "");
  }

  private static String partitionList(CatalogTable table, Map<String, String> spec) {
    List<String> values = new ArrayList<>();
    spec.forEach((column, value) -> values.add("`" + column.toLowerCase(Locale.ROOT) + "` = " + value));
    return "PARTITION (" + String.join(", ", values) + ")";
  }

  private static void requirePartitioned(CatalogTable table, String operation, Origin origin) {
    if (table.partitionColumns().isEmpty()) {
      throw new AnalysisException("NOT_A_PARTITIONED_TABLE", Map.of("operation", operation, "tableIdentWithDB",
          table.qualifiedName()), origin.line(), origin.startPosition(), "");
    }
  }
}

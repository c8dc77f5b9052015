package dev.ember.sql.catalog;

import dev.ember.EmberConf;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.FileFormats;
import dev.ember.sql.execution.datasources.FileIndex;
import dev.ember.sql.execution.datasources.FileRelation;
import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.execution.datasources.ScanSettings;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.SubqueryAlias;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The persistent tables of the {@code default} database, kept in the warehouse directory
 * ({@code spark.sql.warehouse.dir}, {@code spark-warehouse} in the working directory by default): one
 * directory per table, named after it in lower case, holding a small metadata file and — for a managed
 * table — the data files. A table created with LOCATION keeps only its metadata there. Any session over the
 * same directory sees the same tables. Nothing is read or created until a table is used.
 */
public final class WarehouseCatalog {

  /** {@code spark.sql.warehouse.dir}: where managed tables and the table metadata live. */
  public static final String WAREHOUSE_DIR = "ember.sql.warehouse.dir";

  private final Path warehouse;
  private final EmberConf conf;
  private final int defaultParallelism;

  /** The catalog of the warehouse named by {@code conf}; scans are cut with {@code defaultParallelism}. */
  public WarehouseCatalog(EmberConf conf, int defaultParallelism) {
    String dir = conf.get(WAREHOUSE_DIR, "spark-warehouse");
    String local = dir.startsWith("file://") ? dir.substring(7) : dir.startsWith("file:") ? dir.substring(5) : dir;
    this.warehouse = Paths.get(local).toAbsolutePath().normalize();
    this.conf = conf;
    this.defaultParallelism = defaultParallelism;
  }

  /** The warehouse directory. */
  public Path warehouse() {
    return warehouse;
  }

  /**
   * The table name of {@code nameParts} ({@code t}, {@code default.t} or {@code spark_catalog.default.t}),
   * lower case; empty for a name in another database or catalog.
   */
  public static Optional<String> tableName(List<String> nameParts) {
    int n = nameParts.size();
    if (n == 0 || n > 3) {
      return Optional.empty();
    }
    if (n >= 2 && !nameParts.get(n - 2).equalsIgnoreCase("default")) {
      return Optional.empty();
    }
    if (n == 3 && !nameParts.get(0).equalsIgnoreCase("spark_catalog")) {
      return Optional.empty();
    }
    return Optional.of(nameParts.get(n - 1).toLowerCase(Locale.ROOT));
  }

  /** The directory of a managed table named {@code name}. */
  public Path defaultLocation(String name) {
    return warehouse.resolve(name.toLowerCase(Locale.ROOT));
  }

  /** The table named {@code name}, if the warehouse has it. */
  public Optional<CatalogTable> getTable(String name) {
    Path dir = defaultLocation(name);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    return Optional.ofNullable(TableMetadataFile.read(dir));
  }

  /** Whether the warehouse has a table named {@code name}. */
  public boolean tableExists(String name) {
    return Files.isRegularFile(defaultLocation(name).resolve(TableMetadataFile.FILE_NAME));
  }

  /**
   * Records {@code table} (creating a managed table's directory).
   *
   * @throws AnalysisException {@code TABLE_OR_VIEW_ALREADY_EXISTS}, or {@code LOCATION_ALREADY_EXISTS} when a
   *     managed table's directory already holds files of no table
   */
  public void createTable(CatalogTable table) {
    if (tableExists(table.name())) {
      throw new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", Map.of("relationName", table.qualifiedName()));
    }
    Path dir = defaultLocation(table.name());
    if (table.managed() && isNonEmptyDirectory(dir)) {
      throw new AnalysisException("LOCATION_ALREADY_EXISTS", Map.of("identifier", table.qualifiedName(),
          "location", "'file:" + dir + "'"));
    }
    TableMetadataFile.write(dir, table);
    if (!table.managed()) {
      try {
        Files.createDirectories(Paths.get(table.location()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the table location " + table.location(), e);
      }
    }
  }

  /** Forgets {@code table}, deleting its files when it is managed. */
  public void dropTable(CatalogTable table) {
    deleteRecursively(defaultLocation(table.name()));
  }

  /** The names of the tables, sorted. */
  public List<String> listTables() {
    if (!Files.isDirectory(warehouse)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(warehouse)) {
      return entries.filter(p -> Files.isRegularFile(p.resolve(TableMetadataFile.FILE_NAME)))
          .map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the warehouse " + warehouse, e);
    }
  }

  /** A scan of {@code table}'s files under the table's name, for queries, or empty if there is no such table. */
  public Optional<LogicalPlan> relation(List<String> nameParts) {
    return tableName(nameParts).flatMap(this::getTable).map(this::relation);
  }

  /** A scan of {@code table}'s files, aliased by the table name. */
  public LogicalPlan relation(CatalogTable table) {
    DataSourceOptions options = new DataSourceOptions(table.options());
    FileIndex index = FileIndex.list(List.of(table.location()), table.schema());
    FileRelation files = new FileRelation(FileFormats.lookup(table.provider()), index, table.dataSchema(),
        table.partitionSchema(), options, ScanSettings.from(conf, defaultParallelism, options));
    LogicalRelation scan = LogicalRelation.of(files);
    Optional<TableStatistics> statistics = TableStatisticsFile.read(defaultLocation(table.name()));
    if (statistics.isPresent()) {
      scan = scan.withCatalogStatistics(statistics.get().toRelationStatistics(table.schema()));
    }
    return new SubqueryAlias(table.name(), scan);
  }

  private static boolean isNonEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> deepestFirst = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path path : deepestFirst) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + root, e);
    }
  }
}

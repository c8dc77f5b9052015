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
import dev.ember.sql.plan.expressions.Origin;
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
 * The databases and persistent tables of the session catalog, kept in the warehouse directory
 * ({@code spark.sql.warehouse.dir}, {@code spark-warehouse} in the working directory by default), laid out as
 * Spark lays them out: the {@code default} database is the warehouse itself, any other database {@code db} is
 * {@code <warehouse>/db.db} (or the LOCATION it was created with) and is recorded in
 * {@code <warehouse>/_ember_databases/db.json}; each table is a directory named after it in lower case in its
 * database's directory, holding a small metadata file and — for a managed table — the data files. A table
 * created with LOCATION keeps only its metadata there. Any session over the same directory sees the same
 * databases and tables; the current database ({@code USE db}) belongs to the session. Nothing is read or
 * created until a table or database is used.
 */
public final class WarehouseCatalog {

  /** {@code spark.sql.warehouse.dir}: where managed tables and the table metadata live. */
  public static final String WAREHOUSE_DIR = "ember.sql.warehouse.dir";

  /** The name of the session catalog, as qualified names spell it ({@code spark_catalog.db.t}). */
  public static final String CATALOG_NAME = "spark_catalog";

  /** The database that always exists and is current in a new session. */
  public static final String DEFAULT_DATABASE = "default";

  private static final String DATABASES_DIR = "_ember_databases";

  private final Path warehouse;
  private final EmberConf conf;
  private final int defaultParallelism;
  private volatile String currentDatabase = DEFAULT_DATABASE;

  /** The catalog of the warehouse named by {@code conf}; scans are cut with {@code defaultParallelism}. */
  public WarehouseCatalog(EmberConf conf, int defaultParallelism) {
    String dir = conf.get(WAREHOUSE_DIR, "spark-warehouse");
    this.warehouse = Paths.get(stripScheme(dir)).toAbsolutePath().normalize();
    this.conf = conf;
    this.defaultParallelism = defaultParallelism;
  }

  /** The warehouse directory. */
  public Path warehouse() {
    return warehouse;
  }

  /** The session's current database, used for table names without one. */
  public String currentDatabase() {
    return currentDatabase;
  }

  /**
   * Makes {@code name} the current database.
   *
   * @throws AnalysisException {@code SCHEMA_NOT_FOUND}
   */
  public void setCurrentDatabase(String name, Origin origin) {
    String database = name.toLowerCase(Locale.ROOT);
    requireDatabase(database, origin);
    currentDatabase = database;
  }

  /**
   * The table identifier of {@code nameParts} ({@code t} in the current database, {@code db.t} or
   * {@code spark_catalog.db.t}); empty for a name of another catalog or with too many parts.
   */
  public Optional<TableIdentifier> identifier(List<String> nameParts) {
    int n = nameParts.size();
    if (n == 0 || n > 3 || n == 3 && !nameParts.get(0).equalsIgnoreCase(CATALOG_NAME)) {
      return Optional.empty();
    }
    String database = n == 1 ? currentDatabase : nameParts.get(n - 2);
    return Optional.of(new TableIdentifier(database, nameParts.get(n - 1)));
  }

  /** Whether database {@code name} exists. */
  public boolean databaseExists(String name) {
    String database = name.toLowerCase(Locale.ROOT);
    return database.equals(DEFAULT_DATABASE) || Files.isRegularFile(databaseFile(database));
  }

  /** Database {@code name}, if it exists. */
  public Optional<CatalogDatabase> getDatabase(String name) {
    String database = name.toLowerCase(Locale.ROOT);
    if (database.equals(DEFAULT_DATABASE)) {
      return Optional.of(new CatalogDatabase(DEFAULT_DATABASE, "default database", warehouse.toString()));
    }
    Map<String, String> fields = DatabaseMetadataFile.read(databaseFile(database));
    if (fields == null) {
      return Optional.empty();
    }
    String location = fields.get("location");
    return Optional.of(new CatalogDatabase(database, fields.get("comment"),
        location == null ? warehouse.resolve(database + ".db").toString() : location));
  }

  /** The database names, sorted ({@code default} among them). */
  public List<String> listDatabases() {
    List<String> names = new ArrayList<>(List.of(DEFAULT_DATABASE));
    Path dir = warehouse.resolve(DATABASES_DIR);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        entries.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json"))
            .map(f -> f.substring(0, f.length() - ".json".length())).forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the databases in " + dir, e);
      }
    }
    return names.stream().sorted().toList();
  }

  /**
   * Records database {@code name} and creates its directory ({@code <warehouse>/name.db} unless
   * {@code location} names one); whether it was created.
   *
   * @throws AnalysisException {@code SCHEMA_ALREADY_EXISTS} unless {@code ifNotExists}
   */
  public boolean createDatabase(String name, String comment, String location, boolean ifNotExists,
      Origin origin) {
    String database = name.toLowerCase(Locale.ROOT);
    if (databaseExists(database)) {
      if (ifNotExists) {
        return false;
      }
      throw new AnalysisException("SCHEMA_ALREADY_EXISTS", Map.of("schemaName", CatalogDatabase.quoted(database)),
          origin.line(), origin.startPosition(), "");
    }
    String absolute = location == null ? null : Paths.get(stripScheme(location)).toAbsolutePath().normalize()
        .toString();
    Path dir = absolute == null ? warehouse.resolve(database + ".db") : Paths.get(absolute);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the database directory " + dir, e);
    }
    DatabaseMetadataFile.write(databaseFile(database), database, comment, absolute);
    return true;
  }

  /**
   * Drops database {@code name}: with {@code cascade} its tables first (a managed table's files with it), then
   * its directory when it is empty or in the warehouse's layout. A session whose current database it was is
   * back in {@code default}.
   *
   * @throws AnalysisException {@code SCHEMA_NOT_FOUND} unless {@code ifExists}, {@code SCHEMA_NOT_EMPTY} for a
   *     database with tables without {@code cascade}, {@code UNSUPPORTED_FEATURE.DROP_DATABASE} for default
   */
  public void dropDatabase(String name, boolean ifExists, boolean cascade, Origin origin) {
    String database = name.toLowerCase(Locale.ROOT);
    if (database.equals(DEFAULT_DATABASE)) {
      throw new AnalysisException("UNSUPPORTED_FEATURE.DROP_DATABASE", Map.of("database",
          CatalogDatabase.quoted(database)), origin.line(), origin.startPosition(), "");
    }
    CatalogDatabase found = getDatabase(database).orElse(null);
    if (found == null) {
      if (ifExists) {
        return;
      }
      throw schemaNotFound(database, origin);
    }
    List<String> tables = listTables(database);
    if (!tables.isEmpty() && !cascade) {
      throw new AnalysisException("SCHEMA_NOT_EMPTY", Map.of("schemaName", CatalogDatabase.quoted(database)),
          origin.line(), origin.startPosition(), "");
    }
    for (String table : tables) {
      getTable(new TableIdentifier(database, table)).ifPresent(this::dropTable);
    }
    Path dir = Paths.get(found.location());
    if (dir.equals(warehouse.resolve(database + ".db")) || !isNonEmptyDirectory(dir)) {
      deleteRecursively(dir);
    }
    try {
      Files.deleteIfExists(databaseFile(database));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the record of database " + database, e);
    }
    if (currentDatabase.equals(database)) {
      currentDatabase = DEFAULT_DATABASE;
    }
  }

  /** Fails with {@code SCHEMA_NOT_FOUND} at {@code origin} unless database {@code name} exists. */
  public void requireDatabase(String name, Origin origin) {
    if (!databaseExists(name)) {
      throw schemaNotFound(name, origin);
    }
  }

  /** {@code SCHEMA_NOT_FOUND} for database {@code name} at {@code origin}. */
  public static AnalysisException schemaNotFound(String name, Origin origin) {
    return new AnalysisException("SCHEMA_NOT_FOUND", Map.of("schemaName", CatalogDatabase.quoted(name)),
        origin.line(), origin.startPosition(), "");
  }

  /** The directory of database {@code name}'s managed tables (the warehouse itself for default). */
  public Path databaseLocation(String name) {
    String database = name.toLowerCase(Locale.ROOT);
    if (database.equals(DEFAULT_DATABASE)) {
      return warehouse;
    }
    return getDatabase(database).map(d -> Paths.get(d.location())).orElse(warehouse.resolve(database + ".db"));
  }

  /** The directory of a managed table named {@code id}. */
  public Path defaultLocation(TableIdentifier id) {
    return databaseLocation(id.database()).resolve(id.table());
  }

  /** The table {@code id}, if its database has it. */
  public Optional<CatalogTable> getTable(TableIdentifier id) {
    if (!databaseExists(id.database())) {
      return Optional.empty();
    }
    Path dir = defaultLocation(id);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    return Optional.ofNullable(TableMetadataFile.read(dir, id.database()));
  }

  /** Whether the warehouse has a table {@code id}. */
  public boolean tableExists(TableIdentifier id) {
    return databaseExists(id.database())
        && Files.isRegularFile(defaultLocation(id).resolve(TableMetadataFile.FILE_NAME));
  }

  /**
   * Records {@code table} (creating a managed table's directory).
   *
   * @throws AnalysisException {@code TABLE_OR_VIEW_ALREADY_EXISTS}, or {@code LOCATION_ALREADY_EXISTS} when a
   *     managed table's directory already holds files of no table
   */
  public void createTable(CatalogTable table) {
    if (tableExists(table.identifier())) {
      throw new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", Map.of("relationName", table.qualifiedName()));
    }
    Path dir = defaultLocation(table.identifier());
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
    deleteRecursively(defaultLocation(table.identifier()));
  }

  /** The names of the tables of the current database, sorted. */
  public List<String> listTables() {
    return listTables(currentDatabase);
  }

  /** The names of the tables of database {@code name}, sorted; none when there is no such database. */
  public List<String> listTables(String name) {
    if (!databaseExists(name)) {
      return List.of();
    }
    Path dir = databaseLocation(name);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> Files.isRegularFile(p.resolve(TableMetadataFile.FILE_NAME)))
          .map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the tables in " + dir, e);
    }
  }

  /** A scan of the table {@code nameParts} names, for queries, or empty if there is no such table. */
  public Optional<LogicalPlan> relation(List<String> nameParts) {
    return identifier(nameParts).flatMap(this::getTable).map(this::relation);
  }

  /** A scan of {@code table}'s files, aliased by the table name. */
  public LogicalPlan relation(CatalogTable table) {
    DataSourceOptions options = new DataSourceOptions(table.options());
    FileIndex index = FileIndex.list(List.of(table.location()), table.schema());
    FileRelation files = new FileRelation(FileFormats.lookup(table.provider()), index, table.dataSchema(),
        table.partitionSchema(), options, ScanSettings.from(conf, defaultParallelism, options));
    LogicalRelation scan = LogicalRelation.of(files);
    Optional<TableStatistics> statistics = TableStatisticsFile.read(defaultLocation(table.identifier()));
    if (statistics.isPresent()) {
      scan = scan.withCatalogStatistics(statistics.get().toRelationStatistics(table.schema()));
    }
    return new SubqueryAlias(table.name(), scan, List.of(CATALOG_NAME, table.database()));
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

  private Path databaseFile(String database) {
    return warehouse.resolve(DATABASES_DIR).resolve(database + ".json");
  }

  private static String stripScheme(String path) {
    return path.startsWith("file://") ? path.substring(7) : path.startsWith("file:") ? path.substring(5) : path;
  }
}

package dev.ember.sql;

import dev.ember.sql.analysis.SessionCatalog;
import dev.ember.sql.catalog.TableCommands;
import dev.ember.sql.catalog.TableIdentifier;
import dev.ember.sql.catalog.WarehouseCatalog;
import dev.ember.sql.plan.CreateTable;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The user-facing catalog of a session, Spark's {@code spark.catalog()}: databases, tables and views, their
 * columns, and their caching. Persistent tables live in databases of the warehouse; the current database
 * ({@link #setCurrentDatabase}) is where names without a database are looked up; temporary views belong to no
 * database.
 *
 * <pre>{@code
 * session.catalog().cacheTable("sales");
 * session.catalog().listTables().show();
 * }</pre>
 */
public final class Catalog {

  /** The database that always exists. */
  public static final String DEFAULT_DATABASE = "default";

  private static final StructType DATABASE_SCHEMA = new StructType(List.of(
      new StructField("name", DataTypes.StringType, false),
      new StructField("catalog", DataTypes.StringType, true),
      new StructField("description", DataTypes.StringType, true),
      new StructField("locationUri", DataTypes.StringType, false)));

  private static final StructType TABLE_SCHEMA = new StructType(List.of(
      new StructField("name", DataTypes.StringType, false),
      new StructField("catalog", DataTypes.StringType, true),
      new StructField("namespace", DataTypes.StringType, true),
      new StructField("description", DataTypes.StringType, true),
      new StructField("tableType", DataTypes.StringType, false),
      new StructField("isTemporary", DataTypes.BooleanType, false)));

  private static final StructType COLUMN_SCHEMA = new StructType(List.of(
      new StructField("name", DataTypes.StringType, false),
      new StructField("description", DataTypes.StringType, true),
      new StructField("dataType", DataTypes.StringType, false),
      new StructField("nullable", DataTypes.BooleanType, false),
      new StructField("isPartition", DataTypes.BooleanType, false),
      new StructField("isBucket", DataTypes.BooleanType, false)));

  private final EmberSession session;

  Catalog(EmberSession session) {
    this.session = session;
  }

  /** One table or view of a listing. */
  record TableEntry(String database, String name, boolean isTemporary, String tableType) {}

  /** The current database, where table names without a database are looked up. */
  public String currentDatabase() {
    return session.warehouseCatalog().currentDatabase();
  }

  /**
   * Makes {@code name} the current database, as {@code USE name}.
   *
   * @throws AnalysisException {@code SCHEMA_NOT_FOUND}
   */
  public void setCurrentDatabase(String name) {
    session.warehouseCatalog().setCurrentDatabase(name, Origin.NONE);
  }

  /** Whether database {@code name} exists. */
  public boolean databaseExists(String name) {
    return session.warehouseCatalog().databaseExists(name);
  }

  /** The databases (name, catalog, description, locationUri), sorted by name. */
  public Dataset<Row> listDatabases() {
    List<Row> rows = new ArrayList<>();
    for (String name : session.warehouseCatalog().listDatabases()) {
      session.warehouseCatalog().getDatabase(name).ifPresent(d -> rows.add(RowFactory.create(d.name(),
          WarehouseCatalog.CATALOG_NAME, d.description(), "file:" + d.location())));
    }
    return session.createDataFrame(rows, DATABASE_SCHEMA);
  }

  /**
   * The tables of the current database, then the temporary views (name, catalog, namespace, description,
   * tableType, isTemporary), each sorted by name.
   */
  public Dataset<Row> listTables() {
    return listTables(currentDatabase());
  }

  /**
   * The tables of database {@code dbName}, then the temporary views, each sorted by name.
   *
   * @throws AnalysisException {@code SCHEMA_NOT_FOUND}
   */
  public Dataset<Row> listTables(String dbName) {
    session.warehouseCatalog().requireDatabase(dbName, Origin.NONE);
    List<Row> rows = new ArrayList<>();
    for (TableEntry t : tables(dbName, null, true)) {
      rows.add(RowFactory.create(t.name(), t.isTemporary() ? null : WarehouseCatalog.CATALOG_NAME,
          t.isTemporary() ? null : t.database(), null, t.tableType(), t.isTemporary()));
    }
    return session.createDataFrame(rows, TABLE_SCHEMA);
  }

  /** The columns of table or view {@code name} (name, description, dataType, nullable, isPartition, isBucket). */
  public Dataset<Row> listColumns(String name) {
    List<Row> rows = new ArrayList<>();
    for (StructField field : session.table(name).schema()) {
      rows.add(RowFactory.create(field.name(), null, field.dataType().simpleString(), field.nullable(), false, false));
    }
    return session.createDataFrame(rows, COLUMN_SCHEMA);
  }

  /** Whether a temporary view or a table named {@code name} ({@code t}, {@code db.t}) exists. */
  public boolean tableExists(String name) {
    if (sessionCatalog().lookupTempView(name).isPresent()) {
      return true;
    }
    WarehouseCatalog warehouse = session.warehouseCatalog();
    return warehouse.identifier(Arrays.asList(name.split("\\."))).map(warehouse::tableExists).orElse(false);
  }

  /** Whether database {@code dbName} has a table named {@code tableName}. */
  public boolean tableExists(String dbName, String tableName) {
    return session.warehouseCatalog().tableExists(new TableIdentifier(dbName, tableName));
  }

  /**
   * Creates the table {@code tableName} ({@code t} in the current database, or {@code db.t}) over the files at
   * {@code path} in the default data source format, their schema inferred, as Spark's external tables.
   */
  public Dataset<Row> createTable(String tableName, String path) {
    return createTable(tableName, path, null);
  }

  /** Creates the table {@code tableName} over the files at {@code path} in format {@code source}. */
  public Dataset<Row> createTable(String tableName, String path, String source) {
    return createTable(tableName, source, null, path == null ? Map.of() : Map.of("path", path));
  }

  /**
   * Creates the table {@code tableName} in format {@code source} with columns {@code schema} (inferred from
   * the files when null); an option {@code path} makes it an external table over that directory.
   *
   * <pre>{@code
   * session.catalog().createTable("sales.orders", "parquet", schema, Map.of());
   * }</pre>
   */
  public Dataset<Row> createTable(String tableName, String source, StructType schema, Map<String, String> options) {
    Map<String, String> rest = new java.util.LinkedHashMap<>(options);
    String path = rest.remove("path");
    List<String> name = Arrays.asList(tableName.split("\\."));
    TableCommands.run(session, new CreateTable(name, schema, source, List.of(), rest, path, false, null,
        Origin.NONE));
    return session.table(tableName);
  }

  /** Drops temporary view {@code name} and its cached data; whether it existed. */
  public boolean dropTempView(String name) {
    LogicalPlan view = sessionCatalog().lookupTempView(name).orElse(null);
    if (view == null) {
      return false;
    }
    session.cacheManager().uncache(view);
    return sessionCatalog().dropTempView(name);
  }

  /** Caches table or view {@code name} in memory (and on disk when memory is short), lazily. */
  public void cacheTable(String name) {
    cacheTable(name, StorageLevel.MEMORY_AND_DISK);
  }

  /** Caches table or view {@code name} at {@code level}, lazily. */
  public void cacheTable(String name, StorageLevel level) {
    session.cacheQuery(relation(name, Origin.NONE), level);
  }

  /** Drops the cached data of table or view {@code name}. */
  public void uncacheTable(String name) {
    session.cacheManager().uncache(relation(name, Origin.NONE));
  }

  /** Whether table or view {@code name} is cached. */
  public boolean isCached(String name) {
    return session.cacheManager().lookup(relation(name, Origin.NONE)).isPresent();
  }

  /** Drops every cached table and DataFrame. */
  public void clearCache() {
    session.cacheManager().clear();
  }

  /** The plan of view {@code name} (without its alias, so every query over the view shares its cache). */
  LogicalPlan relation(String name, Origin origin) {
    return sessionCatalog().lookupTempView(name).orElseThrow(() -> notFound(List.of(name), origin));
  }

  static AnalysisException notFound(List<String> name, Origin origin) {
    String quoted = String.join(".", name.stream().map(p -> "`" + p + "`").toList());
    return new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName", quoted), origin.line(),
        origin.startPosition(), "");
  }

  /**
   * The tables and views whose names match Spark's {@code pattern} ({@code *} any characters, {@code |}
   * alternatives, case-insensitive), or all of them when it is null, sorted by name.
   */
  List<TableEntry> tables(String pattern) {
    return tables(currentDatabase(), pattern, true);
  }

  /**
   * The persistent tables of {@code database} (when {@code withTables}) then temporary views, as SHOW TABLES
   * lists them.
   */
  List<TableEntry> tables(String database, String pattern, boolean withTables) {
    Pattern regex = pattern == null ? null : likePattern(pattern);
    List<TableEntry> entries = new ArrayList<>();
    for (String table : withTables ? session.warehouseCatalog().listTables(database) : List.<String>of()) {
      if (regex == null || regex.matcher(table).matches()) {
        entries.add(new TableEntry(database.toLowerCase(java.util.Locale.ROOT), table, false, "MANAGED"));
      }
    }
    for (String view : sessionCatalog().listTempViews()) {
      if (regex == null || regex.matcher(view).matches()) {
        entries.add(new TableEntry("", view, true, "TEMPORARY"));
      }
    }
    return entries;
  }

  /** Spark's SHOW ... LIKE pattern as a case-insensitive regular expression. */
  static Pattern likePattern(String pattern) {
    List<String> alternatives = new ArrayList<>();
    for (String alternative : pattern.split("\\|")) {
      alternatives.add(Arrays.stream(alternative.trim().split("\\*", -1)).map(Pattern::quote)
          .collect(Collectors.joining(".*")));
    }
    return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
  }

  private SessionCatalog sessionCatalog() {
    return session.sessionCatalog();
  }
}

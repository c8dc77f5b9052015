package dev.ember.sql;

import dev.ember.sql.analysis.SessionCatalog;
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
 * The user-facing catalog of a session, Spark's {@code spark.catalog()}: tables and views, their columns, and
 * their caching. Only temporary views exist yet, all in the database {@code default}; persistent tables will
 * be listed by the same methods once they exist.
 *
 * <pre>{@code
 * session.catalog().cacheTable("sales");
 * session.catalog().listTables().show();
 * }</pre>
 */
public final class Catalog {

  /** The only database. */
  public static final String DEFAULT_DATABASE = "default";

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

  /** The current database: always {@code default}. */
  public String currentDatabase() {
    return DEFAULT_DATABASE;
  }

  /** Sets the current database; only {@code default} exists. */
  public void setCurrentDatabase(String name) {
    if (!name.equalsIgnoreCase(DEFAULT_DATABASE)) {
      throw new AnalysisException("SCHEMA_NOT_FOUND", Map.of("schemaName", "`" + name + "`"));
    }
  }

  /** Whether database {@code name} exists. */
  public boolean databaseExists(String name) {
    return name.equalsIgnoreCase(DEFAULT_DATABASE);
  }

  /** The tables and views (name, catalog, namespace, description, tableType, isTemporary), sorted by name. */
  public Dataset<Row> listTables() {
    List<Row> rows = new ArrayList<>();
    for (TableEntry t : tables(null)) {
      rows.add(RowFactory.create(t.name(), null, null, null, t.tableType(), t.isTemporary()));
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

  /** Whether a table or view named {@code name} exists. */
  public boolean tableExists(String name) {
    return sessionCatalog().lookupTempView(name).isPresent();
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
    return tables(pattern, true);
  }

  /** Persistent tables (when {@code withTables}) then temporary views, as SHOW TABLES lists them. */
  List<TableEntry> tables(String pattern, boolean withTables) {
    Pattern regex = pattern == null ? null : likePattern(pattern);
    List<TableEntry> entries = new ArrayList<>();
    for (String table : withTables ? sessionCatalog().listTables() : List.<String>of()) {
      if (regex == null || regex.matcher(table).matches()) {
        entries.add(new TableEntry(DEFAULT_DATABASE, table, false, "MANAGED"));
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

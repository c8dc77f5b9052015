package dev.ember.sql.catalog;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.execution.datasources.FileFormats;
import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.plan.AnalyzeTableCommand;
import dev.ember.sql.plan.CreateTable;
import dev.ember.sql.plan.DropTable;
import dev.ember.sql.plan.InsertIntoTable;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.sources.DataFrameReader;
import dev.ember.sql.sources.SaveMode;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the persistent-table commands — CREATE TABLE (with a column list, from the files at a LOCATION, or AS
 * SELECT), INSERT INTO / OVERWRITE and DROP TABLE — and the table writes of {@code DataFrameWriter}
 * ({@code saveAsTable}, {@code insertInto}). Commands run eagerly, when {@code session.sql} is called.
 */
public final class TableCommands {

  private TableCommands() {}

  /** Whether {@code plan} is a command run here. */
  public static boolean handles(LogicalPlan plan) {
    return plan instanceof CreateTable || plan instanceof InsertIntoTable || plan instanceof DropTable
        || plan instanceof AnalyzeTableCommand;
  }

  /** Runs {@code command}, one of those {@link #handles} accepts. */
  public static void run(EmberSession session, LogicalPlan command) {
    if (command instanceof CreateTable create) {
      createTable(session, create);
    } else if (command instanceof InsertIntoTable insert) {
      insertInto(session, insert);
    } else if (command instanceof DropTable drop) {
      dropTable(session, drop);
    } else if (command instanceof AnalyzeTableCommand analyze) {
      TableStatisticsCommands.analyze(session, analyze);
    } else {
      throw new IllegalArgumentException("not a table command: " + command.simpleString());
    }
  }

  private static void createTable(EmberSession session, CreateTable create) {
    WarehouseCatalog warehouse = session.warehouseCatalog();
    TableIdentifier name = tableName(warehouse, create.name(), create.origin());
    if (create.schema() != null && create.query() != null) {
      throw AnalysisException.unsupported("a column list in CREATE TABLE ... AS SELECT");
    }
    String provider = create.provider() != null ? create.provider()
        : session.emberContext().getConf().get(DataFrameReader.DEFAULT_SOURCE, "parquet");
    FileFormats.lookup(provider);
    if (warehouse.tableExists(name)) {
      if (create.ifNotExists()) {
        return;
      }
      throw new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", Map.of("relationName", name.quoted()),
          create.origin().line(), create.origin().startPosition(), "");
    }
    LogicalPlan query = create.query() == null ? null
        : Dataset.ofRows(session, create.query()).queryExecution().analyzed();
    StructType columns;
    if (create.schema() != null) {
      columns = create.schema();
    } else if (query != null) {
      columns = schemaOf(query.output());
    } else if (create.location() != null) {
      columns = session.read().format(provider).options(create.options()).load(create.location()).schema();
    } else {
      throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", Map.of("format", provider));
    }
    String location = create.location() == null ? warehouse.defaultLocation(name).toString()
        : Paths.get(stripScheme(create.location())).toAbsolutePath().normalize().toString();
    CatalogTable table = new CatalogTable(name.database(), name.table(), withPartitionsLast(name, columns,
        create.partitionColumns()),
        provider, create.partitionColumns(), create.options(), location, create.location() == null);
    create(session, table, query, create.origin());
  }

  /** Records {@code table} and, for CTAS, fills it; a failed fill drops the table again, as in Spark. */
  private static void create(EmberSession session, CatalogTable table, LogicalPlan query, Origin origin) {
    WarehouseCatalog warehouse = session.warehouseCatalog();
    warehouse.createTable(table);
    if (query == null) {
      return;
    }
    try {
      // The partition columns moved to the end of the table's schema: take the query's columns by name.
      TableInsert.insert(session, table, byName(table, query), List.of(), false, origin);
    } catch (RuntimeException e) {
      warehouse.dropTable(table);
      throw e;
    }
  }

  private static void insertInto(EmberSession session, InsertIntoTable insert) {
    if (insert.name().size() == 1 && session.sessionCatalog().lookupTempView(insert.name().get(0)).isPresent()) {
      throw AnalysisException.unsupported("INSERT into the temporary view `" + insert.name().get(0) + "`");
    }
    CatalogTable table = lookup(session, insert.name(), insert.origin());
    LogicalPlan query = Dataset.ofRows(session, insert.query()).queryExecution().analyzed();
    TableInsert.insert(session, table, query, insert.partitionSpec(), insert.overwrite(), insert.origin());
  }

  private static void dropTable(EmberSession session, DropTable drop) {
    if (drop.name().size() == 1 && session.catalog().dropTempView(drop.name().get(0))) {
      return;
    }
    WarehouseCatalog warehouse = session.warehouseCatalog();
    CatalogTable table = warehouse.identifier(drop.name()).flatMap(warehouse::getTable).orElse(null);
    if (table == null) {
      if (drop.ifExists()) {
        return;
      }
      throw notFound(drop.name(), drop.origin());
    }
    warehouse.dropTable(table);
  }

  /**
   * {@code df.write().saveAsTable(name)}: creates the table from {@code data} when it does not exist; when it
   * does, fails ({@code ErrorIfExists}), does nothing ({@code Ignore}), appends by column name ({@code Append})
   * or replaces the table, schema included ({@code Overwrite}).
   */
  public static void saveAsTable(Dataset<Row> data, String tableName, SaveMode mode, String provider,
      Map<String, String> options, List<String> partitionColumns) {
    EmberSession session = data.sparkSession();
    List<String> nameParts = Arrays.asList(tableName.split("\\."));
    WarehouseCatalog warehouse = session.warehouseCatalog();
    TableIdentifier name = tableName(warehouse, nameParts, Origin.NONE);
    LogicalPlan query = data.queryExecution().analyzed();
    CatalogTable existing = warehouse.getTable(name).orElse(null);
    if (existing != null) {
      switch (mode) {
        case ErrorIfExists -> throw new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", Map.of("relationName",
            existing.qualifiedName()));
        case Ignore -> {
          return;
        }
        case Append -> {
          TableInsert.insert(session, existing, byName(existing, query), List.of(), false, Origin.NONE);
          return;
        }
        default -> {
          if (reads(query, existing)) {
            throw new AnalysisException("UNSUPPORTED_OVERWRITE.TABLE", Map.of("table", existing.qualifiedName()));
          }
          warehouse.dropTable(existing);
        }
      }
    }
    String format = provider;
    FileFormats.lookup(format);
    CatalogTable table = new CatalogTable(name.database(), name.table(), withPartitionsLast(name,
        schemaOf(query.output()), partitionColumns), format, partitionColumns, options,
        warehouse.defaultLocation(name).toString(), true);
    create(session, table, query, Origin.NONE);
  }

  /** {@code df.write().insertInto(name)}: inserts by position, replacing the table's rows when overwriting. */
  public static void insertInto(Dataset<Row> data, String tableName, boolean overwrite) {
    EmberSession session = data.sparkSession();
    CatalogTable table = lookup(session, Arrays.asList(tableName.split("\\.")), Origin.NONE);
    TableInsert.insert(session, table, data.queryExecution().analyzed(), List.of(), overwrite, Origin.NONE);
  }

  private static LogicalPlan byName(CatalogTable table, LogicalPlan query) {
    List<Expression> columns = new ArrayList<>();
    for (StructField field : table.schema()) {
      AttributeReference match = query.output().stream().filter(a -> a.name().equalsIgnoreCase(field.name()))
          .findFirst().orElseThrow(() -> new AnalysisException("INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS",
              Map.of("tableName", table.qualifiedName(), "tableColumns",
                  TableInsert.quotedNames(Arrays.asList(table.schema().fieldNames())), "dataColumns",
                  TableInsert.quotedNames(query.output().stream().map(AttributeReference::name).toList()))));
      columns.add(match);
    }
    if (query.output().size() != columns.size()) {
      throw new AnalysisException("INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS", Map.of("tableName",
          table.qualifiedName(), "tableColumns", TableInsert.quotedNames(Arrays.asList(table.schema().fieldNames())),
          "dataColumns", TableInsert.quotedNames(query.output().stream().map(AttributeReference::name).toList())));
    }
    return new Project(columns, query);
  }

  private static boolean reads(LogicalPlan plan, CatalogTable table) {
    if (plan instanceof LogicalRelation relation
        && relation.relation().location().rootPaths().contains(table.location())) {
      return true;
    }
    return plan.children().stream().anyMatch(child -> reads(child, table));
  }

  private static CatalogTable lookup(EmberSession session, List<String> nameParts, Origin origin) {
    WarehouseCatalog warehouse = session.warehouseCatalog();
    return warehouse.identifier(nameParts).flatMap(warehouse::getTable)
        .orElseThrow(() -> notFound(nameParts, origin));
  }

  /** The identifier of a table to create: its database must exist ({@code SCHEMA_NOT_FOUND} otherwise). */
  private static TableIdentifier tableName(WarehouseCatalog warehouse, List<String> nameParts, Origin origin) {
    TableIdentifier id = warehouse.identifier(nameParts).orElseThrow(() -> WarehouseCatalog.schemaNotFound(
        String.join(".", nameParts.subList(0, Math.max(0, nameParts.size() - 1))), origin));
    warehouse.requireDatabase(id.database(), origin);
    return id;
  }

  private static AnalysisException notFound(List<String> nameParts, Origin origin) {
    return new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName",
        String.join(".", nameParts.stream().map(p -> "`" + p + "`").toList())), origin.line(),
        origin.startPosition(), "");
  }

  private static StructType schemaOf(List<AttributeReference> output) {
    List<StructField> fields = new ArrayList<>();
    for (AttributeReference attribute : output) {
      fields.add(new StructField(attribute.name(), attribute.dataType(), true));
    }
    return new StructType(fields);
  }

  /** The columns with the partition columns moved to the end, in PARTITIONED BY order (Spark's layout). */
  private static StructType withPartitionsLast(TableIdentifier table, StructType columns,
      List<String> partitionColumns) {
    Set<String> seen = new HashSet<>();
    for (String column : columns.fieldNames()) {
      if (!seen.add(column.toLowerCase(Locale.ROOT))) {
        throw new AnalysisException("COLUMN_ALREADY_EXISTS", Map.of("columnName", "`" + column + "`"));
      }
    }
    List<StructField> data = new ArrayList<>();
    List<StructField> partitions = new ArrayList<>();
    for (String column : partitionColumns) {
      int index = columns.fieldIndexOrMinusOne(column);
      if (index < 0) {
        throw new AnalysisException("COLUMN_NOT_DEFINED_IN_TABLE", Map.of("colType", "partition", "colName",
            "`" + column + "`", "tableName", table.quoted(), "tableCols",
            TableInsert.quotedNames(Arrays.asList(columns.fieldNames()))));
      }
      partitions.add(columns.apply(index));
    }
    for (StructField field : columns) {
      if (partitionColumns.stream().noneMatch(p -> p.equalsIgnoreCase(field.name()))) {
        data.add(field);
      }
    }
    if (data.isEmpty()) {
      throw new AnalysisException("ALL_PARTITION_COLUMNS_NOT_ALLOWED", Map.of());
    }
    data.addAll(partitions);
    return new StructType(data);
  }

  private static String stripScheme(String path) {
    return path.startsWith("file://") ? path.substring(7) : path.startsWith("file:") ? path.substring(5) : path;
  }
}

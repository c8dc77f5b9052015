package dev.ember.sql.catalog;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.SqlExecutionException;
import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.FileFormats;
import dev.ember.sql.execution.datasources.FileWriteJob;
import dev.ember.sql.execution.datasources.PartitionPaths;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the rows of a query into a table, as Spark's {@code InsertIntoHadoopFsRelationCommand}: columns by
 * position, cast to the table's types under Spark's ANSI store assignment rules (numbers to numbers, anything to
 * strings, dates and timestamps among themselves; an overflow fails the insert). Static partition values
 * ({@code PARTITION (p = 'v')}) choose the directory written; an INSERT OVERWRITE replaces what is there
 * (the whole table without a static partition). The files go through the data source commit protocol, so a
 * failed insert leaves the table as it was.
 */
final class TableInsert {

  private TableInsert() {}

  /**
   * Inserts the rows of {@code query} (analyzed) into {@code table}.
   *
   * @param spec the PARTITION clause: columns with their static values as text, or null for dynamic ones
   */
  static void insert(EmberSession session, CatalogTable table, LogicalPlan query,
      List<Map.Entry<String, String>> spec, boolean overwrite, Origin origin) {
    // The data changes: statistics computed before would mislead the optimizer, so they go, as in Spark.
    TableStatisticsCommands.forget(session, table.identifier());
    Map<String, String> statics = staticValues(table, spec, origin);
    List<String> staticPrefix = new ArrayList<>();
    for (String column : table.partitionColumns()) {
      if (!statics.containsKey(column.toLowerCase(Locale.ROOT))) {
        break;
      }
      staticPrefix.add(column);
    }
    if (staticPrefix.size() != statics.size()) {
      throw AnalysisException.unsupported("a static partition value after a dynamic partition column in INSERT");
    }
    List<StructField> targets = new ArrayList<>();
    for (StructField field : table.schema()) {
      if (!statics.containsKey(field.name().toLowerCase(Locale.ROOT))) {
        targets.add(field);
      }
    }
    List<AttributeReference> data = query.output();
    if (data.size() != targets.size()) {
      throw new AnalysisException("INSERT_COLUMN_ARITY_MISMATCH." + (data.size() > targets.size()
          ? "TOO_MANY_DATA_COLUMNS" : "NOT_ENOUGH_DATA_COLUMNS"), Map.of("tableName", table.qualifiedName(),
          "tableColumns", quotedNames(targets.stream().map(StructField::name).toList()),
          "dataColumns", quotedNames(data.stream().map(AttributeReference::name).toList())),
          origin.line(), origin.startPosition(), "");
    }
    List<Expression> projection = new ArrayList<>();
    List<StructField> written = new ArrayList<>();
    List<Integer> dynamicPartitions = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      StructField target = targets.get(i);
      AttributeReference source = data.get(i);
      checkStoreAssignment(table, target, source, origin);
      Expression value = source.dataType().equals(target.dataType()) ? source
          : new Cast(source, target.dataType(), true, session.sessionTimeZone());
      projection.add(new Alias(value, target.name()));
      written.add(new StructField(target.name(), target.dataType(), true));
      if (table.isPartitionColumn(target.name())) {
        dynamicPartitions.add(i);
      }
    }
    Path output = Paths.get(table.location());
    for (String column : staticPrefix) {
      DataType type = table.schema().apply(table.schema().fieldIndex(column)).dataType();
      String raw = statics.get(column.toLowerCase(Locale.ROOT));
      Object value = PartitionPaths.parse(raw, type);
      if (value == null) {
        throw new AnalysisException("CAST_INVALID_INPUT", Map.of("expression", "'" + raw + "'", "sourceType",
            "\"STRING\"", "targetType", "\"" + type.sql() + "\""), origin.line(), origin.startPosition(), "");
      }
      output = output.resolve(PartitionPaths.directoryName(column, value, type));
    }
    Dataset<?> rows = Dataset.ofRows(session, new Project(projection, query));
    try {
      FileWriteJob.run(session.emberContext(), rows.queryExecution().toRdd(), new StructType(written),
          FileFormats.lookup(table.provider()), new DataSourceOptions(table.options()), output.toString(),
          dynamicPartitions.stream().mapToInt(Integer::intValue).toArray(), overwrite);
    } catch (RuntimeException e) {
      // An error of the data (an overflowing cast) reaches the user as itself, not as a job failure.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SqlExecutionException cause) {
          throw cause;
        }
      }
      throw e;
    }
  }

  private static Map<String, String> staticValues(CatalogTable table, List<Map.Entry<String, String>> spec,
      Origin origin) {
    Map<String, String> statics = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : spec) {
      if (!table.isPartitionColumn(entry.getKey())) {
        throw new AnalysisException("NON_PARTITION_COLUMN", Map.of("columnName", "`" + entry.getKey() + "`"),
            origin.line(), origin.startPosition(), "");
      }
      if (entry.getValue() != null) {
        statics.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
      }
    }
    return statics;
  }

  /** Spark's {@code Cast.canANSIStoreAssign}: which values a column of {@code target}'s type may take. */
  private static void checkStoreAssignment(CatalogTable table, StructField target, AttributeReference source,
      Origin origin) {
    DataType from = source.dataType();
    DataType to = target.dataType();
    if (!canStoreAssign(from, to)) {
      throw new AnalysisException("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST", Map.of("tableName",
          table.qualifiedName(), "colName", "`" + target.name() + "`", "srcType", "\"" + from.sql() + "\"",
          "targetType", "\"" + to.sql() + "\""), origin.line(), origin.startPosition(), "");
    }
  }

  private static boolean canStoreAssign(DataType from, DataType to) {
    if (from instanceof ArrayType a && to instanceof ArrayType b) {
      return (!a.containsNull() || b.containsNull()) && canStoreAssign(a.elementType(), b.elementType());
    }
    if (from instanceof MapType a && to instanceof MapType b) {
      return (!a.valueContainsNull() || b.valueContainsNull()) && canStoreAssign(a.keyType(), b.keyType())
          && canStoreAssign(a.valueType(), b.valueType());
    }
    if (from instanceof StructType a && to instanceof StructType b) {
      if (a.length() != b.length()) {
        return false;
      }
      for (int i = 0; i < a.length(); i++) {
        if (a.apply(i).nullable() && !b.apply(i).nullable()
            || !canStoreAssign(a.apply(i).dataType(), b.apply(i).dataType())) {
          return false;
        }
      }
      return true;
    }
    return from.equals(to) || from == DataTypes.NullType || to == DataTypes.StringType
        || from.isNumeric() && to.isNumeric() || isDateTime(from) && isDateTime(to);
  }

  private static boolean isDateTime(DataType type) {
    return type == DataTypes.DateType || type == DataTypes.TimestampType || type == DataTypes.TimestampNTZType;
  }

  static String quotedNames(List<String> names) {
    return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }
}

package dev.ember.sql.catalog;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.analysis.NameSuggestions;
import dev.ember.sql.plan.AlterTableCommand;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ALTER TABLE's column and property forms on persistent tables: ADD COLUMNS (the files stay as they are, so
 * rows written before read the new columns as NULL), SET / UNSET TBLPROPERTIES, and the errors Spark gives for
 * the column changes a file-source table does not support.
 */
public final class TableAlterations {

  private TableAlterations() {}

  /**
   * Applies {@code action} to the table {@code nameParts}; SHOW TBLPROPERTIES is read-only.
   *
   * @throws AnalysisException {@code TABLE_OR_VIEW_NOT_FOUND}, {@code COLUMN_ALREADY_EXISTS},
   *     {@code UNSET_NONEXISTENT_PROPERTIES}, {@code UNSUPPORTED_FEATURE.TABLE_OPERATION}
   */
  public static void apply(WarehouseCatalog warehouse, List<String> nameParts, Origin origin,
      AlterTableCommand.Action action) {
    CatalogTable table = lookup(warehouse, nameParts, origin);
    if (action instanceof AlterTableCommand.AddColumns add) {
      addColumns(warehouse, table, add, origin);
    } else if (action instanceof AlterTableCommand.CommentColumn comment) {
      commentColumn(warehouse, table, comment);
    } else if (action instanceof AlterTableCommand.SetProperties set) {
      Map<String, String> properties = TableProperties.properties(warehouse, table.identifier());
      properties.putAll(set.properties());
      TableProperties.writeProperties(warehouse, table.identifier(), properties);
    } else if (action instanceof AlterTableCommand.UnsetProperties unset) {
      Map<String, String> properties = TableProperties.properties(warehouse, table.identifier());
      List<String> missing = unset.keys().stream().filter(k -> !properties.containsKey(k)).toList();
      if (!missing.isEmpty() && !unset.ifExists()) {
        throw new AnalysisException("UNSET_NONEXISTENT_PROPERTIES", Map.of("properties",
            String.join(", ", missing.stream().map(k -> "`" + k + "`").toList()), "table", table.qualifiedName()),
            origin.line(), origin.startPosition(), "");
      }
      unset.keys().forEach(properties::remove);
      TableProperties.writeProperties(warehouse, table.identifier(), properties);
    } else if (action instanceof AlterTableCommand.AddPartition || action instanceof AlterTableCommand.DropPartitions
        || action instanceof AlterTableCommand.RecoverPartitions) {
      TablePartitions.apply(table, action, origin);
    } else if (action instanceof AlterTableCommand.UnsupportedColumnChange change) {
      throw new AnalysisException("UNSUPPORTED_FEATURE.TABLE_OPERATION", Map.of("tableName",
          table.qualifiedName(), "operation", change.operation()), origin.line(), origin.startPosition(), "");
    }
  }

  /** The rows of SHOW TBLPROPERTIES (key, value), or Spark's one row saying the table lacks the key. */
  public static List<List<Object>> showProperties(WarehouseCatalog warehouse, List<String> nameParts,
      Origin origin, String key) {
    CatalogTable table = lookup(warehouse, nameParts, origin);
    Map<String, String> properties = TableProperties.properties(warehouse, table.identifier());
    List<List<Object>> rows = new ArrayList<>();
    if (key == null) {
      properties.forEach((k, v) -> rows.add(List.of(k, v)));
    } else if (properties.containsKey(key)) {
      rows.add(List.of(key, properties.get(key)));
    } else {
      rows.add(List.of(key, "Table " + table.qualifiedName() + " does not have property: " + key));
    }
    return rows;
  }

  /** The rows of SHOW PARTITIONS: one {@code partition} path per partition directory, sorted. */
  public static List<List<Object>> showPartitions(WarehouseCatalog warehouse, List<String> nameParts,
      Origin origin, Map<String, String> spec) {
    return TablePartitions.show(lookup(warehouse, nameParts, origin), spec, origin);
  }

  private static void addColumns(WarehouseCatalog warehouse, CatalogTable table, AlterTableCommand.AddColumns add,
      Origin origin) {
    if (table.provider().equalsIgnoreCase("text")) {
      throw new AnalysisException("UNSUPPORTED_FEATURE", Map.of("feature",
          "ALTER TABLE ... ADD COLUMNS on the text table " + table.qualifiedName()), origin.line(),
          origin.startPosition(), "");
    }
    List<StructField> fields = new ArrayList<>();
    table.dataSchema().forEach(fields::add);
    Map<String, String> comments = new LinkedHashMap<>(TableProperties.columnComments(warehouse,
        table.identifier()));
    for (int i = 0; i < add.columns().size(); i++) {
      StructField column = add.columns().get(i);
      boolean exists = fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(column.name()))
          || table.isPartitionColumn(column.name());
      if (exists) {
        throw new AnalysisException("COLUMN_ALREADY_EXISTS", Map.of("columnName", "`" + column.name() + "`"),
            origin.line(), origin.startPosition(), "");
      }
      fields.add(column);
      if (add.comments().get(i) != null) {
        comments.put(column.name().toLowerCase(Locale.ROOT), add.comments().get(i));
      }
    }
    // Partition columns stay last, as Spark keeps them.
    table.partitionSchema().forEach(fields::add);
    CatalogTable altered = new CatalogTable(table.database(), table.name(),
        new StructType(fields), table.provider(), table.partitionColumns(), table.options(),
        table.location(), table.managed());
    TableMetadataFile.write(warehouse.defaultLocation(table.identifier()), altered);
    TableProperties.writeColumnComments(warehouse, table.identifier(), comments);
  }

  private static void commentColumn(WarehouseCatalog warehouse, CatalogTable table,
      AlterTableCommand.CommentColumn comment) {
    StructField field = null;
    for (StructField f : table.schema()) {
      if (f.name().equalsIgnoreCase(comment.column())) {
        field = f;
      }
    }
    if (field == null) {
      List<String> names = new ArrayList<>();
      table.schema().forEach(f -> names.add("`" + f.name() + "`"));
      Origin at = comment.columnOrigin();
      throw new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of("objectName",
          "`" + comment.column() + "`", "proposal", String.join(", ",
          NameSuggestions.rank("`" + comment.column() + "`", names))), at.line(),
          at.startPosition(), "");
    }
    Map<String, String> comments = new LinkedHashMap<>(TableProperties.columnComments(warehouse,
        table.identifier()));
    comments.put(field.name().toLowerCase(Locale.ROOT), comment.comment());
    TableProperties.writeColumnComments(warehouse, table.identifier(), comments);
  }

  private static CatalogTable lookup(WarehouseCatalog warehouse, List<String> nameParts, Origin origin) {
    return warehouse.identifier(nameParts).flatMap(warehouse::getTable)
        .orElseThrow(() -> new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName",
            String.join(".", nameParts.stream().map(p -> "`" + p + "`").toList())), origin.line(),
            origin.startPosition(), ""));
  }
}

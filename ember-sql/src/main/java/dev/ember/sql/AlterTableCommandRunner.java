package dev.ember.sql;

import dev.ember.sql.catalog.TableAlterations;
import dev.ember.sql.catalog.TableProperties;
import dev.ember.sql.catalog.WarehouseCatalog;
import dev.ember.sql.plan.AlterTableCommand;
import dev.ember.sql.plan.AlterViewCommand;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs ALTER TABLE's column and property forms and SHOW TBLPROPERTIES, for {@link CommandRunner}; a temporary
 * view where a table is required fails with Spark's EXPECT_TABLE_NOT_VIEW.
 */
final class AlterTableCommandRunner {

  private AlterTableCommandRunner() {}

  static Dataset<Row> run(EmberSession session, AlterTableCommand command) {
    List<String> name = command.name();
    boolean tempView = name.size() == 1 && session.sessionCatalog().lookupTempView(name.get(0)).isPresent();
    if (command.action() instanceof AlterTableCommand.ShowProperties show) {
      // A temporary view has no properties: Spark shows none.
      List<List<Object>> rows = tempView ? List.of() : TableAlterations.showProperties(session.warehouseCatalog(),
          name, command.origin(), show.key());
      AttributeReference key = AttributeReference.create("key", DataTypes.StringType, false);
      AttributeReference value = AttributeReference.create("value", DataTypes.StringType, false);
      return new Dataset<>(session, new LocalRelation(List.of(key, value), rows));
    }
    if (tempView) {
      throw expectTable(command);
    }
    if (command.action() instanceof AlterTableCommand.ShowPartitions show) {
      AttributeReference partition = AttributeReference.create("partition", DataTypes.StringType, false);
      return new Dataset<>(session, new LocalRelation(List.of(partition), TableAlterations.showPartitions(
          session.warehouseCatalog(), name, command.origin(), show.spec())));
    }
    TableAlterations.apply(session.warehouseCatalog(), name, command.origin(), command.action());
    return new Dataset<>(session, new LocalRelation(List.of(), List.of()));
  }

  /**
   * Gives the temporary view a new query, as Spark's ALTER VIEW ... AS; a persistent table fails with
   * EXPECT_VIEW_NOT_TABLE.NO_ALTERNATIVE and an unknown name with TABLE_OR_VIEW_NOT_FOUND.
   */
  static Dataset<Row> alterView(EmberSession session, AlterViewCommand command) {
    List<String> name = command.name();
    if (name.size() == 1 && session.sessionCatalog().lookupTempView(name.get(0)).isPresent()) {
      session.createTempView(name.get(0), session.analyzer().analyze(command.query()), true);
      return new Dataset<>(session, new LocalRelation(List.of(), List.of()));
    }
    WarehouseCatalog warehouse = session.warehouseCatalog();
    Origin origin = command.origin();
    var table = warehouse.identifier(name).flatMap(warehouse::getTable);
    if (table.isPresent()) {
      throw new AnalysisException("EXPECT_VIEW_NOT_TABLE.NO_ALTERNATIVE", Map.of("tableName",
          table.get().qualifiedName(), "operation", "ALTER VIEW ... AS"), origin.line(), origin.startPosition(),
          "");
    }
    throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName",
        String.join(".", name.stream().map(p -> "`" + p + "`").toList())), origin.line(), origin.startPosition(),
        "");
  }

  /**
   * The rows of DESCRIBE (col_name, data_type, comment) with the comments ALTER TABLE gave the columns of the
   * persistent table {@code name}; unchanged for a temporary view or a query.
   */
  static Dataset<Row> withColumnComments(EmberSession session, List<String> name, Dataset<Row> columns) {
    if (name.size() == 1 && session.sessionCatalog().lookupTempView(name.get(0)).isPresent()) {
      return columns;
    }
    WarehouseCatalog warehouse = session.warehouseCatalog();
    Map<String, String> comments = warehouse.identifier(name).filter(warehouse::tableExists)
        .map(id -> TableProperties.columnComments(warehouse, id)).orElse(Map.of());
    if (comments.isEmpty()) {
      return columns;
    }
    LocalRelation relation = (LocalRelation) columns.queryExecution().logical();
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : relation.rows()) {
      String comment = comments.get(String.valueOf(row.get(0)).toLowerCase(Locale.ROOT));
      rows.add(Arrays.asList(row.get(0), row.get(1), comment != null ? comment : row.get(2)));
    }
    return new Dataset<>(session, new LocalRelation(relation.output(), rows));
  }

  private static AnalysisException expectTable(AlterTableCommand command) {
    AlterTableCommand.Action action = command.action();
    String operation = action instanceof AlterTableCommand.AddColumns ? "ALTER TABLE ... ADD COLUMNS"
        : action instanceof AlterTableCommand.CommentColumn ? "ALTER TABLE ... ALTER COLUMN"
        : action instanceof AlterTableCommand.SetProperties ? "ALTER TABLE ... SET TBLPROPERTIES"
        : action instanceof AlterTableCommand.UnsetProperties ? "ALTER TABLE ... UNSET TBLPROPERTIES"
        : action instanceof AlterTableCommand.AddPartition ? "ALTER TABLE ... ADD PARTITION"
        : action instanceof AlterTableCommand.DropPartitions ? "ALTER TABLE ... DROP PARTITION"
        : action instanceof AlterTableCommand.RecoverPartitions recover ? recover.operation()
        : action instanceof AlterTableCommand.ShowPartitions ? "SHOW PARTITIONS"
        : "ALTER TABLE ... " + ((AlterTableCommand.UnsupportedColumnChange) action).operation();
    boolean viewHasIt = action instanceof AlterTableCommand.SetProperties
        || action instanceof AlterTableCommand.UnsetProperties;
    return new AnalysisException(viewHasIt ? "EXPECT_TABLE_NOT_VIEW.USE_ALTER_VIEW"
        : "EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", Map.of("operation", operation,
        "viewName", "`" + command.name().get(0) + "`"), command.origin().line(), command.origin().startPosition(),
        "");
  }
}

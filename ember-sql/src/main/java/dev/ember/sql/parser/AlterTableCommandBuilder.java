package dev.ember.sql.parser;

import dev.ember.sql.parser.EmberSqlParser.AddedColumnContext;
import dev.ember.sql.parser.EmberSqlParser.PropertyContext;
import dev.ember.sql.parser.EmberSqlParser.PropertyKeyContext;
import dev.ember.sql.plan.AlterTableCommand;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the ALTER TABLE column and property forms and SHOW TBLPROPERTIES from their parse trees, for
 * {@link AstBuilder}.
 */
final class AlterTableCommandBuilder {

  private AlterTableCommandBuilder() {}

  static LogicalPlan addColumns(EmberSqlParser.AddTableColumnsContext ctx) {
    List<StructField> columns = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    for (AddedColumnContext column : ctx.addedColumn()) {
      // Spark's added columns are nullable: old files lack them, so they read as NULL.
      columns.add(new StructField(ExpressionBuilder.identifier(column.identifier()),
          ExpressionBuilder.dataType(column.dataType()), true));
      comments.add(column.comment == null ? null : Literals.unquote(column.comment.getText()));
    }
    return command(ctx.name, new AlterTableCommand.AddColumns(columns, comments));
  }

  static LogicalPlan setProperties(EmberSqlParser.SetTablePropertiesContext ctx) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (PropertyContext property : ctx.propertyList().property()) {
      properties.put(TableCommandBuilder.propertyKey(property.key),
          TableCommandBuilder.propertyValue(property.value));
    }
    return command(ctx.name, new AlterTableCommand.SetProperties(properties));
  }

  static LogicalPlan commentColumn(EmberSqlParser.CommentColumnContext ctx) {
    return command(ctx.name, new AlterTableCommand.CommentColumn(ExpressionBuilder.identifier(ctx.column),
        Literals.unquote(ctx.comment.getText()), ExpressionBuilder.origin(ctx.column)));
  }

  static LogicalPlan unsetProperties(EmberSqlParser.UnsetTablePropertiesContext ctx) {
    List<String> keys = new ArrayList<>();
    for (PropertyKeyContext key : ctx.propertyKeyList().propertyKey()) {
      keys.add(TableCommandBuilder.propertyKey(key));
    }
    return command(ctx.name, new AlterTableCommand.UnsetProperties(keys, ctx.EXISTS() != null));
  }

  static LogicalPlan unsupportedColumnChange(EmberSqlParser.UnsupportedColumnChangeContext ctx) {
    String verb = ctx.operation.getText().toUpperCase(Locale.ROOT);
    // Spark's names of the operations: RENAME COLUMN, DROP COLUMN, REPLACE COLUMNS.
    String operation = verb.equals("REPLACE") ? "REPLACE COLUMNS" : verb + " COLUMN";
    return command(ctx.name, new AlterTableCommand.UnsupportedColumnChange(operation));
  }

  static LogicalPlan showProperties(EmberSqlParser.ShowTablePropertiesContext ctx) {
    String key = ctx.key == null ? null : TableCommandBuilder.propertyKey(ctx.key);
    return command(ctx.name, new AlterTableCommand.ShowProperties(key));
  }

  private static AlterTableCommand command(EmberSqlParser.MultipartIdentifierContext name,
      AlterTableCommand.Action action) {
    return new AlterTableCommand(ExpressionBuilder.identifiers(name.identifier()), ExpressionBuilder.origin(name),
        action);
  }
}

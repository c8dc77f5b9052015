package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.parser.EmberSqlParser.AddedColumnContext;
import dev.ember.sql.parser.EmberSqlParser.PropertyContext;
import dev.ember.sql.parser.EmberSqlParser.PropertyKeyContext;
import dev.ember.sql.plan.AlterTableCommand;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
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

  static LogicalPlan addPartition(EmberSqlParser.AddTablePartitionContext ctx) {
    String location = ctx.location == null ? null : Literals.unquote(ctx.location.getText());
    return command(ctx.name, new AlterTableCommand.AddPartition(spec(ctx.partitionSpec()), ctx.EXISTS() != null,
        location));
  }

  static LogicalPlan dropPartitions(EmberSqlParser.DropTablePartitionsContext ctx) {
    List<Map<String, String>> specs = new ArrayList<>();
    for (EmberSqlParser.PartitionSpecContext spec : ctx.partitionSpec()) {
      specs.add(spec(spec));
    }
    return command(ctx.name, new AlterTableCommand.DropPartitions(specs, ctx.EXISTS() != null));
  }

  static LogicalPlan recoverPartitions(EmberSqlParser.MultipartIdentifierContext name, String operation) {
    return command(name, new AlterTableCommand.RecoverPartitions(operation));
  }

  static LogicalPlan showPartitions(EmberSqlParser.ShowPartitionsContext ctx) {
    Map<String, String> spec = ctx.partitionSpec() == null ? Map.of() : spec(ctx.partitionSpec());
    return command(ctx.name, new AlterTableCommand.ShowPartitions(spec));
  }

  /** A partition spec with every value given, in the written order: {@code PARTITION (day = 'mon')}. */
  private static Map<String, String> spec(EmberSqlParser.PartitionSpecContext ctx) {
    Map<String, String> spec = new LinkedHashMap<>();
    for (EmberSqlParser.PartitionValueContext value : ctx.partitionValue()) {
      Expression literal = value.constant() == null ? null : Literals.of(value.constant());
      if (!(literal instanceof Literal l) || l.value() == null) {
        throw new AnalysisException("PARSE_SYNTAX_ERROR", Map.of("error", "'" + value.getText() + "'", "hint",
            ": a partition value must be a non-NULL literal"), value.getStart().getLine(),
            value.getStart().getCharPositionInLine(), "");
      }
      spec.put(ExpressionBuilder.identifier(value.identifier()), l.value().toString());
    }
    return spec;
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

package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.parser.EmberSqlParser.ColumnDefinitionContext;
import dev.ember.sql.parser.EmberSqlParser.CreateTableClausesContext;
import dev.ember.sql.parser.EmberSqlParser.PropertyContext;
import dev.ember.sql.plan.CreateTable;
import dev.ember.sql.plan.DropTable;
import dev.ember.sql.plan.InsertIntoTable;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the persistent-table commands (CREATE TABLE, INSERT, DROP TABLE) from their parse trees. */
final class TableCommandBuilder {

  private TableCommandBuilder() {}

  static LogicalPlan createTable(EmberSqlParser.CreateTableContext ctx,
      Function<EmberSqlParser.QueryContext, LogicalPlan> queries) {
    StructType schema = null;
    if (!ctx.columnDefinition().isEmpty()) {
      List<StructField> fields = new ArrayList<>();
      for (ColumnDefinitionContext column : ctx.columnDefinition()) {
        fields.add(new StructField(ExpressionBuilder.identifier(column.identifier()),
            ExpressionBuilder.dataType(column.dataType()), column.NOT() == null));
      }
      schema = new StructType(fields);
    }
    CreateTableClausesContext clauses = ctx.createTableClauses();
    if (clauses.PARTITIONED().size() > 1 || clauses.OPTIONS().size() > 1 || clauses.LOCATION().size() > 1) {
      throw new AnalysisException("DUPLICATE_CLAUSES", Map.of("clauseName",
          clauses.PARTITIONED().size() > 1 ? "PARTITIONED BY" : clauses.OPTIONS().size() > 1 ? "OPTIONS"
              : "LOCATION"), ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine(), "");
    }
    List<String> partitionColumns = clauses.partitionColumns == null ? List.of()
        : ExpressionBuilder.identifiers(clauses.partitionColumns.identifier());
    Map<String, String> options = new LinkedHashMap<>();
    if (clauses.tableOptions != null) {
      for (PropertyContext property : clauses.tableOptions.property()) {
        options.put(propertyKey(property.key), propertyValue(property.value));
      }
    }
    String location = clauses.location == null ? null : Literals.unquote(clauses.location.getText());
    String provider = ctx.provider == null ? null
        : String.join(".", ExpressionBuilder.identifiers(ctx.provider.identifier()));
    LogicalPlan query = ctx.query() == null ? null : queries.apply(ctx.query());
    return new CreateTable(ExpressionBuilder.identifiers(ctx.name.identifier()), schema, provider,
        partitionColumns, options, location, ctx.EXISTS() != null, query, ExpressionBuilder.origin(ctx));
  }

  static LogicalPlan insertInto(EmberSqlParser.InsertIntoTableContext ctx,
      Function<EmberSqlParser.QueryContext, LogicalPlan> queries) {
    List<Map.Entry<String, String>> spec = new ArrayList<>();
    if (ctx.partitionSpec() != null) {
      for (EmberSqlParser.PartitionValueContext value : ctx.partitionSpec().partitionValue()) {
        String text = null;
        if (value.constant() != null) {
          Expression literal = Literals.of(value.constant());
          if (!(literal instanceof Literal l) || l.value() == null) {
            throw AnalysisException.unsupported("a NULL or non-literal static partition value");
          }
          text = l.value().toString();
        }
        spec.add(new AbstractMap.SimpleImmutableEntry<>(ExpressionBuilder.identifier(value.identifier()), text));
      }
    }
    return new InsertIntoTable(ExpressionBuilder.identifiers(ctx.multipartIdentifier().identifier()), spec,
        ctx.OVERWRITE() != null, queries.apply(ctx.query()), ExpressionBuilder.origin(ctx.multipartIdentifier()));
  }

  static LogicalPlan dropTable(EmberSqlParser.DropTableContext ctx) {
    return new DropTable(ExpressionBuilder.identifiers(ctx.multipartIdentifier().identifier()),
        ctx.EXISTS() != null, ExpressionBuilder.origin(ctx.multipartIdentifier()));
  }

  static String propertyKey(EmberSqlParser.PropertyKeyContext key) {
    if (key.STRING() != null) {
      return Literals.unquote(key.STRING().getText());
    }
    return String.join(".", ExpressionBuilder.identifiers(key.identifier()));
  }

  static String propertyValue(EmberSqlParser.PropertyValueContext value) {
    if (value.STRING() != null) {
      return Literals.unquote(value.STRING().getText());
    }
    if (value.identifier() != null) {
      return ExpressionBuilder.identifier(value.identifier());
    }
    return value.getText().toLowerCase(java.util.Locale.ROOT);
  }
}

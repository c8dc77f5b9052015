package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.DescribeFunctionCommand;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.RenameTableCommand;
import dev.ember.sql.plan.ShowColumnsCommand;
import dev.ember.sql.plan.ShowFunctionsCommand;
import dev.ember.sql.plan.TruncateTableCommand;
import dev.ember.sql.plan.expressions.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds the catalog commands (SHOW COLUMNS, TRUNCATE TABLE, ALTER TABLE ... RENAME TO, SHOW FUNCTIONS,
 * DESCRIBE FUNCTION) from their parse trees, for {@link AstBuilder}, and rejects the forms not built yet
 * (TRUNCATE TABLE ... PARTITION) with UNSUPPORTED_FEATURE at the clause.
 */
final class CatalogCommandBuilder {

  private CatalogCommandBuilder() {}

  static LogicalPlan showColumns(EmberSqlParser.ShowColumnsContext ctx) {
    List<String> name = new ArrayList<>(ExpressionBuilder.identifiers(ctx.table.identifier()));
    if (ctx.namespace != null) {
      String database = ExpressionBuilder.identifier(ctx.namespace);
      if (name.size() > 1 && !name.get(0).equalsIgnoreCase(database)) {
        throw new AnalysisException("SHOW_COLUMNS_WITH_CONFLICT_NAMESPACE", Map.of("namespaceA",
            "[`" + database + "`]", "namespaceB", "[`" + name.get(0) + "`]"), ctx.namespace.getStart().getLine(),
            ctx.namespace.getStart().getCharPositionInLine(), "");
      }
      name = List.of(database, name.get(name.size() - 1));
    }
    return new ShowColumnsCommand(name, ExpressionBuilder.origin(ctx.table));
  }

  static LogicalPlan truncateTable(EmberSqlParser.TruncateTableContext ctx) {
    if (ctx.partitionSpec() != null) {
      throw unsupported("TRUNCATE TABLE with a PARTITION clause", ctx.partitionSpec());
    }
    return new TruncateTableCommand(ExpressionBuilder.identifiers(ctx.multipartIdentifier().identifier()),
        ExpressionBuilder.origin(ctx.multipartIdentifier()));
  }

  static LogicalPlan renameTable(EmberSqlParser.RenameTableContext ctx) {
    return new RenameTableCommand(ExpressionBuilder.identifiers(ctx.from.identifier()),
        ExpressionBuilder.identifiers(ctx.to.identifier()), ExpressionBuilder.origin(ctx.from),
        ExpressionBuilder.origin(ctx.to));
  }

  static LogicalPlan showFunctions(EmberSqlParser.ShowFunctionsContext ctx) {
    String scope = ctx.scope == null ? "all" : ExpressionBuilder.identifier(ctx.scope).toLowerCase(Locale.ROOT);
    if (!List.of("all", "user", "system").contains(scope)) {
      throw new AnalysisException("PARSE_SYNTAX_ERROR", Map.of("error", "'" + ExpressionBuilder.identifier(ctx.scope)
          + "'", "hint", ": expected USER, SYSTEM or ALL"), ctx.scope.getStart().getLine(),
          ctx.scope.getStart().getCharPositionInLine(), "");
    }
    String pattern = ctx.pattern != null ? Literals.unquote(ctx.pattern.getText())
        : ctx.function != null ? String.join(".", ExpressionBuilder.identifiers(ctx.function.identifier())) : null;
    return new ShowFunctionsCommand(!scope.equals("system"), !scope.equals("user"), pattern);
  }

  static LogicalPlan describeFunction(EmberSqlParser.DescribeFunctionContext ctx) {
    if (ctx.function != null) {
      return new DescribeFunctionCommand(String.join(".", ExpressionBuilder.identifiers(ctx.function.identifier())),
          ExpressionBuilder.origin(ctx.function), ctx.EXTENDED() != null);
    }
    return new DescribeFunctionCommand(Literals.unquote(ctx.functionString.getText()),
        new Origin(ctx.functionString.getLine(), ctx.functionString.getCharPositionInLine()), ctx.EXTENDED() != null);
  }

  private static AnalysisException unsupported(String feature, ParserRuleContext at) {
    Origin origin = ExpressionBuilder.origin(at);
    return new AnalysisException("UNSUPPORTED_FEATURE", Map.of("feature", feature), origin.line(),
        origin.startPosition(), "");
  }
}

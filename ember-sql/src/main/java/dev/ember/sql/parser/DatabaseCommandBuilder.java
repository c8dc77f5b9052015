package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.parser.EmberSqlParser.MultipartIdentifierContext;
import dev.ember.sql.parser.EmberSqlParser.NamespaceClausesContext;
import dev.ember.sql.plan.CreateDatabaseCommand;
import dev.ember.sql.plan.DescribeDatabaseCommand;
import dev.ember.sql.plan.DropDatabaseCommand;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.ShowDatabasesCommand;
import dev.ember.sql.plan.UseDatabaseCommand;
import dev.ember.sql.plan.expressions.Origin;
import java.util.List;
import java.util.Map;

/**
 * Builds the database commands (CREATE / DROP / USE / SHOW / DESCRIBE DATABASE, with SCHEMA and NAMESPACE as
 * synonyms) from their parse trees, for {@link AstBuilder}.
 */
final class DatabaseCommandBuilder {

  private static final String SESSION_CATALOG = "spark_catalog";

  private DatabaseCommandBuilder() {}

  static LogicalPlan create(EmberSqlParser.CreateNamespaceContext ctx) {
    NamespaceClausesContext clauses = ctx.namespaceClauses();
    if (clauses.COMMENT().size() > 1 || clauses.LOCATION().size() > 1 || clauses.WITH().size() > 1) {
      throw new AnalysisException("DUPLICATE_CLAUSES", Map.of("clauseName", clauses.COMMENT().size() > 1
          ? "COMMENT" : clauses.LOCATION().size() > 1 ? "LOCATION" : "WITH DBPROPERTIES"),
          ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine(), "");
    }
    String comment = clauses.comment == null ? null : Literals.unquote(clauses.comment.getText());
    String location = clauses.location == null ? null : Literals.unquote(clauses.location.getText());
    return new CreateDatabaseCommand(name(ctx.name), comment, location, ctx.EXISTS() != null,
        ExpressionBuilder.origin(ctx.name));
  }

  static LogicalPlan drop(EmberSqlParser.DropNamespaceContext ctx) {
    return new DropDatabaseCommand(name(ctx.name), ctx.EXISTS() != null, ctx.CASCADE() != null,
        ExpressionBuilder.origin(ctx.name));
  }

  static LogicalPlan use(EmberSqlParser.UseContext ctx) {
    return new UseDatabaseCommand(name(ctx.name), ExpressionBuilder.origin(ctx.name));
  }

  static LogicalPlan show(EmberSqlParser.ShowNamespacesContext ctx) {
    return new ShowDatabasesCommand(ctx.pattern == null ? null : Literals.unquote(ctx.pattern.getText()));
  }

  static LogicalPlan describe(EmberSqlParser.DescribeNamespaceContext ctx) {
    return new DescribeDatabaseCommand(name(ctx.name), ctx.EXTENDED() != null, ExpressionBuilder.origin(ctx.name));
  }

  /**
   * The database a name denotes: {@code db} or {@code spark_catalog.db}; anything else is
   * {@code REQUIRES_SINGLE_PART_NAMESPACE}, as the session catalog has one level of namespaces.
   */
  private static String name(MultipartIdentifierContext ctx) {
    List<String> parts = ExpressionBuilder.identifiers(ctx.identifier());
    if (parts.size() == 1) {
      return parts.get(0);
    }
    if (parts.size() == 2 && parts.get(0).equalsIgnoreCase(SESSION_CATALOG)) {
      return parts.get(1);
    }
    Origin origin = ExpressionBuilder.origin(ctx);
    throw new AnalysisException("REQUIRES_SINGLE_PART_NAMESPACE", Map.of("sessionCatalog", SESSION_CATALOG,
        "namespace", String.join(".", parts.stream().map(p -> "`" + p + "`").toList())), origin.line(),
        origin.startPosition(), "");
  }
}

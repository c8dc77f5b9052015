package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.parser.EmberSqlParser.AliasedQueryContext;
import dev.ember.sql.parser.EmberSqlParser.InlineTableContext;
import dev.ember.sql.parser.EmberSqlParser.InlineTableRelationContext;
import dev.ember.sql.parser.EmberSqlParser.QueryContext;
import dev.ember.sql.parser.EmberSqlParser.QuerySpecificationContext;
import dev.ember.sql.parser.EmberSqlParser.SortItemContext;
import dev.ember.sql.parser.EmberSqlParser.TableAliasContext;
import dev.ember.sql.parser.EmberSqlParser.TableNameContext;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.AlterViewCommand;
import dev.ember.sql.plan.CteDefinition;
import dev.ember.sql.plan.CreateTempView;
import dev.ember.sql.plan.Distinct;
import dev.ember.sql.plan.ExplainCommand;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.GroupingSets;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Offset;
import dev.ember.sql.plan.OneRowRelation;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.SubqueryAlias;
import dev.ember.sql.plan.UnresolvedHaving;
import dev.ember.sql.plan.UnresolvedInlineTable;
import dev.ember.sql.plan.UnresolvedRelation;
import dev.ember.sql.plan.UnresolvedWith;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds unresolved logical plans from parse trees. Clause order follows SQL's evaluation order:
 * FROM, WHERE, GROUP BY / aggregation, HAVING, SELECT, DISTINCT, ORDER BY, LIMIT. Expressions are built by
 * {@link ExpressionBuilder}.
 */
final class AstBuilder extends EmberSqlBaseVisitor<Object> {

  private final ExpressionBuilder expressions = new ExpressionBuilder(this::query);

  @Override
  public LogicalPlan visitSingleStatement(EmberSqlParser.SingleStatementContext ctx) {
    return (LogicalPlan) visit(ctx.statement());
  }

  @Override
  public Expression visitSingleExpression(EmberSqlParser.SingleExpressionContext ctx) {
    return expressions.visit(ctx.booleanExpression());
  }

  @Override
  public LogicalPlan visitQueryStatement(EmberSqlParser.QueryStatementContext ctx) {
    return query(ctx.query());
  }

  @Override
  public LogicalPlan visitCreateTempView(EmberSqlParser.CreateTempViewContext ctx) {
    return new CreateTempView(ExpressionBuilder.identifier(ctx.identifier()), ctx.REPLACE() != null,
        query(ctx.query()));
  }

  @Override
  public LogicalPlan visitExplain(EmberSqlParser.ExplainContext ctx) {
    String mode = ctx.explainMode == null ? "simple" : ctx.explainMode.getText().toLowerCase(java.util.Locale.ROOT);
    return new ExplainCommand(query(ctx.query()), mode);
  }

  @Override
  public LogicalPlan visitSetConfiguration(EmberSqlParser.SetConfigurationContext ctx) {
    return CommandBuilder.set(ctx);
  }

  @Override
  public LogicalPlan visitResetConfiguration(EmberSqlParser.ResetConfigurationContext ctx) {
    return CommandBuilder.reset(ctx);
  }

  @Override
  public LogicalPlan visitCreateNamespace(EmberSqlParser.CreateNamespaceContext ctx) {
    return DatabaseCommandBuilder.create(ctx);
  }

  @Override
  public LogicalPlan visitDropNamespace(EmberSqlParser.DropNamespaceContext ctx) {
    return DatabaseCommandBuilder.drop(ctx);
  }

  @Override
  public LogicalPlan visitUse(EmberSqlParser.UseContext ctx) {
    return DatabaseCommandBuilder.use(ctx);
  }

  @Override
  public LogicalPlan visitShowNamespaces(EmberSqlParser.ShowNamespacesContext ctx) {
    return DatabaseCommandBuilder.show(ctx);
  }

  @Override
  public LogicalPlan visitDescribeNamespace(EmberSqlParser.DescribeNamespaceContext ctx) {
    return DatabaseCommandBuilder.describe(ctx);
  }

  @Override
  public LogicalPlan visitShowTables(EmberSqlParser.ShowTablesContext ctx) {
    return CommandBuilder.showTables(ctx);
  }

  @Override
  public LogicalPlan visitDescribeQuery(EmberSqlParser.DescribeQueryContext ctx) {
    return CommandBuilder.describeQuery(ctx, query(ctx.query()));
  }

  @Override
  public LogicalPlan visitDescribeRelation(EmberSqlParser.DescribeRelationContext ctx) {
    return CommandBuilder.describeRelation(ctx);
  }

  @Override
  public LogicalPlan visitDescribeColumn(EmberSqlParser.DescribeColumnContext ctx) {
    return CommandBuilder.describeColumn(ctx);
  }

  @Override
  public LogicalPlan visitAnalyzeTable(EmberSqlParser.AnalyzeTableContext ctx) {
    return CommandBuilder.analyzeTable(ctx);
  }

  @Override
  public LogicalPlan visitDropView(EmberSqlParser.DropViewContext ctx) {
    return CommandBuilder.dropView(ctx);
  }

  @Override
  public LogicalPlan visitCacheTable(EmberSqlParser.CacheTableContext ctx) {
    return CommandBuilder.cacheTable(ctx, ctx.query() == null ? null : query(ctx.query()));
  }

  @Override
  public LogicalPlan visitUncacheTable(EmberSqlParser.UncacheTableContext ctx) {
    return CommandBuilder.uncacheTable(ctx);
  }

  @Override
  public LogicalPlan visitClearCache(EmberSqlParser.ClearCacheContext ctx) {
    return CommandBuilder.clearCache();
  }

  @Override
  public LogicalPlan visitCreateTable(EmberSqlParser.CreateTableContext ctx) {
    return TableCommandBuilder.createTable(ctx, this::query);
  }

  @Override
  public LogicalPlan visitInsertIntoTable(EmberSqlParser.InsertIntoTableContext ctx) {
    return TableCommandBuilder.insertInto(ctx, this::query);
  }

  @Override
  public LogicalPlan visitDropTable(EmberSqlParser.DropTableContext ctx) {
    return TableCommandBuilder.dropTable(ctx);
  }

  @Override
  public LogicalPlan visitShowColumns(EmberSqlParser.ShowColumnsContext ctx) {
    return CatalogCommandBuilder.showColumns(ctx);
  }

  @Override
  public LogicalPlan visitTruncateTable(EmberSqlParser.TruncateTableContext ctx) {
    return CatalogCommandBuilder.truncateTable(ctx);
  }

  @Override
  public LogicalPlan visitRenameTable(EmberSqlParser.RenameTableContext ctx) {
    return CatalogCommandBuilder.renameTable(ctx);
  }

  @Override
  public LogicalPlan visitAlterTable(EmberSqlParser.AlterTableContext ctx) {
    throw UnsupportedAlterForms.alterTable(ctx.unsupportedAlterTable());
  }

  @Override
  public LogicalPlan visitAlterView(EmberSqlParser.AlterViewContext ctx) {
    throw UnsupportedAlterForms.alterView(ctx.unsupportedAlterView());
  }

  @Override
  public LogicalPlan visitAlterViewQuery(EmberSqlParser.AlterViewQueryContext ctx) {
    return new AlterViewCommand(ExpressionBuilder.identifiers(ctx.name.identifier()),
        ExpressionBuilder.origin(ctx.name), query(ctx.query()));
  }

  @Override
  public LogicalPlan visitAddTableColumns(EmberSqlParser.AddTableColumnsContext ctx) {
    return AlterTableCommandBuilder.addColumns(ctx);
  }

  @Override
  public LogicalPlan visitSetTableProperties(EmberSqlParser.SetTablePropertiesContext ctx) {
    return AlterTableCommandBuilder.setProperties(ctx);
  }

  @Override
  public LogicalPlan visitCommentColumn(EmberSqlParser.CommentColumnContext ctx) {
    return AlterTableCommandBuilder.commentColumn(ctx);
  }

  @Override
  public LogicalPlan visitAddTablePartition(EmberSqlParser.AddTablePartitionContext ctx) {
    return AlterTableCommandBuilder.addPartition(ctx);
  }

  @Override
  public LogicalPlan visitDropTablePartitions(EmberSqlParser.DropTablePartitionsContext ctx) {
    return AlterTableCommandBuilder.dropPartitions(ctx);
  }

  @Override
  public LogicalPlan visitRecoverPartitions(EmberSqlParser.RecoverPartitionsContext ctx) {
    return AlterTableCommandBuilder.recoverPartitions(ctx.name, "ALTER TABLE RECOVER PARTITIONS");
  }

  @Override
  public LogicalPlan visitRepairTable(EmberSqlParser.RepairTableContext ctx) {
    return AlterTableCommandBuilder.recoverPartitions(ctx.name, "MSCK REPAIR TABLE");
  }

  @Override
  public LogicalPlan visitShowPartitions(EmberSqlParser.ShowPartitionsContext ctx) {
    return AlterTableCommandBuilder.showPartitions(ctx);
  }

  @Override
  public LogicalPlan visitUnsetTableProperties(EmberSqlParser.UnsetTablePropertiesContext ctx) {
    return AlterTableCommandBuilder.unsetProperties(ctx);
  }

  @Override
  public LogicalPlan visitUnsupportedColumnChange(EmberSqlParser.UnsupportedColumnChangeContext ctx) {
    return AlterTableCommandBuilder.unsupportedColumnChange(ctx);
  }

  @Override
  public LogicalPlan visitShowTableProperties(EmberSqlParser.ShowTablePropertiesContext ctx) {
    return AlterTableCommandBuilder.showProperties(ctx);
  }

  @Override
  public LogicalPlan visitShowFunctions(EmberSqlParser.ShowFunctionsContext ctx) {
    return CatalogCommandBuilder.showFunctions(ctx);
  }

  @Override
  public LogicalPlan visitDescribeFunction(EmberSqlParser.DescribeFunctionContext ctx) {
    return CatalogCommandBuilder.describeFunction(ctx);
  }

  LogicalPlan query(QueryContext ctx) {
    LogicalPlan plan = (LogicalPlan) visit(ctx.queryTerm());
    if (!ctx.sortItem().isEmpty()) {
      List<SortOrder> order = new ArrayList<>();
      for (SortItemContext item : ctx.sortItem()) {
        boolean ascending = item.DESC() == null;
        boolean nullsFirst = item.nullOrder == null ? ascending : item.FIRST() != null;
        order.add(new SortOrder(expressions.visit(item.expression()), ascending, nullsFirst));
      }
      plan = new Sort(order, true, plan);
    }
    if (ctx.offset != null) {
      plan = new Offset(expressions.visit(ctx.offset), plan);
    }
    if (ctx.limit != null) {
      plan = new Limit(expressions.visit(ctx.limit), plan);
    }
    if (ctx.ctes() != null) {
      plan = withCtes(ctx.ctes(), plan);
    }
    return plan;
  }

  /** {@code WITH a AS (...), b AS (...) plan}; names must differ (Spark compares them case-insensitively). */
  private LogicalPlan withCtes(EmberSqlParser.CtesContext ctx, LogicalPlan plan) {
    List<CteDefinition> definitions = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Set<String> duplicates = new java.util.LinkedHashSet<>();
    for (EmberSqlParser.NamedQueryContext named : ctx.namedQuery()) {
      String name = ExpressionBuilder.identifier(named.name);
      if (!seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
        duplicates.add("`" + name + "`");
      }
      List<String> columns = named.columnAliases == null ? List.of()
          : ExpressionBuilder.identifiers(named.columnAliases.identifier());
      definitions.add(new CteDefinition(name, columns, query(named.query()), ExpressionBuilder.origin(named)));
    }
    if (!duplicates.isEmpty()) {
      throw new AnalysisException("DUPLICATED_CTE_NAMES", java.util.Map.of("duplicateNames",
          String.join(", ", duplicates)), ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine(), "");
    }
    return new UnresolvedWith(definitions, plan);
  }

  @Override
  public LogicalPlan visitQueryPrimaryNested(EmberSqlParser.QueryPrimaryNestedContext ctx) {
    return query(ctx.query());
  }

  @Override
  public LogicalPlan visitQueryPrimaryValues(EmberSqlParser.QueryPrimaryValuesContext ctx) {
    return inlineTable(ctx.inlineTable(), List.of());
  }

  @Override
  public LogicalPlan visitQuerySpecification(QuerySpecificationContext ctx) {
    LogicalPlan plan = ctx.relation().isEmpty() ? new OneRowRelation() : JoinBuilder.commaJoin(this, ctx.relation());
    plan = LateralViewBuilder.apply(expressions, ctx.lateralView(), plan);
    if (ctx.where != null) {
      plan = new Filter(expressions.visit(ctx.where), plan);
    }
    java.util.Map<String, dev.ember.sql.plan.expressions.WindowSpecDefinition> outerWindows =
        expressions.namedWindows;
    if (ctx.windowClause() != null) {
      expressions.namedWindows = WindowSpecs.named(expressions, ctx.windowClause());
    }
    List<Expression> selectList = new ArrayList<>();
    for (EmberSqlParser.NamedExpressionContext item : ctx.namedExpression()) {
      Expression e = expressions.visit(item.expression());
      String name = item.name != null ? ExpressionBuilder.identifier(item.name)
          : item.strictName != null ? item.strictName.getText() : null;
      selectList.add(name == null ? e : new Alias(e, name));
    }
    if (ctx.GROUP() != null && GroupingAnalytics.isAnalytics(ctx)) {
      plan = new GroupingSets(GroupingAnalytics.sets(expressions, ctx), selectList, plan);
    } else if (ctx.GROUP() != null) {
      List<Expression> grouping = new ArrayList<>();
      for (EmberSqlParser.GroupingElementContext e : ctx.groupBy) {
        grouping.add(expressions.visit(((EmberSqlParser.GroupingExpressionContext) e).expression()));
      }
      plan = new Aggregate(grouping, selectList, plan);
    } else {
      // Aggregates without GROUP BY are recognized by the analyzer, once function names are known.
      plan = new Project(selectList, plan);
    }
    if (ctx.having != null) {
      plan = new UnresolvedHaving(expressions.visit(ctx.having), plan);
    }
    if (ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null) {
      plan = new Distinct(plan);
    }
    expressions.namedWindows = outerWindows;
    return HintBuilder.apply(expressions, ctx.hints, plan);
  }

  @Override
  public LogicalPlan visitQueryTermDefault(EmberSqlParser.QueryTermDefaultContext ctx) {
    return (LogicalPlan) visit(ctx.queryPrimary());
  }

  @Override
  public LogicalPlan visitSetOperation(EmberSqlParser.SetOperationContext ctx) {
    return JoinBuilder.setOperation(ctx, (LogicalPlan) visit(ctx.left), (LogicalPlan) visit(ctx.right));
  }

  @Override
  public LogicalPlan visitRelation(EmberSqlParser.RelationContext ctx) {
    return JoinBuilder.relation(this, expressions, ctx);
  }

  @Override
  public LogicalPlan visitParenthesizedRelation(EmberSqlParser.ParenthesizedRelationContext ctx) {
    return (LogicalPlan) visit(ctx.relation());
  }

  @Override
  public LogicalPlan visitTableName(TableNameContext ctx) {
    List<String> name = ExpressionBuilder.identifiers(ctx.multipartIdentifier().identifier());
    LogicalPlan relation = new UnresolvedRelation(name, ExpressionBuilder.origin(ctx));
    return aliased(relation, ctx.tableAlias());
  }

  @Override
  public LogicalPlan visitAliasedQuery(AliasedQueryContext ctx) {
    LogicalPlan query = query(ctx.query());
    TableAliasContext alias = ctx.tableAlias();
    if (alias.identifierList() != null && query instanceof UnresolvedInlineTable table) {
      // (VALUES ...) AS t(a, b): the names are the inline table's column names.
      List<String> names = ExpressionBuilder.identifiers(alias.identifierList().identifier());
      if (names.size() != table.columnNames().size()) {
        throw AnalysisException.unsupported("column aliases whose count differs from the VALUES columns");
      }
      return new SubqueryAlias(ExpressionBuilder.identifier(alias.strictIdentifier()),
          new UnresolvedInlineTable(names, table.rows()));
    }
    return aliased(query, alias);
  }

  @Override
  public LogicalPlan visitInlineTableRelation(InlineTableRelationContext ctx) {
    TableAliasContext alias = ctx.tableAlias();
    List<String> columns = alias.identifierList() == null ? List.of()
        : ExpressionBuilder.identifiers(alias.identifierList().identifier());
    LogicalPlan table = inlineTable(ctx.inlineTable(), columns);
    return alias.strictIdentifier() == null ? table
        : new SubqueryAlias(ExpressionBuilder.identifier(alias.strictIdentifier()), table);
  }

  private LogicalPlan aliased(LogicalPlan plan, TableAliasContext alias) {
    if (alias.identifierList() != null) {
      throw AnalysisException.unsupported("column aliases on a table or subquery (t(a, b))");
    }
    if (alias.strictIdentifier() == null) {
      return plan;
    }
    return new SubqueryAlias(ExpressionBuilder.identifier(alias.strictIdentifier()), plan);
  }

  private LogicalPlan inlineTable(InlineTableContext ctx, List<String> columnNames) {
    List<List<Expression>> rows = new ArrayList<>();
    for (EmberSqlParser.ExpressionContext row : ctx.expression()) {
      rows.add(expressions.rowValues(row));
    }
    int width = rows.get(0).size();
    List<String> names = new ArrayList<>(columnNames);
    if (names.isEmpty()) {
      for (int i = 1; i <= width; i++) {
        names.add("col" + i);
      }
    }
    return new UnresolvedInlineTable(names, rows);
  }
}

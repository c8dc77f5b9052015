package dev.ember.sql.parser;

import dev.ember.sql.parser.EmberSqlParser.MultipartIdentifierContext;
import dev.ember.sql.plan.AnalyzeTableCommand;
import dev.ember.sql.plan.CacheTableCommand;
import dev.ember.sql.plan.ClearCacheCommand;
import dev.ember.sql.plan.DescribeColumnCommand;
import dev.ember.sql.plan.DescribeQueryCommand;
import dev.ember.sql.plan.DescribeRelationCommand;
import dev.ember.sql.plan.DropViewCommand;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.ResetCommand;
import dev.ember.sql.plan.SetCommand;
import dev.ember.sql.plan.ShowTablesCommand;
import dev.ember.sql.plan.UncacheTableCommand;
import dev.ember.sql.plan.expressions.Origin;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Builds the command plans (SET, RESET, SHOW TABLES, DESCRIBE, DROP VIEW, CACHE / UNCACHE TABLE, CLEAR
 * CACHE) from their parse trees, for {@link AstBuilder}.
 */
final class CommandBuilder {

  // SET's text is free-form, as in Spark: "key=value" (the key may be back-quoted), "key", or nothing / "-v".
  private static final Pattern KEY_VALUE = Pattern.compile("(?s)\\s*([^=]*?)\\s*=\\s*(.*?)\\s*");

  private CommandBuilder() {}

  static LogicalPlan set(EmberSqlParser.SetConfigurationContext ctx) {
    String text = textAfter(ctx.SET().getSymbol(), ctx);
    if (text.isEmpty() || text.equals("-v")) {
      return new SetCommand(null, null);
    }
    Matcher m = KEY_VALUE.matcher(text);
    if (m.matches()) {
      return new SetCommand(unquote(m.group(1)), m.group(2));
    }
    return new SetCommand(unquote(text), null);
  }

  static LogicalPlan reset(EmberSqlParser.ResetConfigurationContext ctx) {
    String text = textAfter(ctx.RESET().getSymbol(), ctx);
    return new ResetCommand(text.isEmpty() ? null : unquote(text));
  }

  static LogicalPlan showTables(EmberSqlParser.ShowTablesContext ctx) {
    String namespace = ctx.namespace == null ? null : ExpressionBuilder.identifier(ctx.namespace);
    String pattern = ctx.pattern == null ? null : Literals.unquote(ctx.pattern.getText());
    return new ShowTablesCommand(ctx.VIEWS() != null, namespace, pattern,
        ctx.namespace == null ? Origin.NONE : ExpressionBuilder.origin(ctx.namespace));
  }

  static LogicalPlan describeQuery(EmberSqlParser.DescribeQueryContext ctx, LogicalPlan query) {
    return new DescribeQueryCommand(query);
  }

  static LogicalPlan describeRelation(EmberSqlParser.DescribeRelationContext ctx) {
    return new DescribeRelationCommand(name(ctx.multipartIdentifier()), ctx.option != null,
        ExpressionBuilder.origin(ctx.multipartIdentifier()));
  }

  static LogicalPlan describeColumn(EmberSqlParser.DescribeColumnContext ctx) {
    return new DescribeColumnCommand(name(ctx.multipartIdentifier()), ExpressionBuilder.identifier(ctx.column),
        ctx.option != null, ExpressionBuilder.origin(ctx.column));
  }

  static LogicalPlan analyzeTable(EmberSqlParser.AnalyzeTableContext ctx) {
    List<String> columns = ctx.identifier().stream().map(ExpressionBuilder::identifier).toList();
    return new AnalyzeTableCommand(name(ctx.multipartIdentifier()), ctx.NOSCAN() != null, columns,
        ctx.ALL() != null, ExpressionBuilder.origin(ctx.multipartIdentifier()));
  }

  static LogicalPlan dropView(EmberSqlParser.DropViewContext ctx) {
    return new DropViewCommand(name(ctx.multipartIdentifier()), ctx.EXISTS() != null,
        ExpressionBuilder.origin(ctx.multipartIdentifier()));
  }

  static LogicalPlan cacheTable(EmberSqlParser.CacheTableContext ctx, LogicalPlan query) {
    return new CacheTableCommand(name(ctx.multipartIdentifier()), query, ctx.LAZY() != null,
        ExpressionBuilder.origin(ctx.multipartIdentifier()));
  }

  static LogicalPlan uncacheTable(EmberSqlParser.UncacheTableContext ctx) {
    return new UncacheTableCommand(name(ctx.multipartIdentifier()), ctx.EXISTS() != null,
        ExpressionBuilder.origin(ctx.multipartIdentifier()));
  }

  static LogicalPlan clearCache() {
    return new ClearCacheCommand();
  }

  private static List<String> name(MultipartIdentifierContext ctx) {
    return ExpressionBuilder.identifiers(ctx.identifier());
  }

  /** The statement's original text after {@code keyword}, trimmed (comments and spacing kept as written). */
  private static String textAfter(Token keyword, ParserRuleContext ctx) {
    int from = keyword.getStopIndex() + 1;
    int to = ctx.getStop() == null ? keyword.getStopIndex() : ctx.getStop().getStopIndex();
    if (to < from) {
      return "";
    }
    return keyword.getInputStream().getText(Interval.of(from, to)).trim();
  }

  private static String unquote(String key) {
    String k = key.trim();
    if (k.length() >= 2 && k.startsWith("`") && k.endsWith("`")) {
      return k.substring(1, k.length() - 1).replace("``", "`");
    }
    return k;
  }
}

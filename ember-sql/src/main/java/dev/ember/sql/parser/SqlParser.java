package dev.ember.sql.parser;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Expression;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Turns SQL text into unresolved logical plans and expressions. Syntax errors become
 * {@link dev.ember.sql.AnalysisException}s with condition {@code PARSE_SYNTAX_ERROR}, the position, and the
 * query with a caret under the offending token, as Spark prints them.
 */
public final class SqlParser {

  /** Parses one statement (a query, CREATE TEMPORARY VIEW or EXPLAIN). */
  public LogicalPlan parsePlan(String sql) {
    return parse(sql, parser -> new AstBuilder().visitSingleStatement(parser.singleStatement()));
  }

  /** Parses one expression, as {@code functions.expr} and {@code filter(String)} do. */
  public Expression parseExpression(String sql) {
    return parse(sql, parser -> new AstBuilder().visitSingleExpression(parser.singleExpression()));
  }

  private static <T> T parse(String sql, Function<EmberSqlParser, T> entry) {
    ParseErrorListener errors = new ParseErrorListener(sql);
    EmberSqlLexer lexer = new EmberSqlLexer(CharStreams.fromString(sql));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    EmberSqlParser parser = new EmberSqlParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    // SLL is fast and almost always enough; the grammar is unambiguous, so LL only matters for error recovery.
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    return entry.apply(parser);
  }
}

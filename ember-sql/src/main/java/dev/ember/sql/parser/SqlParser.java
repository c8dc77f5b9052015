package dev.ember.sql.parser;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.Expression;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

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
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    EmberSqlParser parser = new EmberSqlParser(tokens);
    parser.removeErrorListeners();
    // As Spark does: the fast SLL mode first, bailing out at the first problem; only then full LL, whose
    // errors are real and reported with their position.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return entry.apply(parser);
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.addErrorListener(errors);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return entry.apply(parser);
    }
  }
}

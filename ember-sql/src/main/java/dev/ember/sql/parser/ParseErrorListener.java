package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Stops at the first syntax error with Spark's PARSE_SYNTAX_ERROR and its {@code == SQL ==} snippet. */
final class ParseErrorListener extends BaseErrorListener {

  /** Spark SQL keywords of features the grammar does not have yet. */
  private static final java.util.Set<String> NOT_YET_SUPPORTED = java.util.Set.of(
      "OVER", "WINDOW", "LATERAL", "OFFSET", "ROLLUP", "CUBE", "GROUPING", "PIVOT", "INTERVAL", "TIMESTAMP",
      "RLIKE", "ILIKE", "TABLESAMPLE");

  private final String sql;

  ParseErrorListener(String sql) {
    this.sql = sql;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int position,
      String msg, RecognitionException e) {
    String near;
    if (offendingSymbol instanceof Token token && NOT_YET_SUPPORTED.contains(token.getText().toUpperCase(
        java.util.Locale.ROOT))) {
      // Valid Spark SQL that this grammar does not cover yet: say so rather than call it a syntax error. A word
      // the grammar has as a keyword belongs to a feature it has, so there it is misplaced: a syntax error.
      throw new AnalysisException("UNSUPPORTED_FEATURE", Map.of("feature", token.getText().toUpperCase(
          java.util.Locale.ROOT) + " (not supported by Ember SQL yet)"), line, position, snippet(line, position));
    }
    if (offendingSymbol instanceof Token token) {
      if (token.getType() == Token.EOF) {
        near = "end of input";
      } else {
        near = "'" + token.getText() + "'";
      }
    } else {
      // A lexer error: no token, the offending character is at the position.
      int offset = offsetOf(line, position);
      near = offset < sql.length() ? "'" + sql.charAt(offset) + "'" : "end of input";
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("error", near);
    parameters.put("hint", "");
    throw new AnalysisException("PARSE_SYNTAX_ERROR", parameters, line, position, snippet(line, position));
  }

  private int offsetOf(int line, int position) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      offset = sql.indexOf('\n', offset) + 1;
    }
    return offset + position;
  }

  /** The query with a line of {@code -} and {@code ^} under the error, after its line. */
  private String snippet(int line, int position) {
    StringBuilder sb = new StringBuilder("\n\n== SQL ==\n");
    String[] lines = sql.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      sb.append(lines[i]).append('\n');
      if (i == line - 1) {
        sb.append("-".repeat(position)).append("^^^").append('\n');
      }
    }
    return sb.toString();
  }
}

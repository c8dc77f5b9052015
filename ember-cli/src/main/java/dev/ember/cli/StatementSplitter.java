package dev.ember.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons, as spark-sql's CLI does, except where a semicolon is part
 * of a string ({@code '...'}, {@code "..."}), a quoted identifier ({@code `...`}), a line comment
 * ({@code -- ...}) or a block comment ({@code /* ... *}{@code /}). Statements made only of comments and
 * blanks are dropped; the text after the last semicolon is kept apart as the unfinished remainder, which the
 * interactive shell keeps reading into and which {@code -e} and {@code -f} run as a last statement.
 */
final class StatementSplitter {

  /**
   * The complete statements and what follows them.
   *
   * @param statements the statements ended by a semicolon, trimmed, without the semicolon
   * @param remainder the text after the last semicolon ("" or blanks and comments when there is none)
   */
  record Split(List<String> statements, String remainder) {

    Split {
      statements = List.copyOf(statements);
    }

    /** Whether the remainder holds more than blanks and comments. */
    boolean hasIncompleteStatement() {
      return !isBlank(remainder);
    }

    /** The statements, with a non-blank remainder as a last one (for {@code -e} and {@code -f}). */
    List<String> allStatements() {
      if (!hasIncompleteStatement()) {
        return statements;
      }
      List<String> all = new ArrayList<>(statements);
      all.add(remainder.trim());
      return all;
    }
  }

  private StatementSplitter() {}

  /** Splits {@code text}. */
  static Split split(String text) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(text, i, c);
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == ';') {
        String statement = text.substring(start, i);
        if (!isBlank(statement)) {
          statements.add(statement.trim());
        }
        i++;
        start = i;
      } else {
        i++;
      }
    }
    return new Split(statements, text.substring(start));
  }

  /** The index after the closing quote (or the end of the text); a backslash escapes in strings only. */
  private static int skipQuoted(String text, int open, char quote) {
    int i = open + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && quote != '`') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }

  /** Whether {@code text} holds only blanks and comments (an unterminated block comment counts). */
  static boolean isBlank(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        return false;
      }
    }
    return true;
  }
}

package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.parser.EmberSqlParser.ConstantContext;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns literal tokens into {@link Literal}s with Spark's typing rules. */
final class Literals {

  private Literals() {}

  static Expression of(ConstantContext ctx) {
    if (ctx instanceof EmberSqlParser.NullLiteralContext) {
      return Literal.NULL;
    }
    if (ctx instanceof EmberSqlParser.BooleanLiteralContext b) {
      return b.TRUE() != null ? Literal.TRUE : Literal.FALSE;
    }
    if (ctx instanceof EmberSqlParser.StringLiteralContext s) {
      StringBuilder sb = new StringBuilder();
      for (TerminalNode part : s.STRING()) {
        sb.append(unquote(part.getText()));
      }
      return Literal.of(sb.toString());
    }
    if (ctx instanceof EmberSqlParser.DateLiteralContext d) {
      String text = unquote(d.STRING().getText());
      try {
        return Literal.of(LocalDate.parse(text.trim()));
      } catch (DateTimeParseException e) {
        throw new AnalysisException("PARSE_SYNTAX_ERROR", Map.of("error", "'" + text + "'",
            "hint", ": not a valid DATE value"), ctx.getStart().getLine(),
            ctx.getStart().getCharPositionInLine(), "");
      }
    }
    Expression typedValue = TypedLiteralParser.typed(ctx);
    if (typedValue != null) {
      return typedValue;
    }
    if (ctx instanceof EmberSqlParser.IntegerLiteralContext i) {
      String text = i.getText();
      // Spark types an integer literal as int when it fits, else bigint, else decimal (double for now).
      try {
        return Literal.of(Integer.parseInt(text));
      } catch (NumberFormatException notInt) {
        try {
          return Literal.of(Long.parseLong(text));
        } catch (NumberFormatException notLong) {
          return TypedLiteralParser.decimal(text, ctx);
        }
      }
    }
    if (ctx instanceof EmberSqlParser.BigintLiteralContext l) {
      String text = l.getText();
      return Literal.of(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    if (ctx instanceof EmberSqlParser.DecimalLiteralContext d && d.DECIMAL_VALUE() != null) {
      // Spark types 1.5 as decimal(2,1): an exact number with a point is a decimal.
      return TypedLiteralParser.decimal(ctx.getText(), ctx);
    }
    Literal typed = TypedLiteralParser.of(ctx);
    if (typed != null) {
      return typed;
    }
    return new Literal(Double.parseDouble(ctx.getText()), DataTypes.DoubleType);
  }

  /** The text of a quoted string: backslash escapes and doubled quotes resolved. */
  static String unquote(String quoted) {
    String body = quoted.substring(1, quoted.length() - 1);
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char next = body.charAt(++i);
        sb.append(switch (next) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case '0' -> '\0';
          default -> next;
        });
      } else if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        sb.append('\'');
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}

package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code left LIKE pattern}: {@code _} matches one character, {@code %} any run, {@code \} escapes.
 *
 * @param left the string tested
 * @param pattern the pattern
 */
public record Like(Expression left, Expression pattern) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(left, pattern);
  }

  @Override
  public Expression withNewChildren(List<Expression> c) {
    return new Like(c.get(0), c.get(1));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    return left.foldable() && pattern.foldable();
  }

  @Override
  public String sql() {
    return left.sql() + " LIKE " + pattern.sql();
  }

  /** The Java regular expression equivalent to a SQL LIKE pattern. */
  public static String toRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}

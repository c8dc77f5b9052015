package dev.ember.sql.execution.expressions;

import dev.ember.sql.plan.expressions.Like;
import java.util.regex.Pattern;

/**
 * One LIKE pattern, ready to test strings. A pattern made only of literal text and {@code %} wildcards (the
 * usual {@code 'abc%'}, {@code '%abc'}, {@code '%a%b%'}) is matched by prefix, suffix and in-order substring
 * search on the string itself: no regex matcher per row and no backtracking. Any other pattern ({@code _}
 * or an escape) goes through the regex of {@link Like#toRegex}.
 */
final class LikeMatcher {

  /** The text between wildcards, or null when the regex serves. */
  private final String[] parts;
  private final Pattern regex;

  private LikeMatcher(String[] parts, Pattern regex) {
    this.parts = parts;
    this.regex = regex;
  }

  /** The matcher of the LIKE {@code pattern}. */
  static LikeMatcher of(String pattern) {
    if (pattern.indexOf('_') < 0 && pattern.indexOf('\\') < 0) {
      return new LikeMatcher(pattern.split("%", -1), null);
    }
    return new LikeMatcher(null, Pattern.compile(Like.toRegex(pattern), Pattern.DOTALL));
  }

  /** Whether {@code s} matches the whole pattern. */
  boolean matches(String s) {
    if (parts == null) {
      return regex.matcher(s).matches();
    }
    if (parts.length == 1) {
      return s.equals(parts[0]);
    }
    String first = parts[0];
    String last = parts[parts.length - 1];
    int end = s.length() - last.length();
    if (end < first.length() || !s.startsWith(first) || !s.startsWith(last, end)) {
      return false;
    }
    int from = first.length();
    for (int k = 1; k < parts.length - 1; k++) {
      String part = parts[k];
      if (part.isEmpty()) {
        continue;
      }
      int at = s.indexOf(part, from);
      if (at < 0 || at + part.length() > end) {
        return false;
      }
      from = at + part.length();
    }
    return true;
  }
}

package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A LIKE pattern without {@code _} or escapes (or a {@code startswith} / {@code endswith} / {@code contains}
 * test), possibly negated, evaluated on a string's UTF-8 bytes rather than on a {@code String}: the literal
 * parts between {@code %}s are a prefix, a suffix and substrings searched in order, as the String matcher of
 * LIKE does. Searching UTF-8 bytes is exact for such patterns: UTF-8 is self-synchronizing, so the bytes of a
 * valid string occur in another valid string's bytes only where the string occurs, and byte equality is string
 * equality. A NULL value passes no test, negated or not (NOT of NULL is NULL).
 */
final class Utf8StringTest implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  /** The literal text between wildcards; one part means equality. */
  private final byte[][] parts;
  private final boolean negated;

  private Utf8StringTest(String[] parts, boolean negated) {
    this.parts = new byte[parts.length][];
    for (int k = 0; k < parts.length; k++) {
      this.parts[k] = parts[k].getBytes(StandardCharsets.UTF_8);
    }
    this.negated = negated;
  }

  /** The test of {@code value LIKE pattern}, or null when the pattern has {@code _} or an escape. */
  static Utf8StringTest like(String pattern, boolean negated) {
    if (pattern.indexOf('_') >= 0 || pattern.indexOf('\\') >= 0) {
      return null;
    }
    return new Utf8StringTest(pattern.split("%", -1), negated);
  }

  /** The test of {@code startswith}, {@code endswith} or {@code contains} with {@code text}; null for others. */
  static Utf8StringTest function(String name, String text, boolean negated) {
    return switch (name) {
      case "startswith" -> new Utf8StringTest(new String[] {text, ""}, negated);
      case "endswith" -> new Utf8StringTest(new String[] {"", text}, negated);
      case "contains" -> new Utf8StringTest(new String[] {"", text, ""}, negated);
      default -> null;
    };
  }

  /**
   * The test a bound conjunct makes of one string column when it is a LIKE without {@code _} or escapes, or a
   * {@code startswith} / {@code endswith} / {@code contains}, of the column and a non-NULL string literal, or
   * NOT of one; null for any other conjunct.
   */
  static Utf8StringTest of(Expression conjunct) {
    boolean negated = conjunct instanceof Not;
    Expression test = conjunct instanceof Not not ? not.child() : conjunct;
    if (test instanceof Like like && column(like.left()) >= 0 && text(like.pattern()) != null) {
      return like(text(like.pattern()), negated);
    }
    if (test instanceof ScalarFunction f && f.arguments().size() == 2 && column(f.arguments().get(0)) >= 0
        && text(f.arguments().get(1)) != null) {
      return function(f.name(), text(f.arguments().get(1)), negated);
    }
    return null;
  }

  /** The ordinal of the string column {@code of(conjunct)} tests (call only when that is not null). */
  static int columnOf(Expression conjunct) {
    Expression test = conjunct instanceof Not not ? not.child() : conjunct;
    return column(test.children().get(0));
  }

  private static int column(Expression e) {
    return e instanceof BoundReference ref && ref.dataType().equals(DataTypes.StringType) ? ref.ordinal() : -1;
  }

  private static String text(Expression e) {
    return e instanceof Literal l && l.dataType().equals(DataTypes.StringType) && l.value() != null
        ? l.value().toString() : null;
  }

  /** Whether the non-NULL string whose UTF-8 bytes are {@code bytes[offset, offset + length)} passes. */
  boolean test(byte[] bytes, int offset, int length) {
    return matches(bytes, offset, length) != negated;
  }

  private boolean matches(byte[] s, int offset, int length) {
    if (parts.length == 1) {
      return length == parts[0].length && regionEquals(s, offset, parts[0]);
    }
    byte[] first = parts[0];
    byte[] last = parts[parts.length - 1];
    int end = offset + length - last.length;
    if (end < offset + first.length || !regionEquals(s, offset, first) || !regionEquals(s, end, last)) {
      return false;
    }
    int from = offset + first.length;
    for (int k = 1; k < parts.length - 1; k++) {
      byte[] part = parts[k];
      if (part.length == 0) {
        continue;
      }
      int at = indexOf(s, from, end, part);
      if (at < 0) {
        return false;
      }
      from = at + part.length;
    }
    return true;
  }

  private static boolean regionEquals(byte[] s, int at, byte[] part) {
    for (int i = 0; i < part.length; i++) {
      if (s[at + i] != part[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first position in {@code [from, end - part.length]} where {@code part} occurs, or -1. Eight positions are
   * screened at once (SWAR on two little-endian words): those whose byte equals the part's first byte and whose
   * byte {@code part.length - 1} further equals its last byte, and only those are compared whole.
   */
  static int indexOf(byte[] s, int from, int end, byte[] part) {
    int span = part.length - 1;
    int last = end - part.length;
    int i = from;
    if (last - from >= 8) {
      long heads = (part[0] & 0xFFL) * ONES;
      long tails = (part[span] & 0xFFL) * ONES;
      // Both words must lie inside the array and every position screened must be a valid start.
      int stop = Math.min(last - 7, s.length - 8 - span);
      for (; i <= stop; i += 8) {
        long x = ((long) WORDS.get(s, i) ^ heads) | ((long) WORDS.get(s, i + span) ^ tails);
        long zeros = (x - ONES) & ~x & HIGHS;
        while (zeros != 0) {
          int at = i + (Long.numberOfTrailingZeros(zeros) >>> 3);
          if (regionEquals(s, at, part)) {
            return at;
          }
          zeros &= zeros - 1;
        }
      }
    }
    byte head = part[0];
    for (; i <= last; i++) {
      if (s[i] == head && regionEquals(s, i, part)) {
        return i;
      }
    }
    return -1;
  }
}

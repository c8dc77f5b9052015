package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A LIKE pattern without {@code _} or escapes (or a {@code startswith} / {@code endswith} / {@code contains}
 * test), possibly negated, evaluated on a string's UTF-8 bytes rather than on a {@code String}: the literal
 * parts between {@code %}s are a prefix, a suffix and substrings searched in order, as the String matcher of
 * LIKE does. Searching UTF-8 bytes is exact for such patterns: UTF-8 is self-synchronizing, so the bytes of a
 * valid string occur in another valid string's bytes only where the string occurs, and byte equality is string
 * equality. A NULL value passes no test, negated or not (NOT of NULL is NULL).
 *
 * <p>The same machinery tests {@code =} and {@code <>} with a non-NULL string literal (a pattern of one part),
 * {@code IN} and {@code NOT IN} with string literals (a {@link Utf8ValueSet}; a NULL in the list drops the
 * values it does not hold, and a {@code NOT IN} with a NULL keeps nothing), and an OR of such tests of one
 * column (a value passes when one of them passes; NULL passes none, as {@code NULL OR NULL} is NULL).
 */
final class Utf8StringTest implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  /** The literal text between wildcards; one part means equality (null for an IN or an OR). */
  private final byte[][] parts;
  private final boolean negated;
  /** The values of an IN test (null for a pattern or an OR); tested instead of {@link #parts}. */
  private final Utf8ValueSet values;
  /** The tests of an OR, one of which a value must pass (null for other tests). */
  private final Utf8StringTest[] anyOf;

  private Utf8StringTest(String[] parts, boolean negated) {
    this.parts = new byte[parts.length][];
    for (int k = 0; k < parts.length; k++) {
      this.parts[k] = parts[k].getBytes(StandardCharsets.UTF_8);
    }
    this.negated = negated;
    this.values = null;
    this.anyOf = null;
  }

  private Utf8StringTest(Utf8ValueSet values, boolean negated, Utf8StringTest[] anyOf) {
    this.parts = null;
    this.negated = negated;
    this.values = values;
    this.anyOf = anyOf;
  }

  /** The test of {@code value = text}, or of {@code value <> text} when {@code negated}. */
  static Utf8StringTest equalTo(String text, boolean negated) {
    return new Utf8StringTest(new String[] {text}, negated);
  }

  /**
   * The test of {@code value IN (list)}, or {@code NOT IN} when {@code negated}; a null element is a NULL in the
   * list, which keeps no value a NOT IN would keep (the outcome is NULL or FALSE).
   */
  static Utf8StringTest in(List<String> list, boolean negated) {
    List<String> present = new ArrayList<>();
    for (String s : list) {
      if (s != null) {
        present.add(s);
      }
    }
    if (negated && present.size() < list.size()) {
      return new Utf8StringTest(new Utf8ValueSet(List.of()), false, null);
    }
    return new Utf8StringTest(new Utf8ValueSet(present), negated, null);
  }

  /** The test a value passes when it passes one of {@code tests}. */
  static Utf8StringTest anyOf(List<Utf8StringTest> tests) {
    return new Utf8StringTest(null, false, tests.toArray(new Utf8StringTest[0]));
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
    if (conjunct instanceof Or) {
      return disjunction(conjunct);
    }
    Utf8StringTest valueTest = valueTest(conjunct);
    if (valueTest != null) {
      return valueTest;
    }
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
    if (conjunct instanceof Or or) {
      return columnOf(or.left());
    }
    Expression test = conjunct instanceof Not not ? not.child() : conjunct;
    if (test instanceof BinaryComparison c && column(c.left()) < 0) {
      return column(c.right());
    }
    return column(test.children().get(0));
  }

  /**
   * The test of {@code =} or {@code <>} of a string column and a non-NULL string literal (either side), of
   * {@code IN} of a string column and string literals, or NOT of one of those; null for anything else.
   */
  private static Utf8StringTest valueTest(Expression conjunct) {
    boolean negated = conjunct instanceof Not;
    Expression test = conjunct instanceof Not not ? not.child() : conjunct;
    if (test instanceof BinaryComparison c && (c.operator() == ComparisonOperator.EQUAL
        || c.operator() == ComparisonOperator.NOT_EQUAL)) {
      String text = column(c.left()) >= 0 ? text(c.right()) : column(c.right()) >= 0 ? text(c.left()) : null;
      return text == null ? null : equalTo(text, negated != (c.operator() == ComparisonOperator.NOT_EQUAL));
    }
    if (test instanceof In in && column(in.value()) >= 0) {
      List<String> list = new ArrayList<>();
      for (Expression item : in.list()) {
        if (!(item instanceof Literal l) || l.value() != null && !l.dataType().equals(DataTypes.StringType)) {
          return null;
        }
        list.add(l.value() == null ? null : l.value().toString());
      }
      return in(list, negated);
    }
    return null;
  }

  /** The test of an OR whose every leaf is a test of {@link #of} on one and the same column; null otherwise. */
  private static Utf8StringTest disjunction(Expression or) {
    List<Expression> leaves = new ArrayList<>();
    collectLeaves(or, leaves);
    List<Utf8StringTest> tests = new ArrayList<>();
    int column = -1;
    for (Expression leaf : leaves) {
      Utf8StringTest test = of(leaf);
      if (test == null || column >= 0 && columnOf(leaf) != column) {
        return null;
      }
      column = columnOf(leaf);
      tests.add(test);
    }
    return anyOf(tests);
  }

  private static void collectLeaves(Expression e, List<Expression> out) {
    if (e instanceof Or or) {
      collectLeaves(or.left(), out);
      collectLeaves(or.right(), out);
    } else {
      out.add(e);
    }
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
    if (anyOf != null) {
      for (Utf8StringTest test : anyOf) {
        if (test.test(s, offset, length)) {
          return true;
        }
      }
      return false;
    }
    if (values != null) {
      return values.contains(s, offset, length);
    }
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

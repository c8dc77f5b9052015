package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class Utf8StringTestTest {

  private static boolean like(String pattern, String value) {
    byte[] padded = ("«" + value + "»").getBytes(StandardCharsets.UTF_8);
    int offset = "«".getBytes(StandardCharsets.UTF_8).length;
    int length = value.getBytes(StandardCharsets.UTF_8).length;
    // Tested inside a larger array, as values are in a page, so nothing may read past the value's bytes.
    return Utf8StringTest.like(pattern, false).test(padded, offset, length);
  }

  private static boolean regex(String pattern, String value) {
    return Pattern.compile(Like.toRegex(pattern), Pattern.DOTALL).matcher(value).matches();
  }

  @Test
  void multiplePartsMatchInOrderBetweenAnchors() {
    assertThat(like("%special%requests%", "a special pending requests b")).isTrue();
    assertThat(like("%special%requests%", "requests special")).isFalse();
    assertThat(like("%special%requests%", "specialrequests")).isTrue();
    assertThat(like("abc%", "abcdef")).isTrue();
    assertThat(like("abc%", "xabc")).isFalse();
    assertThat(like("%BRASS", "LARGE BRASS")).isTrue();
    assertThat(like("%BRASS", "BRASS LARGE")).isFalse();
    assertThat(like("a%z", "az")).isTrue();
    assertThat(like("a%z", "a")).isFalse();
    assertThat(like("exact", "exact")).isTrue();
    assertThat(like("exact", "exactly")).isFalse();
  }

  @Test
  void overlappingPartsNeedDisjointOccurrences() {
    assertThat(like("%aa%aa%", "aaa")).isFalse();
    assertThat(like("%aa%aa%", "aaaa")).isTrue();
    // The prefix and suffix may not share bytes either.
    assertThat(like("ab%ba", "aba")).isFalse();
    assertThat(like("ab%ba", "abba")).isTrue();
    assertThat(like("a%a%a", "aa")).isFalse();
    assertThat(like("a%a%a", "aaa")).isTrue();
  }

  @Test
  void emptyPartsAndEmptyPatternsAndValues() {
    assertThat(like("%%", "")).isTrue();
    assertThat(like("%%", "anything")).isTrue();
    assertThat(like("%", "")).isTrue();
    assertThat(like("", "")).isTrue();
    assertThat(like("", "x")).isFalse();
    assertThat(like("a%%b", "ab")).isTrue();
    assertThat(like("%x%", "")).isFalse();
  }

  @Test
  void multiByteCharactersNextToParts() {
    assertThat(like("%wör%", "héllo wörld")).isTrue();
    assertThat(Utf8StringTest.like("h_llo%", false)).isNull();
    assertThat(like("日本%", "日本語のテキスト")).isTrue();
    assertThat(like("%テキスト", "日本語のテキスト")).isTrue();
    assertThat(like("%語の%", "日本語のテキスト")).isTrue();
    assertThat(like("%é", "café")).isTrue();
    assertThat(like("%e", "café")).isFalse();
    // 'é' is C3 A9; its continuation byte alone never matches a whole character.
    assertThat(like("%©%", "café")).isFalse();
  }

  @Test
  void negationAndStringFunctions() {
    byte[] bytes = "special requests".getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8StringTest.like("%special%requests%", true).test(bytes, 0, bytes.length)).isFalse();
    assertThat(Utf8StringTest.function("startswith", "spec", false).test(bytes, 0, bytes.length)).isTrue();
    assertThat(Utf8StringTest.function("endswith", "quests", false).test(bytes, 0, bytes.length)).isTrue();
    assertThat(Utf8StringTest.function("contains", "l r", false).test(bytes, 0, bytes.length)).isTrue();
    assertThat(Utf8StringTest.function("contains", "%", false).test(bytes, 0, bytes.length)).isFalse();
    assertThat(Utf8StringTest.function("contains", "", true).test(bytes, 0, bytes.length)).isFalse();
    assertThat(Utf8StringTest.function("upper", "x", false)).isNull();
  }

  @Test
  void agreesWithTheRegexOfLikeOnRandomText() {
    Random random = new Random(7);
    String alphabet = "aab%é日";
    for (int round = 0; round < 20_000; round++) {
      String pattern = randomText(random, alphabet, 6);
      String value = randomText(random, alphabet.replace("%", ""), round % 2 == 0 ? 8 : 40);
      assertThat(like(pattern, value)).as("'%s' LIKE '%s'", value, pattern).isEqualTo(regex(pattern, value));
    }
  }

  @Test
  void wordAtATimeSearchFindsTheFirstOccurrenceAtEveryPosition() {
    Random random = new Random(11);
    for (int round = 0; round < 5_000; round++) {
      byte[] text = new byte[random.nextInt(80)];
      for (int i = 0; i < text.length; i++) {
        text[i] = (byte) "abé".charAt(random.nextInt(3));
      }
      byte[] part = new byte[1 + random.nextInt(4)];
      for (int i = 0; i < part.length; i++) {
        part[i] = (byte) "abé".charAt(random.nextInt(3));
      }
      int from = text.length == 0 ? 0 : random.nextInt(text.length);
      int end = from + random.nextInt(text.length - from + 1);
      assertThat(Utf8StringTest.indexOf(text, from, end, part)).isEqualTo(naiveIndexOf(text, from, end, part));
    }
  }

  private static int naiveIndexOf(byte[] text, int from, int end, byte[] part) {
    for (int i = from; i + part.length <= end; i++) {
      boolean equal = true;
      for (int k = 0; k < part.length && equal; k++) {
        equal = text[i + k] == part[k];
      }
      if (equal) {
        return i;
      }
    }
    return -1;
  }

  private static String randomText(Random random, String alphabet, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  @Test
  void recognizesOnlyWildcardPatternsOfAStringColumnAndANonNullLiteral() {
    Expression column = new BoundReference(2, DataTypes.StringType, true);
    assertThat(Utf8StringTest.of(new Like(column, Literal.of("%a%")))).isNotNull();
    assertThat(Utf8StringTest.columnOf(new Not(new Like(column, Literal.of("%a%"))))).isEqualTo(2);
    assertThat(Utf8StringTest.of(new Like(column, Literal.of("a_c")))).isNull();
    assertThat(Utf8StringTest.of(new Like(column, Literal.of("a\\%")))).isNull();
    assertThat(Utf8StringTest.of(new Like(column, new Literal(null, DataTypes.StringType)))).isNull();
    assertThat(Utf8StringTest.of(new Like(new BoundReference(0, DataTypes.IntegerType, true),
        Literal.of("1%")))).isNull();
    Expression startsWith = new ScalarFunction("startswith", List.of(column, Literal.of("ab")),
        DataTypes.BooleanType, false, null);
    assertThat(Utf8StringTest.of(startsWith)).isNotNull();
  }

  private static boolean passes(Utf8StringTest test, String value) {
    byte[] padded = ("«" + value + "»").getBytes(StandardCharsets.UTF_8);
    int offset = "«".getBytes(StandardCharsets.UTF_8).length;
    return test.test(padded, offset, value.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void equalityComparesWholeValuesOfMultiByteCharacters() {
    Utf8StringTest equal = Utf8StringTest.equalTo("café", false);
    assertThat(passes(equal, "café")).isTrue();
    assertThat(passes(equal, "cafe")).isFalse();
    assertThat(passes(equal, "caf")).isFalse();
    assertThat(passes(equal, "cafés")).isFalse();
    assertThat(passes(equal, "")).isFalse();
    Utf8StringTest empty = Utf8StringTest.equalTo("", false);
    assertThat(passes(empty, "")).isTrue();
    assertThat(passes(empty, " ")).isFalse();
    Utf8StringTest notEqual = Utf8StringTest.equalTo("Brand#45", true);
    assertThat(passes(notEqual, "Brand#45")).isFalse();
    assertThat(passes(notEqual, "Brand#4")).isTrue();
    assertThat(passes(notEqual, "Brand#451")).isTrue();
    assertThat(passes(notEqual, "")).isTrue();
  }

  @Test
  void inAndNotInFollowSqlNullSemantics() {
    Utf8StringTest in = Utf8StringTest.in(Arrays.asList("MAIL", "SHIP", "MAIL", ""), false);
    assertThat(passes(in, "MAIL")).isTrue();
    assertThat(passes(in, "")).isTrue();
    assertThat(passes(in, "MAI")).isFalse();
    Utf8StringTest notIn = Utf8StringTest.in(Arrays.asList("MAIL", "SHIP"), true);
    assertThat(passes(notIn, "MAIL")).isFalse();
    assertThat(passes(notIn, "AIR")).isTrue();
    // A NULL in the list: IN is TRUE for the listed values and NULL for the rest; NOT IN is never TRUE.
    Utf8StringTest inWithNull = Utf8StringTest.in(Arrays.asList("MAIL", null), false);
    assertThat(passes(inWithNull, "MAIL")).isTrue();
    assertThat(passes(inWithNull, "AIR")).isFalse();
    Utf8StringTest notInWithNull = Utf8StringTest.in(Arrays.asList("MAIL", null), true);
    assertThat(passes(notInWithNull, "MAIL")).isFalse();
    assertThat(passes(notInWithNull, "AIR")).isFalse();
    assertThat(passes(notInWithNull, "")).isFalse();
  }

  @Test
  void recognizesEqualityInAndOneColumnDisjunctionsOfLiterals() {
    Expression column = new BoundReference(3, DataTypes.StringType, true);
    Expression other = new BoundReference(4, DataTypes.StringType, true);
    Expression equal = new BinaryComparison(ComparisonOperator.EQUAL, Literal.of("R"), column);
    assertThat(Utf8StringTest.columnOf(equal)).isEqualTo(3);
    assertThat(passes(Utf8StringTest.of(equal), "R")).isTrue();
    Expression notEqual = new BinaryComparison(ComparisonOperator.NOT_EQUAL, column, Literal.of("R"));
    assertThat(passes(Utf8StringTest.of(notEqual), "R")).isFalse();
    assertThat(passes(Utf8StringTest.of(new Not(notEqual)), "R")).isTrue();
    Expression in = new In(column, List.of(Literal.of("AIR"), Literal.of("AIR REG")));
    assertThat(Utf8StringTest.columnOf(new Not(in))).isEqualTo(3);
    assertThat(passes(Utf8StringTest.of(new Not(in)), "AIR")).isFalse();
    assertThat(passes(Utf8StringTest.of(new Not(in)), "RAIL")).isTrue();
    Expression or = new Or(new Like(column, Literal.of("a%")), new Or(equal, in));
    assertThat(Utf8StringTest.columnOf(or)).isEqualTo(3);
    assertThat(passes(Utf8StringTest.of(or), "abc")).isTrue();
    assertThat(passes(Utf8StringTest.of(or), "R")).isTrue();
    assertThat(passes(Utf8StringTest.of(or), "AIR REG")).isTrue();
    assertThat(passes(Utf8StringTest.of(or), "b")).isFalse();
    // Not byte tests: a NULL literal, two columns, a non-string column, an OR over two columns, NOT of an OR.
    assertThat(Utf8StringTest.of(new BinaryComparison(ComparisonOperator.EQUAL, column,
        new Literal(null, DataTypes.StringType)))).isNull();
    assertThat(Utf8StringTest.of(new BinaryComparison(ComparisonOperator.EQUAL, column, other))).isNull();
    assertThat(Utf8StringTest.of(new BinaryComparison(ComparisonOperator.EQUAL,
        new BoundReference(0, DataTypes.IntegerType, true), Literal.of(1)))).isNull();
    assertThat(Utf8StringTest.of(new BinaryComparison(ComparisonOperator.NULL_SAFE_EQUAL, column,
        Literal.of("R")))).isNull();
    assertThat(Utf8StringTest.of(new Or(equal, new BinaryComparison(ComparisonOperator.EQUAL, other,
        Literal.of("R"))))).isNull();
    assertThat(Utf8StringTest.of(new Not(or))).isNull();
    assertThat(Utf8StringTest.of(new In(column, List.of(Literal.of("a"), other)))).isNull();
  }
}

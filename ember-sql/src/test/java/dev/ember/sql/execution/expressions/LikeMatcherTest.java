package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.plan.expressions.Like;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LikeMatcherTest {

  private static final List<String> PATTERNS = List.of("abc", "abc%", "%abc", "%abc%", "%a%b%", "a%b%c",
      "%", "%%", "", "a%a", "%special%requests%", "PROMO%", "a_c", "a\\%c", "%b_%", "ab%ab");
  private static final List<String> INPUTS = List.of("", "a", "abc", "abcabc", "xabcx", "aXbYc", "ab",
      "aa", "aba", "a%c", "aXc", "very special customer requests", "special requests", "requests special",
      "PROMO BRUSHED", "xPROMO", "abab", "ab\nab");

  @Test
  void matchesLikeTheRegexTranslation() {
    for (String pattern : PATTERNS) {
      Pattern regex = Pattern.compile(Like.toRegex(pattern), Pattern.DOTALL);
      LikeMatcher matcher = LikeMatcher.of(pattern);
      for (String input : INPUTS) {
        assertThat(matcher.matches(input)).as("'%s' LIKE '%s'", input, pattern)
            .isEqualTo(regex.matcher(input).matches());
      }
    }
  }

  @Test
  void aWildcardDoesNotLetPartsOverlap() {
    assertThat(LikeMatcher.of("ab%ba").matches("aba")).isFalse();
    assertThat(LikeMatcher.of("ab%ba").matches("abba")).isTrue();
    assertThat(LikeMatcher.of("%aa%aa%").matches("aaa")).isFalse();
  }
}

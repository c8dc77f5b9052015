package dev.ember.bench.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerComparatorTest {

  @Test
  void numbersMatchWithinOnePartInAMillion() {
    assertThat(AnswerComparator.fieldsMatch("1000000.0", "1000000.9")).isTrue();
    assertThat(AnswerComparator.fieldsMatch("1000000.0", "1000002.0")).isFalse();
  }

  @Test
  void aLessPreciseDecimalMatchesWithinItsLastDigit() {
    assertThat(AnswerComparator.fieldsMatch("0.04998529411764706", "0.049985")).isTrue();
    assertThat(AnswerComparator.fieldsMatch("0.04998529411764706", "0.049987")).isFalse();
  }

  @Test
  void integersAndTextMustBeEqual() {
    assertThat(AnswerComparator.fieldsMatch("12", "12.4")).isFalse();
    assertThat(AnswerComparator.fieldsMatch("BRAZIL", "BRAZIL")).isTrue();
    assertThat(AnswerComparator.fieldsMatch("BRAZIL", "CANADA")).isFalse();
  }

  @Test
  void rowsThatTieMayComeInAnyOrder() {
    assertThat(AnswerComparator.compare(List.of("a\t1", "b\t1"), List.of("b\t1", "a\t1"))).isEmpty();
  }

  @Test
  void reportsTheFirstDifference() {
    assertThat(AnswerComparator.compare(List.of("a\t1", "b\t2"), List.of("a\t1", "b\t3")))
        .contains("row 2 field 2: expected 2 but got 3");
    assertThat(AnswerComparator.compare(List.of("a"), List.of()))
        .contains("expected 1 rows but got 0");
  }

  @Test
  void everyQueryIsAResourceWithoutComments() {
    for (int query = 1; query <= TpchQueries.COUNT; query++) {
      assertThat(TpchQueries.sql(query)).startsWith(query == 15 ? "with" : "select").doesNotContain("--");
    }
  }
}

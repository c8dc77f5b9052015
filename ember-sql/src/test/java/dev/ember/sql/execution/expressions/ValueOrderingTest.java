package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueOrderingTest {

  @Test
  void ordersEachKindNaturally() {
    assertThat(ValueOrdering.compare("Brand#12", "Brand#13")).isNegative();
    assertThat(ValueOrdering.compare("b", "a")).isPositive();
    assertThat(ValueOrdering.compare("", "")).isZero();
    assertThat(ValueOrdering.compare(Long.MIN_VALUE, Long.MAX_VALUE)).isNegative();
    assertThat(ValueOrdering.compare(7L, 7L)).isZero();
    assertThat(ValueOrdering.compare(Integer.MAX_VALUE, Integer.MIN_VALUE)).isPositive();
    assertThat(ValueOrdering.compare(Double.NaN, Double.POSITIVE_INFINITY)).isPositive();
    assertThat(ValueOrdering.compare(new BigDecimal("1.10"), new BigDecimal("1.2"))).isNegative();
    assertThat(ValueOrdering.compare(new byte[] {(byte) 0x80}, new byte[] {0x7f})).isPositive();
  }

  @Test
  void ordersListsElementWiseWithNullsFirstThenByLength() {
    assertThat(ValueOrdering.compare(List.of(1L, 2L), List.of(1L, 3L))).isNegative();
    assertThat(ValueOrdering.compare(Arrays.asList(null, 5L), List.of(0L))).isNegative();
    assertThat(ValueOrdering.compare(List.of("a", "b"), List.of("a"))).isPositive();
    assertThat(ValueOrdering.compare(List.of(), List.of())).isZero();
  }
}

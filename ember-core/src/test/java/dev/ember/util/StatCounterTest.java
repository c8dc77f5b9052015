package dev.ember.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatCounterTest {

  @Test
  void singleValuesAndMergedCountersAgree() {
    StatCounter whole = new StatCounter(1, 2, 3, 4, 10);
    StatCounter merged = new StatCounter(1, 2).merge(new StatCounter(3)).merge(new StatCounter(4, 10));
    // mean 4, squared deviations 9 + 4 + 1 + 0 + 36 = 50
    for (StatCounter counter : new StatCounter[] {whole, merged}) {
      assertThat(counter.count()).isEqualTo(5);
      assertThat(counter.mean()).isCloseTo(4.0, within(1e-12));
      assertThat(counter.sum()).isCloseTo(20.0, within(1e-12));
      assertThat(counter.m2()).isCloseTo(50.0, within(1e-12));
      assertThat(counter.variance()).isCloseTo(10.0, within(1e-12));
      assertThat(counter.sampleVariance()).isCloseTo(12.5, within(1e-12));
      assertThat(counter.min()).isEqualTo(1.0);
      assertThat(counter.max()).isEqualTo(10.0);
    }
  }

  @Test
  void mergingWithItselfDoublesTheCount() {
    StatCounter counter = new StatCounter(1, 3);
    counter.merge(counter);
    assertThat(counter.count()).isEqualTo(4);
    assertThat(counter.mean()).isEqualTo(2.0);
    assertThat(counter.variance()).isEqualTo(1.0);
  }

  @Test
  void lopsidedMergeStaysAccurate() {
    StatCounter big = new StatCounter();
    for (int i = 0; i < 1000; i++) {
      big.merge(1e9 + (i % 2));
    }
    big.merge(new StatCounter(1e9 + 0.5));
    assertThat(big.mean()).isCloseTo(1e9 + 0.5, within(1e-6));
    assertThat(big.variance()).isCloseTo(0.25 * 1000 / 1001, within(1e-6));
    assertThat(new StatCounter().mean()).isNaN();
    assertThat(new StatCounter(5).sampleVariance()).isNaN();
  }
}

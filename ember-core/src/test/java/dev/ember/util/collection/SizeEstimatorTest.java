package dev.ember.util.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeEstimatorTest {

  private final SizeEstimator estimator = new SizeEstimator();

  /** Two references and an int: 12 header + 4 + 4 + 4 = 24 bytes. */
  static final class Node {
    Node next;
    String name;
    int weight;
  }

  @Test
  void primitiveArraysAndStrings() {
    assertThat(estimator.estimate(new int[100])).isEqualTo(16 + 400);
    assertThat(estimator.estimate(new long[3])).isEqualTo(40);
    // String object 24 bytes plus its Latin-1 byte array: 16 + 3 rounded up to 24.
    assertThat(estimator.estimate("abc")).isEqualTo(48);
    assertThat(estimator.estimate(null)).isZero();
  }

  @Test
  void sharedAndCyclicObjectsAreCountedOnce() {
    Node a = new Node();
    Node b = new Node();
    a.next = b;
    b.next = a;
    a.name = "abc";
    b.name = a.name;
    assertThat(estimator.estimate(a)).isEqualTo(24 + 24 + 48);
  }

  @Test
  void largeCollectionsAreSampledToTheRightOrder() {
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      strings.add("s" + (10_000 + i));
    }
    // Each string is 24 + align(16 + 6) = 48 bytes; the list adds its header and a reference per element.
    long estimate = estimator.estimate(strings);
    assertThat(estimate).isBetween(48L * 10_000, 48L * 10_000 + 4L * 10_000 + 200);
  }
}

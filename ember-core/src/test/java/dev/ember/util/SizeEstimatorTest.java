package dev.ember.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeEstimatorTest {

  /** Two references and an int: 12 header + 4 + 4 + 4 = 24 bytes. */
  static final class Node {
    Node next;
    String name;
    int weight;
  }

  @Test
  void primitiveArraysAndStrings() {
    assertThat(SizeEstimator.estimate(new int[100])).isEqualTo(16 + 400);
    assertThat(SizeEstimator.estimate(new long[3])).isEqualTo(40);
    // String object 24 bytes plus its Latin-1 byte array: 16 + 3 rounded up to 24.
    assertThat(SizeEstimator.estimate("abc")).isEqualTo(48);
    assertThat(SizeEstimator.estimate(null)).isZero();
    assertThat(SizeEstimator.estimate(7)).isEqualTo(16);
    assertThat(SizeEstimator.estimate(7L)).isEqualTo(24);
    assertThat(SizeEstimator.estimate(true)).isEqualTo(16);
    assertThat(SizeEstimator.estimate(new Object[] {"abc", 7L})).isEqualTo(16 + 8 + 48 + 24);
  }

  /** One reference: 12 header + 4 = 16 bytes. */
  static final class Owner {
    Object shared;
  }

  @Test
  void jvmWideObjectsAreNotCountedAsOwned() {
    Owner owner = new Owner();
    owner.shared = Thread.currentThread();
    assertThat(SizeEstimator.estimate(owner)).isEqualTo(16);
    owner.shared = Owner.class.getClassLoader();
    assertThat(SizeEstimator.estimate(owner)).isEqualTo(16);
    owner.shared = Owner.class;
    assertThat(SizeEstimator.estimate(owner)).isEqualTo(16);
  }

  @Test
  void sharedAndCyclicObjectsAreCountedOnce() {
    Node a = new Node();
    Node b = new Node();
    a.next = b;
    b.next = a;
    a.name = "abc";
    b.name = a.name;
    assertThat(SizeEstimator.estimate(a)).isEqualTo(24 + 24 + 48);
  }

  @Test
  void largeCollectionsAreSampledToTheRightOrder() {
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      strings.add("s" + (10_000 + i));
    }
    // Each string is 24 + align(16 + 6) = 48 bytes; the list adds its header and a reference per element.
    long estimate = SizeEstimator.estimate(strings);
    assertThat(estimate).isBetween(48L * 10_000, 48L * 10_000 + 4L * 10_000 + 200);
  }
}

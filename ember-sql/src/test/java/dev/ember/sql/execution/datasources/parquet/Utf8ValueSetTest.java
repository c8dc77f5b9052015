package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8ValueSetTest {

  private static boolean contains(Utf8ValueSet set, String value) {
    byte[] padded = ("x" + value + "y").getBytes(StandardCharsets.UTF_8);
    // Tested inside a larger array, as values are in a page, so nothing may read past the value's bytes.
    return set.contains(padded, 1, padded.length - 2);
  }

  @Test
  void aFewValuesAreComparedInTurnWithDuplicatesCountedOnce() {
    Utf8ValueSet set = new Utf8ValueSet(List.of("MAIL", "SHIP", "MAIL", "", "日本"));
    assertThat(set.size()).isEqualTo(4);
    assertThat(contains(set, "MAIL")).isTrue();
    assertThat(contains(set, "SHIP")).isTrue();
    assertThat(contains(set, "")).isTrue();
    assertThat(contains(set, "日本")).isTrue();
    assertThat(contains(set, "MAI")).isFalse();
    assertThat(contains(set, "MAILS")).isFalse();
    assertThat(contains(set, "mail")).isFalse();
    assertThat(contains(set, "日")).isFalse();
  }

  @Test
  void manyValuesAreFoundThroughTheTableDespiteCollidingSlots() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      values.add("v" + i + (i % 3 == 0 ? "é" : ""));
    }
    values.add("v7");
    Utf8ValueSet set = new Utf8ValueSet(values);
    assertThat(set.size()).isEqualTo(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(contains(set, "v" + i + (i % 3 == 0 ? "é" : ""))).isTrue();
      assertThat(contains(set, "v" + i + (i % 3 == 0 ? "" : "é"))).isFalse();
    }
    assertThat(contains(set, "")).isFalse();
    assertThat(contains(set, "v1000")).isFalse();
  }

  @Test
  void theTableGrowsPastTheLinearSizeAndKeepsOneValue() {
    for (int n = Utf8ValueSet.LINEAR_MAX - 1; n <= Utf8ValueSet.LINEAR_MAX + 3; n++) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        values.add("k" + i);
      }
      Utf8ValueSet set = new Utf8ValueSet(values);
      for (int i = 0; i < n; i++) {
        assertThat(contains(set, "k" + i)).isTrue();
      }
      assertThat(contains(set, "k" + n)).isFalse();
    }
    assertThat(contains(new Utf8ValueSet(List.of()), "")).isFalse();
  }
}

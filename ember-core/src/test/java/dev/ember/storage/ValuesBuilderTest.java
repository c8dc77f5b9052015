package dev.ember.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesBuilderTest {

  private static List<Object> drain(StoredValues values) {
    List<Object> out = new ArrayList<>();
    values.iterator().forEachRemaining(out::add);
    return out;
  }

  private static ValuesBuilder of(Object... records) {
    ValuesBuilder builder = new ValuesBuilder();
    for (Object record : records) {
      builder.add(record);
    }
    return builder;
  }

  @Test
  void numbersOfOneTypeAreKeptAsPrimitiveArrays() {
    Object[] longs = new Object[40];
    for (int i = 0; i < longs.length; i++) {
      longs[i] = (long) i * 1_000_000_007L;
    }
    ValuesBuilder builder = of(longs);
    assertThat(builder.estimatedBytes()).isEqualTo(16 + 8 * 40);
    assertThat(builder.build()).isInstanceOf(StoredValues.Longs.class);
    assertThat(drain(builder.build())).containsExactly(longs);
    assertThat(of(1.5, 2.5).build()).isInstanceOf(StoredValues.Doubles.class);
    assertThat(of(1, 2, 3).build().sizeInBytes()).isEqualTo(16 + 4 * 3);
  }

  @Test
  void aRecordOfAnotherTypeTurnsTheBlockIntoObjectsInOrder() {
    ValuesBuilder builder = of(1L, 2L, "three", 4L, null, 5);
    StoredValues stored = builder.build();
    assertThat(stored).isInstanceOf(StoredValues.Objects.class);
    assertThat(drain(stored)).isEqualTo(Arrays.asList(1L, 2L, "three", 4L, null, 5));
    List<Object> partial = new ArrayList<>();
    builder.iterator().forEachRemaining(partial::add);
    assertThat(partial).isEqualTo(Arrays.asList(1L, 2L, "three", 4L, null, 5));
  }

  @Test
  void emptyBlocksAndLongsMixedWithIntsAreHandled() {
    assertThat(drain(of().build())).isEmpty();
    assertThat(of().iterator().hasNext()).isFalse();
    assertThat(drain(of(1L, 2).build())).containsExactly(1L, 2);
  }
}

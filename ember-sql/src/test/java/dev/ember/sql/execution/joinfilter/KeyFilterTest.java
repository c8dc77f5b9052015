package dev.ember.sql.execution.joinfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.types.DataTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The key filter structures: which one is chosen, no false negatives, NULLs, false positives, serialization. */
class KeyFilterTest {

  private static KeyFilter integral(long... keys) {
    return KeyFilters.build(keys, keys.length, true);
  }

  @Test
  void denseKeysGetAnExactBitmapWithTheirRange() {
    KeyFilter filter = integral(10, 12, 14, 12, 11);
    assertThat(filter).isInstanceOf(BitmapKeyFilter.class);
    assertThat(filter.keyCount()).isEqualTo(4);
    assertThat(filter.min()).isEqualTo(10);
    assertThat(filter.max()).isEqualTo(14);
    assertThat(filter.describe()).isEqualTo("bitmap of 4 keys in [10, 14]");
    for (long key = 0; key < 20; key++) {
      assertThat(filter.mightContain(key)).as("key %d", key).isEqualTo(key >= 10 && key <= 14 && key != 13);
    }
  }

  @Test
  void fewKeysOverARangeThatFitsInACacheStillGetABitmap() {
    KeyFilter filter = integral(2409, 199_510, 100_000);
    assertThat(filter).isInstanceOf(BitmapKeyFilter.class);
    assertThat(filter.mightContain(100_000)).isTrue();
    assertThat(filter.mightContain(100_001)).isFalse();
    assertThat(integral(0, KeyFilters.SMALL_BITMAP_BITS)).isInstanceOf(LongSetKeyFilter.class);
  }

  @Test
  void theRangeOfIntegralKeysIsOfferedToSourcesWithTheKeysType() {
    dev.ember.sql.plan.expressions.AttributeReference key =
        dev.ember.sql.plan.expressions.AttributeReference.create("k", DataTypes.IntegerType, true);
    RuntimeFilterPredicate predicate = new RuntimeFilterPredicate(key, integral(4, 9), "d#1");
    assertThat(predicate.range().orElseThrow().sql()).isEqualTo("((k >= 4) AND (k <= 9))");
    assertThat(dev.ember.sql.execution.datasources.FilterTranslator.translate(predicate)).isPresent();
    assertThat(new RuntimeFilterPredicate(key, integral(), "d#1").range()).isEmpty();
    dev.ember.sql.plan.expressions.AttributeReference name =
        dev.ember.sql.plan.expressions.AttributeReference.create("s", DataTypes.StringType, true);
    assertThat(new RuntimeFilterPredicate(name, KeyFilters.build(new long[] {1}, 1, false), "d#2").range())
        .isEmpty();
    assertThat(predicate.sql()).isEqualTo("runtime_filter(k, bitmap of 2 keys in [4, 9] from [d#1])");
  }

  @Test
  void sparseKeysGetAnExactHashSetIncludingTheSentinelValue() {
    long[] keys = {Long.MIN_VALUE, -5, 0, 1L << 40, Long.MAX_VALUE, 0};
    KeyFilter filter = KeyFilters.build(keys, keys.length, true);
    assertThat(filter).isInstanceOf(LongSetKeyFilter.class);
    assertThat(filter.keyCount()).isEqualTo(5);
    for (long key : keys) {
      assertThat(filter.mightContain(key)).isTrue();
    }
    assertThat(filter.mightContain(1)).isFalse();
    assertThat(filter.mightContain(-4)).isFalse();
    assertThat(filter.mightContain((1L << 40) + 1)).isFalse();
  }

  @Test
  void aHashSetHoldsManyKeysWithEqualLowBitsWithoutLosingAny() {
    // Multiples of a large power of two share their low bits: the table must spread them by the mixed hash.
    long[] keys = new long[5000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = (long) i << 32;
    }
    KeyFilter filter = KeyFilters.build(keys, keys.length, true);
    assertThat(filter).isInstanceOf(LongSetKeyFilter.class);
    for (long key : keys) {
      assertThat(filter.mightContain(key)).isTrue();
    }
    assertThat(filter.mightContain(1L << 31)).isFalse();
  }

  @Test
  void hugeSparseKeySetsGetABloomFilterWithoutFalseNegativesAndFewFalsePositives() {
    Random random = new Random(42);
    int n = KeyFilters.MAX_EXACT_KEYS + 1;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = random.nextLong() | 1;  // odd keys only; even ones are absent
    }
    KeyFilter filter = KeyFilters.build(keys, n, true);
    assertThat(filter).isInstanceOf(BloomKeyFilter.class);
    for (long key : keys) {
      assertThat(filter.mightContain(key)).isTrue();
    }
    int falsePositives = 0;
    int probes = 200_000;
    for (int i = 0; i < probes; i++) {
      falsePositives += filter.mightContain(random.nextLong() & ~1L) ? 1 : 0;
    }
    assertThat((double) falsePositives / probes).isLessThan(0.02);
  }

  @Test
  void stringKeysAreTestedByHashWithNullNeverPassing() {
    ColumnVector creation = ColumnVectors.of(DataTypes.StringType, List.of("FRANCE", "PERU", "", "a"));
    long[] hashes = new long[4];
    for (int i = 0; i < 4; i++) {
      hashes[i] = KeyFilters.hash(creation, i);
    }
    KeyFilter filter = KeyFilters.build(hashes, 4, false);
    ColumnVector probe = ColumnVectors.of(DataTypes.StringType,
        Arrays.asList("PERU", null, "GERMANY", "", "FRANCE", "b"));
    BooleanColumnVector result = filter.test(probe, 6);
    assertThat(result.values).containsExactly(true, false, false, true, true, false);
    assertThat(result.nulls).containsOnly(false);
  }

  @Test
  void decimalKeysHashByValueWhetherCompactOrWide() {
    ColumnVector creation = ColumnVectors.of(DataTypes.createDecimalType(38, 2),
        List.of(new java.math.BigDecimal("1.50"), new java.math.BigDecimal("123456789012345678901234.00")));
    long[] hashes = {KeyFilters.hash(creation, 0), KeyFilters.hash(creation, 1)};
    KeyFilter filter = KeyFilters.build(hashes, 2, false);
    ColumnVector probe = ColumnVectors.of(DataTypes.createDecimalType(38, 2), Arrays.asList(
        new java.math.BigDecimal("1.50"), new java.math.BigDecimal("1.51"), null,
        new java.math.BigDecimal("123456789012345678901234.00")));
    assertThat(filter.test(probe, 4).values).containsExactly(true, false, false, true);
  }

  @Test
  void anEmptyCreationSideFiltersEverything() {
    KeyFilter integral = integral();
    KeyFilter hashed = KeyFilters.build(new long[0], 0, false);
    ColumnVector ints = ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(0, 1, null, -1));
    assertThat(integral.test(ints, 4).values).containsOnly(false);
    ColumnVector strings = ColumnVectors.of(DataTypes.StringType, Arrays.asList("", "x"));
    assertThat(hashed.test(strings, 2).values).containsOnly(false);
  }

  @Test
  void intAndLongVectorsAreTestedWithNullsFalseAndSelectionsCompacted() {
    KeyFilter filter = integral(3, 5, 7);
    ColumnVector ints = ColumnVectors.of(DataTypes.IntegerType, Arrays.asList(3, null, 4, 5, 7, 8));
    assertThat(filter.test(ints, 6).values).containsExactly(true, false, false, true, true, false);
    ColumnVector longs = ColumnVectors.of(DataTypes.LongType, Arrays.asList(7L, 3L, null, 6L));
    assertThat(filter.test(longs, 4).values).containsExactly(true, true, false, false);
    int[] rows = {0, 1, 2, 3, 4, 5};
    int kept = filter.select(ints, rows, 6);
    assertThat(Arrays.copyOf(rows, kept)).containsExactly(0, 3, 4);
    int[] some = {1, 4, 5};
    assertThat(filter.select(ints, some, 3)).isEqualTo(1);
    assertThat(some[0]).isEqualTo(4);
  }

  @Test
  void everyStructureSurvivesSerialization() throws Exception {
    long[] sparse = new long[3000];
    for (int i = 0; i < sparse.length; i++) {
      sparse[i] = i * 1_000_003L;
    }
    List<KeyFilter> filters = List.of(integral(1, 2, 3), KeyFilters.build(sparse, sparse.length, true),
        KeyFilters.build(new long[] {11, 22}, 2, false));
    for (KeyFilter filter : filters) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(filter);
      }
      KeyFilter copy;
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = (KeyFilter) in.readObject();
      }
      assertThat(copy.describe()).isEqualTo(filter.describe());
      for (long key = -2; key < 40; key++) {
        assertThat(copy.mightContain(key)).isEqualTo(filter.mightContain(key));
      }
      assertThat(copy.mightContain(sparse[2999])).isEqualTo(filter.mightContain(sparse[2999]));
    }
  }

  @Test
  void batchSelectionAgreesWithTheRowTestForEveryKindAndVector() {
    Random random = new Random(11);
    long[] dense = new long[300];
    long[] sparse = new long[300];
    for (int k = 0; k < dense.length; k++) {
      dense[k] = random.nextInt(1000) - 500;
      sparse[k] = random.nextLong();
    }
    long[] many = new long[KeyFilters.MAX_EXACT_KEYS + 1];
    for (int k = 0; k < many.length; k++) {
      many[k] = (long) k * 1_000_003L;
    }
    List<KeyFilter> filters = List.of(KeyFilters.build(dense, dense.length, true),
        KeyFilters.build(sparse, sparse.length, true), KeyFilters.build(many, many.length, true),
        KeyFilters.build(new long[0], 0, true));
    assertThat(filters.get(0)).isInstanceOf(BitmapKeyFilter.class);
    assertThat(filters.get(1)).isInstanceOf(LongSetKeyFilter.class);
    assertThat(filters.get(2)).isInstanceOf(BloomKeyFilter.class);
    int n = 2000;
    ColumnVector longs = ColumnVectors.allocate(DataTypes.LongType, n);
    ColumnVector ints = ColumnVectors.allocate(DataTypes.IntegerType, n);
    for (int i = 0; i < n; i++) {
      long key = switch (i % 5) {
        case 0 -> dense[random.nextInt(dense.length)];
        case 1 -> sparse[random.nextInt(sparse.length)];
        case 2 -> many[random.nextInt(many.length)];
        case 3 -> i % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        default -> random.nextInt(2000) - 1000;
      };
      ((dev.ember.sql.execution.vector.LongColumnVector) longs).values[i] = key;
      ((dev.ember.sql.execution.vector.IntColumnVector) ints).values[i] = (int) key;
      longs.nulls[i] = random.nextInt(10) == 0;
      ints.nulls[i] = longs.nulls[i];
    }
    for (KeyFilter filter : filters) {
      for (ColumnVector keys : List.of(longs, ints)) {
        int[] expected = new int[n];
        int expectedCount = 0;
        for (int i = 0; i < n; i++) {
          long key = keys instanceof dev.ember.sql.execution.vector.IntColumnVector v ? v.values[i]
              : ((dev.ember.sql.execution.vector.LongColumnVector) keys).values[i];
          if (!keys.nulls[i] && filter.mightContain(key)) {
            expected[expectedCount++] = i;
          }
        }
        int[] all = new int[n];
        int count = filter.selectAll(keys, n, all);
        assertThat(Arrays.copyOf(all, count)).as(filter.describe()).containsExactly(Arrays.copyOf(expected,
            expectedCount));
        // The odd rows only, as a sparse selection.
        int[] odd = new int[n / 2];
        for (int j = 0; j < odd.length; j++) {
          odd[j] = 2 * j + 1;
        }
        int oddCount = filter.select(keys, odd, odd.length);
        assertThat(Arrays.copyOf(odd, oddCount)).containsExactly(Arrays.stream(expected, 0, expectedCount)
            .filter(r -> r % 2 == 1).toArray());
        BooleanColumnVector tested = filter.test(keys, n);
        for (int i = 0; i < n; i++) {
          assertThat(tested.values[i]).isEqualTo(Arrays.binarySearch(expected, 0, expectedCount, i) >= 0);
          assertThat(tested.nulls[i]).isFalse();
        }
      }
    }
    // An empty selection stays empty.
    assertThat(filters.get(0).select(longs, new int[0], 0)).isZero();
    assertThat(filters.get(0).selectAll(longs, 0, new int[0])).isZero();
  }
}

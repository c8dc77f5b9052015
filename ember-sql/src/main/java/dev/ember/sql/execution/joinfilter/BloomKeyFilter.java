package dev.ember.sql.execution.joinfilter;

/**
 * A blocked Bloom filter: each key hash picks one block of 512 bits (a cache line of eight longs) and sets
 * {@link #BITS_SET} bits in it, so a test reads one cache line. At {@link #BITS_PER_KEY} bits a key about 1%
 * of absent keys pass. Integral keys are hashed first; for them the filter also carries [min, max].
 */
final class BloomKeyFilter extends KeyFilter {

  private static final long serialVersionUID = 1L;
  /** Bits a key: with 512-bit blocks, about 1% false positives. */
  static final int BITS_PER_KEY = 14;
  private static final int BITS_SET = 8;
  private static final int WORDS_PER_BLOCK = 8;
  // The bit positions come from hashes of the key hash independent of the bits choosing the block: six 9-bit
  // positions from the first, two from the second.
  private static final long FIRST_SALT = 0x5bd1e9955bd1e995L;
  private static final long SECOND_SALT = 0x27d4eb2f165667c5L;

  private final long[] words;
  private final int blockMask;

  private BloomKeyFilter(boolean integral, long min, long max, long[] words, long keyCount) {
    super(integral, min, max, keyCount);
    this.words = words;
    this.blockMask = words.length / WORDS_PER_BLOCK - 1;
  }

  /** The filter of the key hashes {@code hashes[0, n)} (duplicates allowed); integral keys lie within [min, max]. */
  static BloomKeyFilter of(boolean integral, long min, long max, long[] hashes, int n) {
    long bits = Math.max(512L, (long) n * BITS_PER_KEY);
    int blocks = Integer.highestOneBit((int) Math.min(1L << 30, (bits + 511) / 512 * 2 - 1));
    long[] words = new long[blocks * WORDS_PER_BLOCK];
    int blockMask = blocks - 1;
    for (int i = 0; i < n; i++) {
      long hash = hashes[i];
      int base = ((int) (hash >>> 32) & blockMask) * WORDS_PER_BLOCK;
      long h = KeyFilters.mix(hash ^ FIRST_SALT);
      for (int k = 0; k < BITS_SET; k++) {
        int bit = (int) (h & 511);
        words[base + (bit >>> 6)] |= 1L << bit;
        h = k == 5 ? KeyFilters.mix(hash ^ SECOND_SALT) : h >>> 9;
      }
    }
    return new BloomKeyFilter(integral, min, max, words, n);
  }

  @Override
  protected boolean containsInRange(long key) {
    return containsHash(KeyFilters.mix(key));
  }

  @Override
  protected boolean containsHash(long hash) {
    int base = ((int) (hash >>> 32) & blockMask) * WORDS_PER_BLOCK;
    long h = KeyFilters.mix(hash ^ FIRST_SALT);
    for (int k = 0; k < BITS_SET; k++) {
      int bit = (int) (h & 511);
      if ((words[base + (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
      h = k == 5 ? KeyFilters.mix(hash ^ SECOND_SALT) : h >>> 9;
    }
    return true;
  }

  @Override
  public String describe() {
    return "bloom filter of " + keyCount() + " keys, " + (words.length * 64L) + " bits";
  }
}

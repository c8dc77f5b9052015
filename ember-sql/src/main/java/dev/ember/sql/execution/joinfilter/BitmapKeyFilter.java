package dev.ember.sql.execution.joinfilter;

/** An exact set of integral keys as one bit per value of [min, max]: one load and a shift per test. */
final class BitmapKeyFilter extends KeyFilter {

  private static final long serialVersionUID = 1L;

  private final long[] words;

  private BitmapKeyFilter(long min, long max, long[] words, long keyCount) {
    super(true, min, max, keyCount);
    this.words = words;
  }

  /** The bitmap of the keys {@code keys[0, n)}, all within [min, max], a range of at most 2^31 bits. */
  static BitmapKeyFilter of(long min, long max, long[] keys, int n) {
    long[] words = new long[(int) ((max - min) >>> 6) + 1];
    long distinct = 0;
    for (int i = 0; i < n; i++) {
      long offset = keys[i] - min;
      int word = (int) (offset >>> 6);
      long bit = 1L << offset;
      distinct += (words[word] & bit) == 0 ? 1 : 0;
      words[word] |= bit;
    }
    return new BitmapKeyFilter(min, max, words, distinct);
  }

  @Override
  protected boolean containsInRange(long key) {
    long offset = key - min();
    return (words[(int) (offset >>> 6)] & (1L << offset)) != 0;
  }

  @Override
  protected boolean containsHash(long hash) {
    throw new IllegalStateException("A bitmap holds integral keys, not hashes. This is a bug in Ember.");
  }

  @Override
  public String describe() {
    return "bitmap of " + keyCount() + " keys in [" + min() + ", " + max() + "]";
  }
}

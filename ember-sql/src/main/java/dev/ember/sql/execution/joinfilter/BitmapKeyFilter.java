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
  public boolean exact() {
    return true;
  }

  @Override
  protected boolean containsInRange(long key) {
    long offset = key - min();
    return (words[(int) (offset >>> 6)] & (1L << offset)) != 0;
  }

  /**
   * One pass without branches on the data: a row's word index is forced to 0 when its key is NULL or out of
   * range, so every row costs a load, a shift and a mask whatever it holds.
   */
  @Override
  protected int selectLongs(long[] values, boolean[] nulls, int[] rows, int count, boolean dense) {
    long lo = min();
    long hi = max();
    long[] w = words;
    int kept = 0;
    if (dense) {
      for (int i = 0; i < count; i++) {
        long key = values[i];
        boolean in = key >= lo & key <= hi & !nulls[i];
        long offset = in ? key - lo : 0;
        rows[kept] = i;
        kept += in & (w[(int) (offset >>> 6)] & (1L << offset)) != 0 ? 1 : 0;
      }
      return kept;
    }
    for (int j = 0; j < count; j++) {
      int row = rows[j];
      long key = values[row];
      boolean in = key >= lo & key <= hi & !nulls[row];
      long offset = in ? key - lo : 0;
      rows[kept] = row;
      kept += in & (w[(int) (offset >>> 6)] & (1L << offset)) != 0 ? 1 : 0;
    }
    return kept;
  }

  /** {@link #selectLongs} over int keys. */
  @Override
  protected int selectInts(int[] values, boolean[] nulls, int[] rows, int count, boolean dense) {
    long lo = min();
    long hi = max();
    long[] w = words;
    int kept = 0;
    if (dense) {
      for (int i = 0; i < count; i++) {
        long key = values[i];
        boolean in = key >= lo & key <= hi & !nulls[i];
        long offset = in ? key - lo : 0;
        rows[kept] = i;
        kept += in & (w[(int) (offset >>> 6)] & (1L << offset)) != 0 ? 1 : 0;
      }
      return kept;
    }
    for (int j = 0; j < count; j++) {
      int row = rows[j];
      long key = values[row];
      boolean in = key >= lo & key <= hi & !nulls[row];
      long offset = in ? key - lo : 0;
      rows[kept] = row;
      kept += in & (w[(int) (offset >>> 6)] & (1L << offset)) != 0 ? 1 : 0;
    }
    return kept;
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

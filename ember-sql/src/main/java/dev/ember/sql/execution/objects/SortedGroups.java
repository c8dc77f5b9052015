package dev.ember.sql.execution.objects;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The groups of rows sorted by their leading key values, each handed out as its key and a lazy iterator over
 * its rows' remaining values, read straight from the sorted stream (which may be merging spilled runs), so no
 * group is held in memory. Moving to the next group skips whatever its predecessor's reader left unread.
 */
final class SortedGroups implements Iterator<SortedGroups.Group> {

  /** One group: its key values and the non-key values of its rows. */
  record Group(Object[] key, Iterator<Object[]> values) {}

  private final Iterator<Object[]> rows;
  private final int keyWidth;
  private Object[] pending;
  private GroupValues open;

  /** The groups of {@code rows}, sorted by their first {@code keyWidth} values. */
  SortedGroups(Iterator<Object[]> rows, int keyWidth) {
    this.rows = rows;
    this.keyWidth = keyWidth;
  }

  @Override
  public boolean hasNext() {
    if (open != null) {
      open.skipRest();
      open = null;
    }
    if (pending == null && rows.hasNext()) {
      pending = rows.next();
    }
    return pending != null;
  }

  @Override
  public Group next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object[] key = Arrays.copyOf(pending, keyWidth);
    open = new GroupValues(key);
    return new Group(key, open);
  }

  private boolean sameKey(Object[] row, Object[] key) {
    for (int i = 0; i < keyWidth; i++) {
      if (!Objects.equals(row[i], key[i])) {
        return false;
      }
    }
    return true;
  }

  /** The rows of one group, up to the first row with another key. */
  private final class GroupValues implements Iterator<Object[]> {
    private final Object[] key;
    private boolean done;

    GroupValues(Object[] key) {
      this.key = key;
    }

    @Override
    public boolean hasNext() {
      if (done) {
        return false;
      }
      if (pending == null && rows.hasNext()) {
        pending = rows.next();
      }
      done = pending == null || !sameKey(pending, key);
      return !done;
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Object[] row = pending;
      pending = null;
      return Arrays.copyOfRange(row, keyWidth, row.length);
    }

    void skipRest() {
      while (hasNext()) {
        next();
      }
    }
  }
}

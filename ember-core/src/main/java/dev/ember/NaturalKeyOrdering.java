package dev.ember;

import java.io.Serializable;
import java.util.Comparator;

/**
 * The natural ordering of {@link Comparable} keys, used when a sort is given no comparator. Unlike
 * {@link Comparator#naturalOrder()} it accepts any key type and explains what to do when a key is not
 * comparable or is null, instead of failing with a bare ClassCastException or NullPointerException.
 */
final class NaturalKeyOrdering implements Comparator<Object>, Serializable {

  static final NaturalKeyOrdering INSTANCE = new NaturalKeyOrdering();
  private static final long serialVersionUID = 1L;

  private NaturalKeyOrdering() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Override
  public int compare(Object a, Object b) {
    return ((Comparable) comparable(a)).compareTo(comparable(b));
  }

  private static Object comparable(Object key) {
    if (key == null) {
      throw new EmberException("NULL_SORT_KEY", "Cannot order a null key by its natural ordering. Filter out "
          + "null keys, or pass a Comparator that places them, such as Comparator.nullsFirst(...).");
    }
    if (!(key instanceof Comparable<?>)) {
      throw new EmberException("KEY_NOT_COMPARABLE", "Keys of type " + key.getClass().getName() + " have no "
          + "natural ordering (they do not implement Comparable). Pass a serializable Comparator, for example "
          + "sortByKey(comparator, ascending, numPartitions).");
    }
    return key;
  }

  /** Keeps the instance unique after deserialization. */
  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "NaturalKeyOrdering";
  }
}

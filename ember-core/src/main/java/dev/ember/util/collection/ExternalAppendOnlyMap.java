package dev.ember.util.collection;

import dev.ember.Tuple2;
import dev.ember.api.function.Function;
import dev.ember.api.function.Function2;
import dev.ember.rdd.UserFunctionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Combines values by key like {@code combineByKey}, spilling to disk when its memory is denied. In memory it
 * is an {@link AppendOnlyMap}; a spill writes the map sorted by key hash code; {@link #iterator()} merges
 * the spilled runs and what is left in memory with a k-way merge by hash code, combining the records of
 * equal keys (keys with equal hash codes but unequal values stay apart).
 *
 * <pre>{@code
 * ExternalAppendOnlyMap<String, Integer, List<Integer>> map = new ExternalAppendOnlyMap<>(env,
 *     v -> new ArrayList<>(List.of(v)), (list, v) -> { list.add(v); return list; },
 *     (a, b) -> { a.addAll(b); return a; });
 * map.insertAll(records);
 * map.iterator().forEachRemaining(...);
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the type of inserted values
 * @param <C> the combined type
 */
public final class ExternalAppendOnlyMap<K, V, C> extends Spillable implements Iterable<Tuple2<K, C>> {

  /** Orders keys by hash code; {@code null} hashes to 0. Groups equal keys, and colliding ones, together. */
  static final Comparator<Object> HASH_ORDER =
      (a, b) -> Integer.compare(a == null ? 0 : a.hashCode(), b == null ? 0 : b.hashCode());

  private final Function<V, C> createCombiner;
  private final Function2<C, V, C> mergeValue;
  private final Function2<C, C, C> mergeCombiners;
  private final AppendOnlyMap.Updater<C> updater;
  private AppendOnlyMap<K, C> currentMap = new AppendOnlyMap<>();
  private V pendingValue;
  private boolean iterated;

  /**
   * Creates an empty map that spills through {@code env}.
   *
   * @param createCombiner turns the first value of a key into a combiner
   * @param mergeValue merges another value into a combiner
   * @param mergeCombiners merges two combiners of one key (used when merging spilled runs)
   */
  public ExternalAppendOnlyMap(SpillEnv env, Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners) {
    super(env);
    this.createCombiner = createCombiner;
    this.mergeValue = mergeValue;
    this.mergeCombiners = mergeCombiners;
    // One updater for all records, reading the value from a field: no allocation per record.
    this.updater = (hadValue, old) -> {
      try {
        return hadValue ? this.mergeValue.call(old, pendingValue) : this.createCombiner.call(pendingValue);
      } catch (Exception e) {
        throw UserFunctionException.wrap(e);
      }
    };
  }

  /** Combines {@code value} into the combiner of {@code key}. */
  public void insert(K key, V value) {
    if (iterated) {
      throw new IllegalStateException("Cannot insert into an ExternalAppendOnlyMap after iterating over it.");
    }
    pendingValue = value;
    currentMap.changeValue(key, updater);
    pendingValue = null;
    maybeSpill();
  }

  /** Inserts every pair of {@code records}. */
  public void insertAll(Iterator<? extends Tuple2<K, V>> records) {
    while (records.hasNext()) {
      Tuple2<K, V> record = records.next();
      insert(record._1(), record._2());
    }
  }

  @Override
  protected long estimatedSize() {
    return currentMap.estimateSize();
  }

  @Override
  protected SpilledRun spillCollection() {
    SortedRun run = currentMap.destructiveSortedRun(null, HASH_ORDER);
    SpilledRun spilled = SpilledRun.write(run, 1, newSpillFile(), serializer, env.serializerManager());
    currentMap = new AppendOnlyMap<>();
    return spilled;
  }

  /** The number of runs spilled to disk so far. */
  public int numSpills() {
    return spillCount();
  }

  /**
   * The combined pairs, each key once, in no particular order. Can be called once; insertion ends. Spill
   * files are deleted when the iterator is exhausted or the task ends.
   */
  @Override
  public Iterator<Tuple2<K, C>> iterator() {
    if (iterated) {
      throw new IllegalStateException("An ExternalAppendOnlyMap can be iterated only once.");
    }
    iterated = true;
    startIterating();
    if (spills.isEmpty()) {
      return currentMap.iterator();
    }
    List<Iterator<Tuple2<K, C>>> inputs = new ArrayList<>(spills.size() + 1);
    inputs.add(currentMap.destructiveSortedRun(null, HASH_ORDER).cursor().partition(0));
    currentMap = new AppendOnlyMap<>();
    for (SpilledRun run : spills) {
      inputs.add(openSpill(run).partition(0));
    }
    Iterator<Tuple2<K, C>> merged = new CombiningMergeIterator<>(new MergedSortedIterator<>(inputs, HASH_ORDER),
        HASH_ORDER, mergeCombiners);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = merged.hasNext();
        if (!more) {
          cleanup();
        }
        return more;
      }

      @Override
      public Tuple2<K, C> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return merged.next();
      }
    };
  }
}

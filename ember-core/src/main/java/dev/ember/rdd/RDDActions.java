package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.api.function.Function2;
import dev.ember.scheduler.PartitionFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/** The logic of RDD actions beyond the basic ones; {@link RDD} holds only their entry points. */
final class RDDActions {

  private RDDActions() {}

  /** The first element; fails on an empty RDD as Spark does. */
  static <T> T first(RDD<T> rdd) {
    List<T> taken = PartialScan.take(rdd, 1);
    if (taken.isEmpty()) {
      throw new UnsupportedOperationException("empty collection: first() needs at least one element");
    }
    return taken.get(0);
  }

  /** The {@code num} smallest elements by {@code comparator}, in ascending order. */
  static <T> List<T> takeOrdered(RDD<T> rdd, int num, Comparator<T> comparator) {
    if (num < 0) {
      throw new IllegalArgumentException("Negative number of elements requested: " + num);
    }
    if (num == 0) {
      return new ArrayList<>();
    }
    Comparator<T> order = serializable(rdd.context(), comparator);
    List<ArrayList<T>> partials = rdd.context().runJob(rdd, (tc, it) -> smallest(it, num, order));
    List<T> merged = new ArrayList<>();
    partials.forEach(merged::addAll);
    return new ArrayList<>(smallest(merged.iterator(), num, order));
  }

  /** The {@code num} smallest of {@code items}, sorted, keeping at most {@code num} in memory. */
  private static <T> ArrayList<T> smallest(Iterator<T> items, int num, Comparator<T> order) {
    PriorityQueue<T> largestFirst = new PriorityQueue<>(num, order.reversed());
    while (items.hasNext()) {
      T item = items.next();
      if (largestFirst.size() < num) {
        largestFirst.add(item);
      } else if (order.compare(item, largestFirst.peek()) < 0) {
        largestFirst.poll();
        largestFirst.add(item);
      }
    }
    ArrayList<T> sorted = new ArrayList<>(largestFirst);
    sorted.sort(order);
    return sorted;
  }

  /** {@code comparator} once checked to be serializable, since it travels to executors. */
  static <T> Comparator<T> serializable(EmberContext context, Comparator<T> comparator) {
    if (!(comparator instanceof Serializable serializable)) {
      throw new EmberException("TASK_NOT_SERIALIZABLE", "Comparator " + comparator.getClass().getName()
          + " is not Serializable but must travel to executors; pass a serializable one, such as "
          + "Comparator.naturalOrder() or (Comparator<T> & Serializable) (a, b) -> ...");
    }
    context.clean(serializable);
    return comparator;
  }

  /** Folds every partition from a copy of {@code zero}, then the partial results on the driver. */
  static <T> T fold(RDD<T> rdd, T zero, Function2<T, T, T> op) {
    return aggregate(rdd, zero, op, op);
  }

  /** Aggregates each partition with {@code seqOp} from a copy of {@code zero}, then merges with {@code combOp}. */
  static <T, U> U aggregate(RDD<T> rdd, U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
    EmberContext context = rdd.context();
    Function2<U, T, U> seq = context.clean(seqOp);
    Function2<U, U, U> comb = context.clean(combOp);
    U taskZero = copy(context, zero);
    List<U> partials = context.runJob(rdd, (tc, it) -> {
      U acc = taskZero;
      while (it.hasNext()) {
        acc = seq.call(acc, it.next());
      }
      return acc;
    });
    U result = copy(context, zero);
    try {
      for (U partial : partials) {
        result = comb.call(result, partial);
      }
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
    return result;
  }

  /**
   * Aggregates in a tree of the given depth: partitions' partial results are combined in rounds of shuffles,
   * each cutting their number by a scale factor, so the driver merges only a few.
   */
  static <T, U> U treeAggregate(RDD<T> rdd, U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp,
      int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("Depth must be greater than or equal to 1 but got " + depth);
    }
    if (rdd.getNumPartitions() == 0) {
      return copy(rdd.context(), zero);
    }
    Function2<U, T, U> seq = rdd.context().clean(seqOp);
    Function2<U, U, U> comb = rdd.context().clean(combOp);
    U taskZero = copy(rdd.context(), zero);
    RDD<U> partial = rdd.mapPartitions(it -> {
      U acc = taskZero;
      while (it.hasNext()) {
        acc = seq.call(acc, it.next());
      }
      return List.of(acc).iterator();
    });
    int numPartitions = partial.getNumPartitions();
    int scale = Math.max((int) Math.ceil(Math.pow(numPartitions, 1.0 / depth)), 2);
    while (numPartitions > scale + (int) Math.ceil((double) numPartitions / scale)) {
      numPartitions /= scale;
      int current = numPartitions;
      RDD<Tuple2<Integer, U>> keyed = partial.mapPartitionsWithIndex(
          (index, it) -> Iterators.map(it, u -> new Tuple2<>(index % current, u)), false);
      partial = new PairRDD<>(keyed).reduceByKey(new HashPartitioner(current), comb).values();
    }
    return fold(partial, copy(rdd.context(), zero), comb);
  }

  /** How many times each distinct element occurs, counted per partition and merged on the driver. */
  static <T> Map<T, Long> countByValue(RDD<T> rdd) {
    List<HashMap<T, Long>> partials = rdd.context().runJob(rdd, (tc, it) -> {
      HashMap<T, Long> counts = new HashMap<>();
      while (it.hasNext()) {
        counts.merge(it.next(), 1L, Long::sum);
      }
      return counts;
    });
    Map<T, Long> total = new HashMap<>();
    partials.forEach(partial -> partial.forEach((value, count) -> total.merge(value, count, Long::sum)));
    return Collections.unmodifiableMap(total);
  }

  /** The elements partition by partition, each partition fetched by its own job when first needed. */
  static <T> Iterator<T> toLocalIterator(RDD<T> rdd) {
    int partitions = rdd.getNumPartitions();
    PartitionFunction<T, ArrayList<T>> collect = (tc, it) -> {
      ArrayList<T> all = new ArrayList<>();
      it.forEachRemaining(all::add);
      return all;
    };
    return new Iterator<>() {
      private int nextPartition;
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && nextPartition < partitions) {
          current = rdd.context().runJob(rdd, collect, new int[] {nextPartition++}).get(0).iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** A deep copy of {@code value} through the closure serializer, so a zero value is never shared. */
  private static <U> U copy(EmberContext context, U value) {
    var serializer = context.env().closureSerializer().newInstance();
    return serializer.deserialize(serializer.serialize(value), Thread.currentThread().getContextClassLoader());
  }
}

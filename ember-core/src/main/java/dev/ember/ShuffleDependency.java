package dev.ember;

import dev.ember.rdd.RDD;
import dev.ember.serializer.Serializer;
import java.util.Comparator;
import java.util.Optional;
import static java.util.Objects.requireNonNull;

/**
 * A dependency on the output of a shuffle stage: each child partition reads one slice of every parent
 * partition. Creating one registers a new shuffle with the context's shuffle manager.
 *
 * @param <K> the key type
 * @param <V> the value type written by the map side
 * @param <C> the combined type, when an aggregator is given
 */
public final class ShuffleDependency<K, V, C> extends Dependency<Tuple2<K, V>> {

  private static final long serialVersionUID = 1L;

  /**
   * The map side, for the driver's scheduler only: a reduce task needs the shuffle's id, partitioner and
   * functions, not the lineage that wrote it, so the parent stays behind when tasks are serialized (as in
   * Spark); otherwise every stage after a shuffle would ship every stage before it. Null in executors.
   */
  private final transient RDD<Tuple2<K, V>> rdd;
  private final Partitioner partitioner;
  private final Serializer serializer;
  private final Comparator<? super K> keyOrdering;
  private final Aggregator<K, V, C> aggregator;
  private final boolean mapSideCombine;
  private final int shuffleId;

  /**
   * Creates a shuffle dependency.
   *
   * @param rdd the parent RDD of key-value pairs
   * @param partitioner decides the reduce partition of each key
   * @param serializer the data serializer; {@code null} for the context's default
   * @param keyOrdering if not null, reduce partitions are sorted by key with this ordering
   * @param aggregator if not null, values are combined by key
   * @param mapSideCombine whether to combine on the map side (needs an aggregator)
   */
  public ShuffleDependency(RDD<Tuple2<K, V>> rdd, Partitioner partitioner, Serializer serializer,
      Comparator<? super K> keyOrdering, Aggregator<K, V, C> aggregator, boolean mapSideCombine) {
    this.rdd = requireNonNull(rdd, "rdd is null");
    this.partitioner = requireNonNull(partitioner, "partitioner is null");
    if (mapSideCombine && aggregator == null) {
      throw new IllegalArgumentException("Map-side combine needs an aggregator.");
    }
    this.serializer = serializer;
    this.keyOrdering = keyOrdering;
    this.aggregator = aggregator;
    this.mapSideCombine = mapSideCombine;
    this.shuffleId = rdd.context().newShuffleId(this);
  }

  /** The parent RDD whose records this shuffle moves; only on the driver (null after serialization). */
  @Override
  public RDD<Tuple2<K, V>> rdd() {
    return rdd;
  }

  public int shuffleId() {
    return shuffleId;
  }

  public Partitioner partitioner() {
    return partitioner;
  }

  /** The data serializer of this shuffle, if one was chosen; the environment's default otherwise. */
  public Optional<Serializer> serializer() {
    return Optional.ofNullable(serializer);
  }

  public Optional<Comparator<? super K>> keyOrdering() {
    return Optional.ofNullable(keyOrdering);
  }

  public Optional<Aggregator<K, V, C>> aggregator() {
    return Optional.ofNullable(aggregator);
  }

  public boolean mapSideCombine() {
    return mapSideCombine;
  }
}

package dev.ember.sql;

import dev.ember.Tuple2;
import dev.ember.api.function.FlatMapGroupsFunction;
import dev.ember.api.function.MapFunction;
import dev.ember.api.function.MapGroupsFunction;
import dev.ember.api.function.ReduceFunction;
import dev.ember.rdd.Iterators;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.objects.AppendColumns;
import dev.ember.sql.plan.objects.MapGroups;
import dev.ember.sql.plan.objects.ObjectGroupFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * A typed Dataset grouped by a key function, from {@link Dataset#groupByKey}: each operation runs once per
 * group, on the executors, after a shuffle that brings each key's values together (Spark's
 * {@code KeyValueGroupedDataset}).
 *
 * <pre>{@code
 * Dataset<Tuple2<String, Long>> counts = words.groupByKey((MapFunction<String, String>) w -> w, Encoders.STRING())
 *     .count();
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KeyValueGroupedDataset<K, V> {

  private final Dataset<?> source;
  private final MapFunction<Object, Object> keyFunction;
  private final ExpressionEncoder<K> keyEncoder;
  // Applied to each source value before the user's function sees it (mapValues); null for none.
  private final MapFunction<Object, Object> valueFunction;
  private final ExpressionEncoder<V> valueEncoder;

  @SuppressWarnings("unchecked")
  KeyValueGroupedDataset(Dataset<?> source, MapFunction<?, ?> keyFunction, ExpressionEncoder<K> keyEncoder,
      MapFunction<?, ?> valueFunction, ExpressionEncoder<V> valueEncoder) {
    this.source = source;
    this.keyFunction = (MapFunction<Object, Object>) keyFunction;
    this.keyEncoder = keyEncoder;
    this.valueFunction = (MapFunction<Object, Object>) valueFunction;
    this.valueEncoder = valueEncoder;
  }

  /** The encoder of the keys. */
  public Encoder<K> keyEncoder() {
    return keyEncoder;
  }

  /** The encoder of the values. */
  public Encoder<V> valueEncoder() {
    return valueEncoder;
  }

  /** The same groups with each value replaced by {@code f}'s result for it. */
  @SuppressWarnings("unchecked")
  public <W> KeyValueGroupedDataset<K, W> mapValues(MapFunction<V, W> f, Encoder<W> encoder) {
    MapFunction<Object, Object> g = (MapFunction<Object, Object>) clean(f);
    MapFunction<Object, Object> previous = valueFunction;
    MapFunction<Object, Object> composed = previous == null ? g : v -> g.call(previous.call(v));
    return new KeyValueGroupedDataset<>(source, keyFunction, keyEncoder, composed, ExpressionEncoder.of(encoder));
  }

  /** One result per group: {@code f} of the key and an iterator over the group's values. */
  @SuppressWarnings("unchecked")
  public <U> Dataset<U> mapGroups(MapGroupsFunction<K, V, U> f, Encoder<U> encoder) {
    MapGroupsFunction<Object, Object, Object> g = (MapGroupsFunction<Object, Object, Object>) clean(f);
    return groups((key, values) -> List.<Object>of(g.call(key, values)).iterator(), ExpressionEncoder.of(encoder),
        null);
  }

  /** Zero or more results per group: the elements of the iterator {@code f} returns for it. */
  @SuppressWarnings("unchecked")
  public <U> Dataset<U> flatMapGroups(FlatMapGroupsFunction<K, V, U> f, Encoder<U> encoder) {
    FlatMapGroupsFunction<Object, Object, Object> g = (FlatMapGroupsFunction<Object, Object, Object>) clean(f);
    return groups(g::call, ExpressionEncoder.of(encoder), null);
  }

  /** Each key with its values combined by the associative, commutative {@code f}: columns key and value. */
  @SuppressWarnings("unchecked")
  public Dataset<Tuple2<K, V>> reduceGroups(ReduceFunction<V> f) {
    ReduceFunction<Object> g = (ReduceFunction<Object>) clean(f);
    ExpressionEncoder<Tuple2<K, V>> pairs = ExpressionEncoder.of(Encoders.tuple(keyEncoder, valueEncoder));
    return groups((key, values) -> {
      Object result = values.next();
      while (values.hasNext()) {
        result = g.call(result, values.next());
      }
      return List.<Object>of(new Tuple2<>(key, result)).iterator();
    }, pairs, List.of("key", "ReduceAggregator(" + valueEncoder.clsTag().getName() + ")"));
  }

  /** Each key with the number of its values: columns {@code key} and {@code count(1)}. */
  public Dataset<Tuple2<K, Long>> count() {
    ExpressionEncoder<Tuple2<K, Long>> pairs = ExpressionEncoder.of(Encoders.tuple(keyEncoder, Encoders.LONG()));
    return groups((key, values) -> {
      long n = 0;
      while (values.hasNext()) {
        values.next();
        n++;
      }
      return List.<Object>of(new Tuple2<>(key, n)).iterator();
    }, pairs, List.of("key", "count(1)"));
  }

  /** The distinct keys. */
  public Dataset<K> keys() {
    return groups((key, values) -> List.<Object>of(key).iterator(), keyEncoder, null);
  }

  private <F extends java.io.Serializable> F clean(F f) {
    return source.sparkSession().emberContext().clean(f);
  }

  private <U> Dataset<U> groups(ObjectGroupFunction f, ExpressionEncoder<U> encoder, List<String> names) {
    LogicalPlan child = source.logicalPlan();
    List<AttributeReference> keys = TypedOperations.attributes(keyEncoder);
    AppendColumns append = new AppendColumns(keyFunction, ExpressionEncoder.of(source.encoder()), keyEncoder, keys,
        child);
    MapFunction<Object, Object> values = valueFunction;
    ObjectGroupFunction function = values == null ? f
        : (key, it) -> f.apply(key, Iterators.map(it, values::call));
    List<AttributeReference> output = TypedOperations.attributes(encoder);
    if (names != null) {
      List<AttributeReference> renamed = new ArrayList<>();
      for (int i = 0; i < output.size(); i++) {
        AttributeReference a = output.get(i);
        // A count is never NULL.
        renamed.add(AttributeReference.create(names.get(i), a.dataType(), !"count(1)".equals(names.get(i))));
      }
      output = renamed;
    }
    MapGroups groups = new MapGroups(function, keyEncoder, ExpressionEncoder.of(source.encoder()), encoder, keys,
        child.output(), output, append);
    return new Dataset<>(source.sparkSession(), groups, encoder);
  }
}

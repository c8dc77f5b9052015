package dev.ember;

import dev.ember.api.function.Function;
import dev.ember.api.function.Function2;
import java.io.Serializable;
import static java.util.Objects.requireNonNull;

/**
 * The three functions of {@code combineByKey}: make a combiner from a first value, merge a value into a
 * combiner, and merge two combiners. The shuffle uses them on the map side (to send less) and on the reduce
 * side.
 *
 * @param createCombiner turns the first value of a key into a combiner
 * @param mergeValue merges another value of the key into the combiner
 * @param mergeCombiners merges two combiners of the same key
 */
public record Aggregator<K, V, C>(
    Function<V, C> createCombiner, Function2<C, V, C> mergeValue, Function2<C, C, C> mergeCombiners)
    implements Serializable {

  public Aggregator {
    requireNonNull(createCombiner, "createCombiner is null");
    requireNonNull(mergeValue, "mergeValue is null");
    requireNonNull(mergeCombiners, "mergeCombiners is null");
  }
}

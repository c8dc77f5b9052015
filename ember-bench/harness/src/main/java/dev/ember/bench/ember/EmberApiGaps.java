package dev.ember.bench.ember;

import dev.ember.EmberContext;
import dev.ember.Tuple2;
import dev.ember.rdd.PairRDD;
import dev.ember.rdd.RDD;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The two entry points the RDD workloads need that ember-core does not have yet:
 * {@code EmberContext.textFile(String)} and {@code PairRDD.join(PairRDD)}. Each is looked up by
 * reflection, so a workload that needs one reports "not yet" until core adds it and runs as soon as it
 * does. Once both exist, replace these look-ups with direct calls.
 */
final class EmberApiGaps {

  private EmberApiGaps() {
  }

  /** Whether {@code EmberContext.textFile(String)} exists. */
  static boolean hasTextFile() {
    return textFileMethod().isPresent();
  }

  /** Whether {@code PairRDD.join(PairRDD)} exists. */
  static boolean hasJoin() {
    return joinMethod().isPresent();
  }

  /** {@code ctx.textFile(path)}: an RDD of the file's lines. */
  @SuppressWarnings("unchecked")
  static RDD<String> textFile(EmberContext ctx, String path) {
    return (RDD<String>) invoke(textFileMethod().orElseThrow(), ctx, path);
  }

  /** {@code left.join(right)}: the inner join of two pair RDDs on their keys. */
  @SuppressWarnings("unchecked")
  static <K, V, W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, V> left, PairRDD<K, W> right) {
    return (PairRDD<K, Tuple2<V, W>>) invoke(joinMethod().orElseThrow(), left, right);
  }

  private static Optional<Method> textFileMethod() {
    return method(EmberContext.class, "textFile", String.class);
  }

  private static Optional<Method> joinMethod() {
    return method(PairRDD.class, "join", PairRDD.class);
  }

  private static Optional<Method> method(Class<?> type, String name, Class<?> parameter) {
    try {
      return Optional.of(type.getMethod(name, parameter));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private static Object invoke(Method method, Object target, Object argument) {
    try {
      return method.invoke(target, argument);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}

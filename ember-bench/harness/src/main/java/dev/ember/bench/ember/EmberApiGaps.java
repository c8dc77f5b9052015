package dev.ember.bench.ember;

import dev.ember.EmberContext;
import dev.ember.rdd.RDD;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The entry point the text-reading RDD workloads need that ember-core does not have yet:
 * {@code EmberContext.textFile(String)}. It is looked up by reflection, so those workloads report
 * "not yet" until core adds it and run as soon as it does. Once it exists, replace this look-up with
 * direct calls.
 */
final class EmberApiGaps {

  private EmberApiGaps() {
  }

  /** Whether {@code EmberContext.textFile(String)} exists. */
  static boolean hasTextFile() {
    return textFileMethod().isPresent();
  }

  /** {@code ctx.textFile(path)}: an RDD of the file's lines. */
  @SuppressWarnings("unchecked")
  static RDD<String> textFile(EmberContext ctx, String path) {
    return (RDD<String>) invoke(textFileMethod().orElseThrow(), ctx, path);
  }

  private static Optional<Method> textFileMethod() {
    return method(EmberContext.class, "textFile", String.class);
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
